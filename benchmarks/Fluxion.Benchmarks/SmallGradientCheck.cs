using System;
using System.Globalization;
using Fluxion.Benchmarks.Functions;

namespace Fluxion.Benchmarks
{
    /// <summary>
    /// Runs before any measurement: the generated and the hand-written gradients must agree to
    /// 1e-9 relative (value and every partial), and central finite differences must agree with
    /// them to 1e-5 relative, or the benchmarks do not start.
    /// </summary>
    public static class SmallGradientCheck
    {
        private const double GradientTolerance = 1e-9;
        private const double FiniteDifferenceTolerance = 1e-5;

        /// <summary>Checks the four functions at the benchmark inputs; throws on a disagreement.</summary>
        public static void Run()
        {
            {
                var (x, y) = Inputs.SineRatio;
                double g = SineRatio.F_Grad(x, y, out double gx, out double gy);
                double h = SineRatio.HandGradient(x, y, out double hx, out double hy);
                double s = SineRatio.HandGradientSameCalls(x, y, out double sx, out double sy);
                SineRatio.FiniteDifference(x, y, out double fx, out double fy);
                Compare("SineRatio", SineRatio.F(x, y), g, h, new[] { gx, gy }, new[] { hx, hy }, new[] { fx, fy });
                Compare("SineRatio (same calls)", SineRatio.F(x, y), g, s, new[] { gx, gy }, new[] { sx, sy }, new[] { fx, fy });
            }
            {
                double[] w = Inputs.LogisticWeights, x = Inputs.LogisticFeatures;
                double y = Inputs.LogisticLabel;
                double primal = LogisticRegression.Loss(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8], x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], y);
                double g = LogisticRegression.Loss_Grad(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8], x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], y,
                    out double g0, out double g1, out double g2, out double g3, out double g4, out double g5, out double g6, out double g7, out double g8);
                double h = LogisticRegression.HandGradient(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8], x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], y,
                    out double h0, out double h1, out double h2, out double h3, out double h4, out double h5, out double h6, out double h7, out double h8);
                LogisticRegression.FiniteDifference(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8], x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], y,
                    out double f0, out double f1, out double f2, out double f3, out double f4, out double f5, out double f6, out double f7, out double f8);
                Compare("LogisticRegression", primal, g, h,
                    new[] { g0, g1, g2, g3, g4, g5, g6, g7, g8 },
                    new[] { h0, h1, h2, h3, h4, h5, h6, h7, h8 },
                    new[] { f0, f1, f2, f3, f4, f5, f6, f7, f8 });
            }
            {
                double[] w = Inputs.XorWeights;
                double lambda = Inputs.XorLambda;
                double primal = XorNetwork.Cost(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8], lambda);
                double g = XorNetwork.Cost_Grad(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8], lambda,
                    out double g0, out double g1, out double g2, out double g3, out double g4, out double g5, out double g6, out double g7, out double g8);
                double h = XorNetwork.HandGradient(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8], lambda,
                    out double h0, out double h1, out double h2, out double h3, out double h4, out double h5, out double h6, out double h7, out double h8);
                XorNetwork.FiniteDifference(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8], lambda,
                    out double f0, out double f1, out double f2, out double f3, out double f4, out double f5, out double f6, out double f7, out double f8);
                Compare("XorNetwork", primal, g, h,
                    new[] { g0, g1, g2, g3, g4, g5, g6, g7, g8 },
                    new[] { h0, h1, h2, h3, h4, h5, h6, h7, h8 },
                    new[] { f0, f1, f2, f3, f4, f5, f6, f7, f8 });
            }
            {
                var (s, k, r, v, t) = Inputs.BlackScholes;
                double g = BlackScholes.CallPrice_Grad(s, k, r, v, t, out double g0, out double g1, out double g2, out double g3, out double g4);
                double h = BlackScholes.HandGradient(s, k, r, v, t, out double h0, out double h1, out double h2, out double h3, out double h4);
                double c = BlackScholes.HandGradientSameCalls(s, k, r, v, t, out double c0, out double c1, out double c2, out double c3, out double c4);
                BlackScholes.FiniteDifference(s, k, r, v, t, out double f0, out double f1, out double f2, out double f3, out double f4);
                double primal = BlackScholes.CallPrice(s, k, r, v, t);
                Compare("BlackScholes", primal, g, h,
                    new[] { g0, g1, g2, g3, g4 }, new[] { h0, h1, h2, h3, h4 }, new[] { f0, f1, f2, f3, f4 });
                Compare("BlackScholes (same calls)", primal, g, c,
                    new[] { g0, g1, g2, g3, g4 }, new[] { c0, c1, c2, c3, c4 }, new[] { f0, f1, f2, f3, f4 });
            }
        }

        private static void Compare(string function, double primal, double generatedValue, double handValue,
            double[] generated, double[] hand, double[] finite)
        {
            Require(function, "value (generated vs primal)", generatedValue, primal, GradientTolerance);
            Require(function, "value (hand-written vs primal)", handValue, primal, GradientTolerance);
            double worstHand = 0.0, worstFinite = 0.0;
            for (int i = 0; i < generated.Length; i++)
            {
                worstHand = Math.Max(worstHand, Require(function, $"partial {i} (generated vs hand-written)", generated[i], hand[i], GradientTolerance));
                worstFinite = Math.Max(worstFinite, Require(function, $"partial {i} (generated vs finite differences)", generated[i], finite[i], FiniteDifferenceTolerance));
            }
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "Gradient check {0,-26} {1} partials: generated vs hand-written {2:0.0E+00}, vs finite differences {3:0.0E+00} (relative)",
                function, generated.Length, worstHand, worstFinite));
        }

        // Relative difference |a − b| / max(|a|, |b|) (0 when both are 0); throws above the tolerance.
        private static double Require(string function, string what, double a, double b, double tolerance)
        {
            double scale = Math.Max(Math.Abs(a), Math.Abs(b));
            double relative = scale == 0.0 ? 0.0 : Math.Abs(a - b) / scale;
            if (!(relative <= tolerance))
            {
                throw new InvalidOperationException(string.Format(CultureInfo.InvariantCulture,
                    "{0}: {1} differ: {2:R} and {3:R} (relative difference {4:0.0E+00} > {5:0.0E+00}).",
                    function, what, a, b, relative, tolerance));
            }
            return relative;
        }
    }
}
