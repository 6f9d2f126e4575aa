using System;
using Fluxion.Numerics.Tests.Functions;
using Fluxion.Numerics.Tests.Harness;

namespace Fluxion.Numerics.Tests
{
    /// <summary>The lesson's two identities, s' = s(1 − s) and dJ/dz = a − y, through the generated methods.</summary>
    public sealed class SigmoidAndCrossEntropyTests
    {
        private const int Draws = 256;

        /// <summary>
        /// The loss as written computes a and 1 − a, each with an absolute rounding error of about ε;
        /// through y/a and (1 − y)/(1 − a) that becomes a relative error of ε/min(a, 1 − a) in the
        /// gradient: 1e-12 in the middle, up to ~1e-9 at |z| = 15. Any wrong rule is off by O(1).
        /// </summary>
        private static double Conditioning(double a) => 1e-12 + 8 * 2.220446049250313e-16 / Math.Min(a, 1 - a);

        [Fact]
        public void SigmoidDerivativeIsSTimesOneMinusS()
        {
            var rng = new SplitMix64(SplitMix64.SeedFor("sigmoid"));
            for (int i = 0; i < Draws; i++)
            {
                double z = rng.Uniform(-30, 30);
                double s = LogisticNetwork.Sigmoid_Grad(z, out double ds);
                Assert.Equal(LogisticNetwork.Sigmoid(z), s);
                Assert.InRange(s, 0.0, 1.0);
                // 1 − s loses relative accuracy as s → 1, so the comparison is absolute near the tails.
                Assert.True(Math.Abs(ds - s * (1 - s)) <= 1e-12 * Math.Max(1e-4, s * (1 - s)) + 1e-16, $"z = {z:R}: {ds:R} vs {s * (1 - s):R}");
            }
        }

        [Fact]
        public void SigmoidDerivativeIsEven()
        {
            var rng = new SplitMix64(SplitMix64.SeedFor("sigmoid even"));
            for (int i = 0; i < Draws; i++)
            {
                double z = rng.Uniform(-20, 20);
                LogisticNetwork.Sigmoid_Grad(z, out double left);
                LogisticNetwork.Sigmoid_Grad(-z, out double right);
                Assert.True(Math.Abs(left - right) <= 1e-14 * Math.Max(left, 1e-300) + 1e-17, $"z = {z:R}");
            }
        }

        [Fact]
        public void CrossEntropyGradientIsPredictionMinusLabel()
        {
            var rng = new SplitMix64(SplitMix64.SeedFor("cross-entropy"));
            for (int i = 0; i < Draws; i++)
            {
                double z = rng.Uniform(-15, 15);
                // Hard labels 0 and 1, and soft labels in between.
                double y = i % 3 == 0 ? 0 : i % 3 == 1 ? 1 : rng.NextDouble();
                double j = LogisticNetwork.CrossEntropy_Grad(z, y, out double dz);
                double a = LogisticNetwork.Sigmoid(z);
                Assert.Equal(LogisticNetwork.CrossEntropy(z, y), j);
                Assert.True(Math.Abs(dz - (a - y)) <= Conditioning(a), $"z = {z:R}, y = {y:R}: {dz:R} vs {a - y:R}");
            }
        }

        [Fact]
        public void CrossEntropyGradientInTheLabelIsMinusZ()
        {
            var rng = new SplitMix64(SplitMix64.SeedFor("cross-entropy y"));
            for (int i = 0; i < Draws; i++)
            {
                double z = rng.Uniform(-10, 10);
                double y = rng.NextDouble();
                LogisticNetwork.CrossEntropyBoth_Grad(z, y, out double dz, out double dy);
                double a = LogisticNetwork.Sigmoid(z);
                Assert.True(Math.Abs(dz - (a - y)) <= Conditioning(a), $"z = {z:R}");
                // log(1 − a) − log a = −z, up to the same rounding of a and 1 − a.
                Assert.True(Math.Abs(dy + z) <= Conditioning(a) * Math.Max(1, Math.Abs(z)), $"z = {z:R}: dy = {dy:R}");
            }
        }
    }
}
