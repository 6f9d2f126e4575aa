using System;

namespace Fluxion.Generator.Tests
{
    /// <summary>
    /// Checks a generated gradient against central differences. Where the left and right differences disagree,
    /// a kink or jump (a branch or a trip count that changes) lies within the step: that coordinate is skipped, as is
    /// one where rounding swamps the step (in the function's value or in an intermediate).
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

                // Where f is so large that a step of the argument is lost in its rounding (ε·|f|/Step), the
                // difference cannot resolve the derivative at all: that coordinate is skipped too.
                double rounding = 2.2e-16 * Math.Max(Math.Abs(value), Math.Max(Math.Abs(plus), Math.Abs(minus))) / Step;
                if (rounding > 1e-5 * (1 + Math.Abs(gradient[i])))
                {
                    continue;
                }

                // The same where an intermediate is that large (x + huge): f(x + h) and f(x − h) come out bit for bit
                // equal. A function that is really flat there is flat for a thousand times the step too; one that
                // changes over that step had the step lost in rounding, and is skipped.
                if (plus == minus && gradient[i] != 0 && Shifted(1e-3) != Shifted(-1e-3))
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
