using System;
using System.Collections.Generic;
using Fluxion.Numerics.Tests.Functions;
using Fluxion.Numerics.Tests.Harness;

namespace Fluxion.Numerics.Tests
{
    /// <summary>
    /// The generated gradient of the lesson's network loss against backpropagation written by hand
    /// (<see cref="Backprop"/>), calling the generated methods directly as a user would.
    /// </summary>
    public sealed class NetworkBackpropTests
    {
        private const int Draws = 64;

        /// <summary>Both sides do the same few hundred operations in different orders: ~1e-15 apart.</summary>
        private const double Tolerance = 1e-12;

        public static TheoryData<string> Variants => new() { "SampleLoss", "Loss1", "Loss3", "Loss4" };

        [Theory]
        [MemberData(nameof(Variants))]
        public void GeneratedGradientEqualsBackpropagation(string variant)
        {
            var rng = new SplitMix64(SplitMix64.SeedFor("backprop " + variant));
            for (int draw = 0; draw < Draws; draw++)
            {
                double[] w = new double[9];
                for (int i = 0; i < 9; i++)
                {
                    w[i] = rng.Uniform(-2, 2);
                }

                int m = variant switch { "Loss3" => 3, "Loss4" => 4, _ => 1 };
                var samples = new double[m][];
                for (int s = 0; s < m; s++)
                {
                    samples[s] = [rng.Uniform(-3, 3), rng.Uniform(-3, 3), rng.Bool() ? 1 : 0];
                }

                double lambda = variant == "SampleLoss" ? 0 : rng.Uniform(0, 2);
                double[] generated = CallGenerated(variant, w, samples, lambda, out double value, out double original);
                double[] expected = Backprop.Gradient(new double[2, 3] { { w[0], w[1], w[2] }, { w[3], w[4], w[5] } }, [w[6], w[7], w[8]], samples, lambda);

                Assert.Equal(original, value);
                for (int k = 0; k < 9; k++)
                {
                    double tolerance = Tolerance * Math.Max(1, Math.Abs(expected[k]));
                    Assert.True(
                        Math.Abs(generated[k] - expected[k]) <= tolerance,
                        $"{variant}, draw {draw}, weight {WeightNames[k]}: generated {generated[k]:R}, backprop {expected[k]:R}");
                }
            }
        }

        /// <summary>The m-sample loss's gradient is the mean of the per-sample gradients plus (λ/m)·θ off the bias.</summary>
        [Fact]
        public void BatchGradientIsTheMeanOfSampleGradientsPlusRegularisation()
        {
            var rng = new SplitMix64(SplitMix64.SeedFor("batch mean"));
            for (int draw = 0; draw < Draws; draw++)
            {
                double[] w = new double[9];
                for (int i = 0; i < 9; i++)
                {
                    w[i] = rng.Uniform(-2, 2);
                }

                var samples = new double[3][];
                for (int s = 0; s < 3; s++)
                {
                    samples[s] = [rng.Uniform(-3, 3), rng.Uniform(-3, 3), rng.Bool() ? 1 : 0];
                }

                double lambda = rng.Uniform(0, 2);
                double[] batch = CallGenerated("Loss3", w, samples, lambda, out _, out _);
                var mean = new double[9];
                foreach (double[] sample in samples)
                {
                    double[] g = CallGenerated("SampleLoss", w, [sample], 0, out _, out _);
                    for (int k = 0; k < 9; k++)
                    {
                        mean[k] += g[k] / 3;
                    }
                }

                for (int k = 0; k < 9; k++)
                {
                    bool bias = k == 0 || k == 3 || k == 6;
                    double expected = mean[k] + (bias ? 0 : lambda / 3 * w[k]);
                    Assert.True(Math.Abs(batch[k] - expected) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"draw {draw}, weight {WeightNames[k]}");
                }
            }
        }

        /// <summary>A bias weight gets no regularisation: its gradient does not depend on λ.</summary>
        [Fact]
        public void BiasWeightsAreNotRegularised()
        {
            var rng = new SplitMix64(SplitMix64.SeedFor("bias"));
            for (int draw = 0; draw < Draws; draw++)
            {
                double[] w = new double[9];
                for (int i = 0; i < 9; i++)
                {
                    w[i] = rng.Uniform(-2, 2);
                }

                double[][] samples = [[rng.Uniform(-3, 3), rng.Uniform(-3, 3), 1], [rng.Uniform(-3, 3), rng.Uniform(-3, 3), 0], [rng.Uniform(-3, 3), rng.Uniform(-3, 3), 1]];
                double[] without = CallGenerated("Loss3", w, samples, 0, out _, out _);
                double[] with = CallGenerated("Loss3", w, samples, 1.5, out _, out _);
                for (int k = 0; k < 9; k++)
                {
                    bool bias = k == 0 || k == 3 || k == 6;
                    double expected = bias ? 0 : 1.5 / 3 * w[k];
                    Assert.True(Math.Abs(with[k] - without[k] - expected) <= 1e-12, $"draw {draw}, weight {WeightNames[k]}");
                }
            }
        }

        private static readonly string[] WeightNames = ["w10", "w11", "w12", "w20", "w21", "w22", "v0", "v1", "v2"];

        private static double[] CallGenerated(string variant, double[] w, double[][] s, double lambda, out double value, out double original)
        {
            var g = new double[9];
            switch (variant)
            {
                case "SampleLoss":
                    original = LogisticNetwork.SampleLoss(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8], s[0][0], s[0][1], s[0][2]);
                    value = LogisticNetwork.SampleLoss_Grad(
                        w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8], s[0][0], s[0][1], s[0][2],
                        out g[0], out g[1], out g[2], out g[3], out g[4], out g[5], out g[6], out g[7], out g[8]);
                    break;
                case "Loss1":
                    original = LogisticNetwork.Loss1(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8], s[0][0], s[0][1], s[0][2], lambda);
                    value = LogisticNetwork.Loss1_Grad(
                        w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8], s[0][0], s[0][1], s[0][2], lambda,
                        out g[0], out g[1], out g[2], out g[3], out g[4], out g[5], out g[6], out g[7], out g[8]);
                    break;
                case "Loss3":
                    original = LogisticNetwork.Loss3(
                        w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8],
                        s[0][0], s[0][1], s[0][2], s[1][0], s[1][1], s[1][2], s[2][0], s[2][1], s[2][2], lambda);
                    value = LogisticNetwork.Loss3_Grad(
                        w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8],
                        s[0][0], s[0][1], s[0][2], s[1][0], s[1][1], s[1][2], s[2][0], s[2][1], s[2][2], lambda,
                        out g[0], out g[1], out g[2], out g[3], out g[4], out g[5], out g[6], out g[7], out g[8]);
                    break;
                case "Loss4":
                    original = LogisticNetwork.Loss4(
                        w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8],
                        s[0][0], s[0][1], s[0][2], s[1][0], s[1][1], s[1][2], s[2][0], s[2][1], s[2][2], s[3][0], s[3][1], s[3][2], lambda);
                    value = LogisticNetwork.Loss4_Grad(
                        w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8],
                        s[0][0], s[0][1], s[0][2], s[1][0], s[1][1], s[1][2], s[2][0], s[2][1], s[2][2], s[3][0], s[3][1], s[3][2], lambda,
                        out g[0], out g[1], out g[2], out g[3], out g[4], out g[5], out g[6], out g[7], out g[8]);
                    break;
                default:
                    throw new ArgumentException(variant);
            }

            return g;
        }
    }
}
