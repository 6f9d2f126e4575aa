using System;
using System.Diagnostics;
using Fluxion.Numerics.Tests.Functions;

namespace Fluxion.Numerics.Tests
{
    /// <summary>
    /// Reverse mode costs a small constant times the function, whatever the number of parameters:
    /// one forward sweep, one backward sweep. Recomputing the function per parameter (or expression
    /// swell) would cost at least as many times the function as there are parameters.
    /// </summary>
    public sealed class CostTests
    {
        private const int Calls = 20_000;
        private const int Rounds = 15;

        [Fact]
        public void NetworkLossGradientCostsAFewLossEvaluations()
        {
            double[] w = [0.3, -0.2, 0.5, 0.1, 0.4, -0.6, 0.2, 0.7, -0.3];
            double sink = 0;
            double ratio = Ratio(
                () =>
                {
                    for (int i = 0; i < Calls; i++)
                    {
                        sink += LogisticNetwork.Loss4(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8] + i * 1e-9, 1, 2, 1, -1, 0.5, 0, 2, -2, 1, 0.3, 0.1, 0, 0.5);
                    }
                },
                () =>
                {
                    for (int i = 0; i < Calls; i++)
                    {
                        sink += LogisticNetwork.Loss4_Grad(
                            w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8] + i * 1e-9, 1, 2, 1, -1, 0.5, 0, 2, -2, 1, 0.3, 0.1, 0, 0.5,
                            out double d0, out _, out _, out _, out _, out _, out _, out _, out double d8);
                        sink += d0 + d8;
                    }
                });
            Assert.True(double.IsFinite(sink));
            // Nine parameters: anything that recomputes per parameter is ≥ 9 times the loss.
            Assert.True(ratio < 6, $"the gradient costs {ratio:F1} loss evaluations");
        }

        [Fact]
        public void DeepCompositionGradientCostsAFewEvaluations()
        {
            double sink = 0;
            double ratio = Ratio(
                () =>
                {
                    for (int i = 0; i < Calls; i++)
                    {
                        sink += DeepCompositions.NestedSine(0.5 + i * 1e-9);
                    }
                },
                () =>
                {
                    for (int i = 0; i < Calls; i++)
                    {
                        sink += DeepCompositions.NestedSine_Grad(0.5 + i * 1e-9, out double dx) + dx;
                    }
                });
            Assert.True(double.IsFinite(sink));
            // Ten nested sines: the gradient needs ten more cosines, so about twice the work.
            Assert.True(ratio < 6, $"the gradient costs {ratio:F1} evaluations");
        }

        /// <summary>Fastest gradient round over fastest function round, after warming both up.</summary>
        private static double Ratio(Action function, Action gradient)
        {
            function();
            gradient();
            long bestFunction = long.MaxValue, bestGradient = long.MaxValue;
            for (int round = 0; round < Rounds; round++)
            {
                var watch = Stopwatch.StartNew();
                function();
                bestFunction = Math.Min(bestFunction, watch.ElapsedTicks);
                watch.Restart();
                gradient();
                bestGradient = Math.Min(bestGradient, watch.ElapsedTicks);
            }

            return (double)bestGradient / Math.Max(1, bestFunction);
        }
    }
}
