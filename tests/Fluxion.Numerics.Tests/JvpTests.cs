using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Fluxion.Numerics.Tests.Harness;

namespace Fluxion.Numerics.Tests
{
    /// <summary>
    /// Forward mode against reverse mode on every function of both catalogs: <c>F_Jvp</c> has the documented signature,
    /// returns F's value bit for bit, and its directional derivative is ∇F·v (from <c>F_Grad</c>) for random directions v,
    /// at <see cref="GradientChecks.PointsPerFunction"/> seeded points per function.
    /// </summary>
    public sealed class JvpTests
    {
        /// <summary>
        /// |JVP − Σ gᵢvᵢ| ≤ 1e-12 · max(1, Σ|gᵢvᵢ|), directions in [−1, 1]: the two modes add the same products in different
        /// orders, so they agree to a few ulps of the largest term; the floor of 1 (as for exact derivatives) lets a derivative
        /// that vanishes by cancellation (sin² + cos², x / x) differ by rounding. A wrong tangent rule is off by a term.
        /// </summary>
        public const double Tolerance = 1e-12;

        public static TheoryData<string> Functions => Catalog.Names();

        public static TheoryData<string> ArrayFunctions => ArrayCatalog.Names();

        [Theory]
        [MemberData(nameof(Functions))]
        public void JvpHasTheDocumentedSignature(string name)
        {
            GradientCase c = Catalog.Get(name);
            MethodInfo jvp = c.Jvp ?? throw new Xunit.Sdk.XunitException($"Fluxion generated no {c.Original.Name}_Jvp with the documented signature.");
            AssertSignature(c.Original, jvp, c.Active);
        }

        [Theory]
        [MemberData(nameof(ArrayFunctions))]
        public void ArrayJvpHasTheDocumentedSignature(string name)
        {
            ArrayCase c = ArrayCatalog.Get(name);
            MethodInfo jvp = c.Jvp ?? throw new Xunit.Sdk.XunitException($"Fluxion generated no {c.Original.Name}_Jvp with the documented signature.");
            AssertSignature(c.Original, jvp, c.Active);
        }

        [Theory]
        [MemberData(nameof(Functions))]
        public void JvpIsTheGradientAlongTheDirection(string name)
        {
            GradientCase c = Catalog.Get(name);
            var failures = new List<string>();
            var rng = new SplitMix64(SplitMix64.SeedFor(name + "/direction"));
            var g = new double[c.Active.Length];
            foreach (double[] p in c.Points(GradientChecks.PointsPerFunction))
            {
                double[] v = c.Active.Select(_ => rng.Uniform(-1.0, 1.0)).ToArray();
                c.ValueAndGradient(p, g);
                (double jvpValue, double derivative) = c.ValueAndDirectionalDerivative(p, v);
                Check(c.Describe(p), c.Value(p), jvpValue, g.Select((gi, i) => gi * v[i]), derivative, failures);
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
        }

        [Theory]
        [MemberData(nameof(ArrayFunctions))]
        public void ArrayJvpIsTheGradientAlongTheDirection(string name)
        {
            ArrayCase c = ArrayCatalog.Get(name);
            var failures = new List<string>();
            var rng = new SplitMix64(SplitMix64.SeedFor(name + "/direction"));
            foreach (object[] p in c.Points(GradientChecks.PointsPerFunction))
            {
                double[][] g = c.NewGradient(p);
                c.ValueAndGradient(ArrayCase.Clone(p), g);
                double[][] v = g.Select(row => row.Select(_ => rng.Uniform(-1.0, 1.0)).ToArray()).ToArray();
                (double jvpValue, double derivative) = c.ValueAndDirectionalDerivative(ArrayCase.Clone(p), v);
                var terms = g.SelectMany((row, k) => row.Select((gi, i) => gi * v[k][i]));
                Check(c.Describe(p), c.Value(ArrayCase.Clone(p)), jvpValue, terms, derivative, failures);
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
        }

        /// <summary>A direction span of the wrong length is refused before any work.</summary>
        [Fact]
        public void AShortDirectionSpanThrows()
        {
            ArrayCase c = ArrayCatalog.All.Values.First(a => a.Active.Any(a.IsSequence));
            object[] p = c.Points(1).First();
            double[][] v = c.NewGradient(p);
            int k = Array.FindIndex(c.Active, c.IsSequence);
            v[k] = new double[v[k].Length + 1];
            var thrown = Assert.Throws<ArgumentException>(() => c.ValueAndDirectionalDerivative(p, v));
            Assert.Contains("direction span", thrown.Message);
        }

        private static void Check(string point, double expectedValue, double value, IEnumerable<double> terms, double derivative, List<string> failures)
        {
            double[] products = terms.ToArray();
            double expected = products.Sum();
            double scale = Math.Max(1.0, products.Sum(Math.Abs));
            if (BitConverter.DoubleToInt64Bits(value) != BitConverter.DoubleToInt64Bits(expectedValue))
            {
                failures.Add($"{point}: _Jvp returned {F(value)}, the original {F(expectedValue)}");
            }
            else if (!(Math.Abs(derivative - expected) <= Tolerance * scale) && !(double.IsNaN(derivative) && double.IsNaN(expected)))
            {
                failures.Add($"{point}: JVP {F(derivative)}, ∇F·v {F(expected)} (Σ|gᵢvᵢ| = {F(scale)})");
            }
        }

        private static void AssertSignature(MethodInfo original, MethodInfo jvp, int[] active)
        {
            DifferentiableAttribute attribute = original.GetCustomAttribute<DifferentiableAttribute>()!;
            ParameterInfo[] expected = original.GetParameters();
            ParameterInfo[] actual = jvp.GetParameters();
            Assert.Equal(typeof(double), jvp.ReturnType);
            Assert.Equal(original.IsPublic, jvp.IsPublic);
            Assert.Equal(expected.Length + active.Length + 1, actual.Length);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i].Name, actual[i].Name);
            }

            for (int k = 0; k < active.Length; k++)
            {
                Assert.Equal(attribute.DerivativePrefix + expected[active[k]].Name + attribute.DerivativeSuffix, actual[expected.Length + k].Name);
            }

            Assert.Equal("derivative", actual[^1].Name);
            Assert.True(actual[^1].IsOut);
        }

        private static string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);
    }
}
