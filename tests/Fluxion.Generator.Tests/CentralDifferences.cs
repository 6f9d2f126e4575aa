using System;

namespace Fluxion.Generator.Tests
{
    /// <summary>
    /// Checks a generated gradient against central differences. Where the left and right differences disagree,
    /// a kink or jump (a branch or a trip count that changes) lies within the step: that coordinate is skipped.
    /// </summary>
    internal static class CentralDifferences
    {
        private const double Step = 1e-6;

        /// <summary>
        /// Compares <paramref name="gradient"/> with central differences of <paramref name="function"/> at
        /// <paramref name="point"/>, whose value is <paramref name="value"/>; returns how many coordinates were compared.
        /// </summary>
        public static int Check(Func<double[], double> function, double[] point, double value, double[] gradient, string what)
        {
            int compared = 0;
            for (int i = 0; i < point.Length; i++)
            {
                double Shifted(double delta)
                {
                    double[] shifted = (double[])point.Clone();
                    shifted[i] += delta;
                    return function(shifted);
                }

                double plus = Shifted(Step);
                double minus = Shifted(-Step);
                double right = (plus - value) / Step;
                double left = (value - minus) / Step;
                double central = (plus - minus) / (2 * Step);
                if (Math.Abs(right - left) > 1e-3 * (1 + Math.Abs(central)))
                {
                    continue;
                }

                // The difference's own error is truncation (~Step² times the third derivative) plus rounding
                // (~ε·|f|/Step). Doubling the step quadruples the truncation, so the gap between the two estimates
                // measures it where f grows wildly (a loop that squares a value); elsewhere the fixed part dominates.
                double wider = (Shifted(2 * Step) - Shifted(-2 * Step)) / (4 * Step);
                double tolerance = 1e-5 * (1 + Math.Abs(central)) + 2 * Math.Abs(wider - central);
                Assert.True(
                    Math.Abs(gradient[i] - central) <= tolerance,
                    $"{what}: coordinate {i} at ({string.Join(", ", point)}): generated {gradient[i]}, central difference {central}");
                compared++;
            }

            return compared;
        }
    }
}
