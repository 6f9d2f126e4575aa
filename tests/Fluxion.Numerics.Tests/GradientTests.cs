using System;
using System.Linq;
using System.Reflection;
using Fluxion.Numerics.Tests.Harness;

namespace Fluxion.Numerics.Tests
{
    /// <summary>
    /// The checks every differentiable function of the catalog goes through, one test case per
    /// function and check, at <see cref="GradientChecks.PointsPerFunction"/> seeded random points.
    /// </summary>
    public sealed class GradientTests
    {
        public static TheoryData<string> Functions => Catalog.Names();

        public static TheoryData<string> FunctionsWithExactDerivative => Catalog.Names(c => c.Exact is not null);

        /// <summary>F_Grad exists with F's parameters followed by out double d&lt;param&gt; per differentiated parameter, in order.</summary>
        [Theory]
        [MemberData(nameof(Functions))]
        public void GradientHasTheDocumentedSignature(string name)
        {
            GradientCase c = Catalog.Get(name);
            MethodInfo grad = c.Gradient ?? throw new Xunit.Sdk.XunitException($"Fluxion generated no {c.Original.Name}_Grad.");
            ParameterInfo[] expected = c.Original.GetParameters();
            ParameterInfo[] actual = grad.GetParameters();
            Assert.Equal(typeof(double), grad.ReturnType);
            Assert.Equal(expected.Length + c.Active.Length, actual.Length);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i].ParameterType, actual[i].ParameterType);
                Assert.Equal(expected[i].Name, actual[i].Name);
            }

            for (int k = 0; k < c.Active.Length; k++)
            {
                ParameterInfo output = actual[expected.Length + k];
                Assert.True(output.IsOut, $"{output.Name} is not out");
                Assert.Equal(typeof(double).MakeByRefType(), output.ParameterType);
                Assert.Equal(c.Attribute.DerivativePrefix + expected[c.Active[k]].Name + c.Attribute.DerivativeSuffix, output.Name);
            }
        }

        /// <summary>The value F_Grad returns is F's value, bit for bit (so the sign of a zero too).</summary>
        [Theory]
        [MemberData(nameof(Functions))]
        public void ReturnsTheOriginalValueExactly(string name)
        {
            var failures = GradientChecks.ValueMatches(Catalog.Get(name));
            Assert.True(failures.Count == 0, GradientChecks.Report(failures));
        }

        [Theory]
        [MemberData(nameof(Functions))]
        public void GradientAgreesWithCentralDifferences(string name)
        {
            var failures = GradientChecks.AgreesWithFiniteDifferences(Catalog.Get(name));
            Assert.True(failures.Count == 0, GradientChecks.Report(failures));
        }

        [Theory]
        [MemberData(nameof(FunctionsWithExactDerivative))]
        public void GradientAgreesWithExactDerivative(string name)
        {
            var failures = GradientChecks.AgreesWithExactDerivative(Catalog.Get(name));
            Assert.True(failures.Count == 0, GradientChecks.Report(failures));
        }

        [Fact]
        public void CatalogHasAtLeastSixtyDistinctFunctions()
        {
            Assert.True(Catalog.All.Count >= 60, $"only {Catalog.All.Count} functions");
            Assert.Equal(Catalog.All.Count, Catalog.All.Values.Select(c => c.Original).Distinct().Count());
        }

        /// <summary>
        /// No [Differentiable] method of this assembly escapes the checks (of the scalar or the array catalog). Vector-valued
        /// methods (void) are VectorTests' cases instead, which checks that it has them all.
        /// </summary>
        /// <summary>Methods that use Gradient.Stop: differences of the function see what the gradient does not, by design (tested apart).</summary>
        private static readonly string[] StopsGradients = { "Supplied.StoppedGoal" };

        [Fact]
        public void EveryDifferentiableMethodIsInTheCatalog()
        {
            var declared = typeof(GradientTests).Assembly.GetTypes()
                .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
                .Where(m => m.GetCustomAttribute<DifferentiableAttribute>() is not null && m.ReturnType != typeof(void))
                .Select(GradientCase.NameOf)
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToList();
            var missing = declared.Where(n => !Catalog.All.ContainsKey(n) && !ArrayCatalog.All.ContainsKey(n) && !StopsGradients.Contains(n)).ToList();
            Assert.True(missing.Count == 0, "not in the catalog: " + string.Join(", ", missing));
        }
    }
}
