using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Fluxion.Numerics.Tests.Harness
{
    /// <summary>The three checks every case goes through. Each returns the failures it found (empty when none).</summary>
    public static class GradientChecks
    {
        /// <summary>Random points per function (each seeded by the function's name, so reproducible).</summary>
        public const int PointsPerFunction = 64;

        /// <summary>
        /// Default tolerance of the comparison with a hand-derived derivative:
        /// |generated − exact| ≤ 1e-12 · max(1, |exact|). Both sides are a few dozen correctly
        /// rounded operations apart, so they agree to ~1e-15 relative; the floor of 1 keeps
        /// derivatives that vanish (where the two sides cancel differently) from demanding a
        /// relative accuracy rounding cannot give. A wrong rule is off by O(1).
        /// </summary>
        public const double ExactTolerance = 1e-12;

        private const double Epsilon = 2.220446049250313e-16;

        /// <summary>
        /// Central differences f'(x) ≈ (f(x+h) − f(x−h)) / 2h have two errors:
        /// truncation ≈ h²·|f'''(x)|/6 and rounding ≈ K·ε·|f(x)|/h, where K·ε bounds the relative
        /// error of one evaluation of f (K ≤ 100 ulps even for the deepest functions here).
        /// The sum is smallest near h = ε^(1/3) ≈ 6.1e-6 (scaled by max(1, |x|) so that the step is
        /// relative for large x), where both are ~1e-11 for the well-scaled functions and domains
        /// used here: domains stay clear of poles, where f''' explodes, and are chosen in units
        /// where the derivatives are of order 1e-3 to 1e3, so that the absolute part of the
        /// tolerance below never swamps them.
        /// The check therefore allows
        ///     |g − fd| ≤ 1e-6 · (1 + |g|)  +  100·ε·max|f(x±h)| / h,
        /// i.e. about 1e-6 absolute-plus-relative, plus the rounding bound for functions whose value
        /// is much larger than their slope. That is 5 orders of magnitude above the expected error
        /// and 2 or more orders below the error of any wrong derivative rule (see HarnessSelfTests).
        /// The step actually taken is (x+h) − (x−h), computed in floating point, so the
        /// representation error of x ± h does not enter.
        /// </summary>
        public static readonly double StepScale = Math.Cbrt(Epsilon);

        public const double FiniteDifferenceTolerance = 1e-6;

        public static List<string> ValueMatches(GradientCase c)
        {
            var failures = new List<string>();
            if (c.Gradient is null)
            {
                failures.Add($"Fluxion generated no {c.Original.Name}_Grad.");
                return failures;
            }

            var g = new double[c.Active.Length];
            foreach (double[] p in c.Points(PointsPerFunction))
            {
                double expected = c.Value(p);
                double actual = c.ValueAndGradient(p, g);
                if (!double.IsFinite(expected))
                {
                    failures.Add($"{c.Describe(p)}: the original is {F(expected)} (point outside the domain?)");
                }
                else if (BitConverter.DoubleToInt64Bits(actual) != BitConverter.DoubleToInt64Bits(expected))
                {
                    failures.Add($"{c.Describe(p)}: _Grad returned {F(actual)}, the original {F(expected)}");
                }
            }

            return failures;
        }

        public static List<string> AgreesWithFiniteDifferences(GradientCase c) =>
            AgreesWithFiniteDifferences(c, c.ValueAndGradient);

        /// <summary>The finite-difference check of any gradient function (the self-tests feed it wrong ones).</summary>
        public static List<string> AgreesWithFiniteDifferences(GradientCase c, Func<double[], double[], double> valueAndGradient)
        {
            var failures = new List<string>();
            if (c.Gradient is null)
            {
                failures.Add($"Fluxion generated no {c.Original.Name}_Grad.");
                return failures;
            }

            if (c.Active.Length == 0)
            {
                failures.Add("The case differentiates no parameter.");
                return failures;
            }

            var g = new double[c.Active.Length];
            foreach (double[] p in c.Points(PointsPerFunction))
            {
                valueAndGradient(p, g);
                for (int k = 0; k < c.Active.Length; k++)
                {
                    int i = c.Active[k];
                    double x = p[i];
                    double h = StepScale * Math.Max(1.0, Math.Abs(x));
                    double[] plus = (double[])p.Clone();
                    double[] minus = (double[])p.Clone();
                    plus[i] = x + h;
                    minus[i] = x - h;
                    double step = plus[i] - minus[i];
                    double fPlus = c.Value(plus);
                    double fMinus = c.Value(minus);
                    double fd = (fPlus - fMinus) / step;
                    double tolerance = FiniteDifferenceTolerance * (1.0 + Math.Abs(g[k]))
                        + 200.0 * Epsilon * Math.Max(Math.Abs(fPlus), Math.Abs(fMinus)) / step;
                    if (!double.IsFinite(g[k]) || !double.IsFinite(fd) || Math.Abs(g[k] - fd) > tolerance)
                    {
                        failures.Add($"{c.Describe(p)}: d{c.ActiveName(k)} = {F(g[k])}, central difference {F(fd)} (tolerance {tolerance:G3})");
                    }
                }
            }

            return failures;
        }

        public static List<string> AgreesWithExactDerivative(GradientCase c)
        {
            var failures = new List<string>();
            Func<double[], double[]> exact = c.Exact ?? throw new InvalidOperationException($"{c.Name} has no exact derivative.");
            if (c.Gradient is null)
            {
                failures.Add($"Fluxion generated no {c.Original.Name}_Grad.");
                return failures;
            }

            var g = new double[c.Active.Length];
            foreach (double[] p in c.Points(PointsPerFunction))
            {
                c.ValueAndGradient(p, g);
                double[] e = exact(p);
                if (e.Length != c.Active.Length)
                {
                    throw new InvalidOperationException($"{c.Name}: the exact derivative has {e.Length} entries for {c.Active.Length} parameters.");
                }

                for (int k = 0; k < e.Length; k++)
                {
                    double tolerance = c.ExactTolerance * Math.Max(1.0, Math.Abs(e[k]));
                    if (!double.IsFinite(e[k]) || !(Math.Abs(g[k] - e[k]) <= tolerance))
                    {
                        failures.Add($"{c.Describe(p)}: d{c.ActiveName(k)} = {F(g[k])}, exact {F(e[k])} (difference {Math.Abs(g[k] - e[k]):G3}, tolerance {tolerance:G3})");
                    }
                }
            }

            return failures;
        }

        /// <summary>Formats failures for an assertion message: how many, then the first few.</summary>
        public static string Report(List<string> failures) =>
            $"{failures.Count} failure(s) at {PointsPerFunction} points:\n  " + string.Join("\n  ", failures.Take(8));

        private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
    }
}
