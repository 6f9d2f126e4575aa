using System;
using System.Linq;
using Fluxion.Numerics.Tests.Functions;
using Fluxion.Numerics.Tests.Harness;

namespace Fluxion.Numerics.Tests
{
    /// <summary>
    /// The hand-derived exact gradients of the local-array catalog are themselves right: each agrees with
    /// central differences of the original method, with no generated code involved. A disagreement
    /// between a generated gradient and one of these references is then the generator's.
    /// </summary>
    public sealed class LocalArrayReferenceTests
    {
        /// <summary>The functions of LocalArrays and LocalArrayLengths.</summary>
        public static TheoryData<string> Cases => ArrayCatalog.Names(c => c.Name.StartsWith("LocalArray", StringComparison.Ordinal));

        [Theory]
        [MemberData(nameof(Cases))]
        public void ExactGradientAgreesWithCentralDifferencesOfTheOriginal(string name)
        {
            ArrayCase c = ArrayCatalog.Get(name);
            var failures = ArrayChecks.AgreesWithFiniteDifferences(c, (p, g) => ExactInto(c, p, g));
            Assert.True(failures.Count == 0, GradientChecks.Report(failures));
        }

        /// <summary>Writes the exact gradient at p into g and returns the original's value.</summary>
        private static double ExactInto(ArrayCase c, object[] p, double[][] g)
        {
            object[] exact = c.Exact!(new ArrayPoint(p));
            for (int k = 0; k < g.Length; k++)
            {
                double[] e = exact[k] switch
                {
                    double d => [d],
                    double[] a => a,
                    _ => throw new InvalidOperationException($"{c.Name}: exact entry {k} is {exact[k]?.GetType()}."),
                };
                Array.Copy(e, g[k], g[k].Length);
            }

            return c.Value(p);
        }
    }
}
