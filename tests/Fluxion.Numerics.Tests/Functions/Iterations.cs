using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>
    /// Iterations: Newton's method and fixed-point iterations with constant, int-parameter and
    /// data-dependent trip counts, series summed until their terms are small, and loops whose trip count
    /// follows a double parameter.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Converged iterations are checked against the derivative of what they converge to (the implicit
    /// function theorem: for r = g(r, a), dr/da = g_a / (1 − g_r)), computed from a root found
    /// independently by bisection. The derivative of a converged Newton iteration agrees with it to
    /// second order in the last step; that of a contracting fixed-point iteration converges with the
    /// iteration itself.
    /// </para>
    /// <para>
    /// Where a trip count depends on the data, the function jumps where it changes. When the loop stops
    /// at rounding level (converged) the jump is a few ulps, far below what a central difference sees.
    /// When it stops early (a coarse tolerance, a cap, a double loop bound) the jump is visible, so each
    /// stopping test is declared as a boundary, in log scale for a tolerance, every trip count is
    /// declared as a branch (the points cover both sides of every change), and the exact derivative is
    /// the one of the iterations that ran, written as a forward recurrence or a partial sum.
    /// </para>
    /// </remarks>
    public static partial class Iterations
    {
        /// <summary>Newton's square root, 40 steps from (1 + a)/2: converged far before the end.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double NewtonSqrtFixedSteps(double a)
        {
            double r = 0.5 * (1 + a);
            for (int k = 0; k < 40; k++)
            {
                r = 0.5 * (r + a / r);
            }

            return r;
        }

        /// <summary>Newton's square root until the residual is at rounding level (a data-dependent trip count).</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double NewtonSqrtConverged(double a)
        {
            double r = 0.5 * (1 + a);
            int steps = 0;
            while (Math.Abs(r * r - a) > 1e-14 * a && steps < 100)
            {
                r = 0.5 * (r + a / r);
                steps++;
            }

            return r;
        }

        /// <summary>Newton's square root stopped at a coarse relative residual of 10⁻⁴: the result jumps where the trip count changes.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double NewtonSqrtCoarse(double a)
        {
            double r = 0.5 * (1 + a);
            while (Math.Abs(r * r - a) > 1e-4 * a)
            {
                r = 0.5 * (r + a / r);
            }

            return r;
        }

        /// <summary>Babylonian steps from a guess r0, as many as an int parameter says: a derivative in a and in the guess.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double BabylonianWithSteps(double a, double r0, int steps)
        {
            double r = r0;
            for (int k = 0; k < steps; k++)
            {
                r = 0.5 * (r + a / r);
            }

            return r;
        }

        /// <summary>Kepler's equation E = M + e·sin E by 200 fixed-point steps (a contraction for e &lt; 1).</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double KeplerFixedPoint(double m, double e)
        {
            double E = m;
            for (int k = 0; k < 200; k++)
            {
                E = m + e * Math.Sin(E);
            }

            return E;
        }

        /// <summary>Kepler's equation by Newton until the step is below 10⁻¹², with a cap on the count.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double KeplerNewton(double m, double e)
        {
            double E = m;
            double step = 1.0;
            int k = 0;
            while (Math.Abs(step) > 1e-12 && k < 50)
            {
                step = (E - e * Math.Sin(E) - m) / (1 - e * Math.Cos(E));
                E -= step;
                k++;
            }

            return E;
        }

        /// <summary>The fixed point r = a·cos r, iterated until the change is below 10⁻¹⁵.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double FixedPointCosine(double a)
        {
            double r = a;
            double change = 1.0;
            int k = 0;
            while (Math.Abs(change) > 1e-15 && k < 1000)
            {
                double next = a * Math.Cos(r);
                change = next - r;
                r = next;
                k++;
            }

            return r;
        }

        /// <summary>The real root of r⁵ + r = a by Newton from 0 until the residual is tiny.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double QuinticRoot(double a)
        {
            double r = 0.0;
            double f = -a;
            int k = 0;
            while (Math.Abs(f) > 1e-13 * (1 + Math.Abs(a)) && k < 100)
            {
                r -= f / (5 * r * r * r * r + 1);
                f = r * r * r * r * r + r - a;
                k++;
            }

            return r;
        }

        /// <summary>Newton's cube root in a do loop until the relative change is below 10⁻¹⁴; the condition reads a local the body assigns.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double CubeRootDoWhile(double a)
        {
            double r = 1 + a / 3;
            double change = 0.0;
            do
            {
                double next = (2 * r + a / (r * r)) / 3;
                change = next - r;
                r = next;
            }
            while (Math.Abs(change) > 1e-14 * r);

            return r;
        }

        /// <summary>
        /// Eight bisection steps for √a in [0, 4], then one Newton step from the midpoint: only the
        /// Newton step carries a derivative (the bisection is a sequence of comparisons).
        /// </summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double BisectionThenNewton(double a)
        {
            double lo = 0.0;
            double hi = 4.0;
            for (int k = 0; k < 8; k++)
            {
                double mid = 0.5 * (lo + hi);
                if (mid * mid < a)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid;
                }
            }

            double r = 0.5 * (lo + hi);
            return r + (a - r * r) / (2 * r);
        }

        /// <summary>The Taylor series of eˣ to 25 terms, each term from the last.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ExpTaylorFixedTerms(double x)
        {
            double term = 1.0;
            double s = 1.0;
            for (int k = 1; k <= 25; k++)
            {
                term *= x / k;
                s += term;
            }

            return s;
        }

        /// <summary>The Taylor series of eˣ summed while the term exceeds 10⁻³: the trip count, and the value's jumps, follow x.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ExpTaylorUntilSmall(double x)
        {
            double term = 1.0;
            double s = 0.0;
            int k = 0;
            while (term > 1e-3)
            {
                s += term;
                k++;
                term *= x / k;
            }

            return s;
        }

        /// <summary>The Taylor series of sin x summed until the term is below 10⁻¹⁷ (converged: its derivative is cos x).</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SinTaylorUntilConverged(double x)
        {
            double term = x;
            double s = 0.0;
            int k = 1;
            while (Math.Abs(term) > 1e-17)
            {
                s += term;
                term *= -x * x / ((k + 1) * (k + 2));
                k += 2;
            }

            return s;
        }

        /// <summary>tanh x by Lambert's continued fraction, 20 levels evaluated bottom up.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double TanhContinuedFraction(double x)
        {
            double x2 = x * x;
            double t = 41.0;
            for (int k = 19; k >= 1; k--)
            {
                t = (2 * k + 1) + x2 / t;
            }

            return x / (1 + x2 / t);
        }

        /// <summary>
        /// ln x by range reduction: the double parameter x itself is halved in the loop until it is at
        /// most 2. The trip count follows x, but ln(x/2ᵏ) + k·ln 2 is ln x on every piece.
        /// </summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double RangeReductionLog(double x)
        {
            int k = 0;
            while (x > 2)
            {
                x *= 0.5;
                k++;
            }

            return Math.Log(x) + k * Math.Log(2.0);
        }

        /// <summary>A double loop variable stepping by 1/4 up to x: the value is a staircase in x (derivative 0), linear in y.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double QuarterStepStaircase(double x, double y)
        {
            double s = 0.0;
            for (double t = 0; t < x; t += 0.25)
            {
                s += y * Math.Sin(t);
            }

            return s;
        }

        /// <summary>The trip count is ⌊x⌋, converted from the differentiated parameter.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double FloorTripCount(double x)
        {
            int n = (int)Math.Floor(x);
            double s = 0.0;
            for (int k = 0; k < n; k++)
            {
                s += Math.Sqrt(x + k);
            }

            return s;
        }

        /// <summary>Growth s ← s(1 + x) + 1 for at most n steps, stopping early once s reaches 100 (a compound loop condition).</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double GrowthUntilCap(double x, int n)
        {
            double s = 1.0;
            int k = 0;
            while (k < n && s < 100)
            {
                s = s * (1 + x) + 1;
                k++;
            }

            return s;
        }
    }

    public static class IterationCases
    {
        /// <summary>The root of an increasing function on [lo, hi] to full precision.</summary>
        private static double Bisect(Func<double, double> f, double lo, double hi)
        {
            for (int i = 0; i < 200; i++)
            {
                double mid = 0.5 * (lo + hi);
                if (mid == lo || mid == hi)
                {
                    break;
                }

                if (f(mid) < 0)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid;
                }
            }

            return 0.5 * (lo + hi);
        }

        /// <summary>The residuals |rₖ² − a| of NewtonSqrtCoarse's iterates, k = 0..count−1 (the iteration continued past the stop).</summary>
        private static double[] NewtonResiduals(double a, int count)
        {
            var residuals = new double[count];
            double r = 0.5 * (1 + a);
            for (int k = 0; k < count; k++)
            {
                residuals[k] = Math.Abs(r * r - a);
                r = 0.5 * (r + a / r);
            }

            return residuals;
        }

        private static int NewtonCoarseSteps(double a) => Array.FindIndex(NewtonResiduals(a, 64), res => !(res > 1e-4 * a));

        private static double NewtonCoarseDerivative(double a)
        {
            double r = 0.5 * (1 + a);
            double dr = 0.5;
            while (Math.Abs(r * r - a) > 1e-4 * a)
            {
                dr = 0.5 * (dr + 1 / r - a * dr / (r * r));
                r = 0.5 * (r + a / r);
            }

            return dr;
        }

        private static Domain NewtonCoarseDomain()
        {
            Domain d = D(LogU(0.01, 100));
            for (int k = 0; k < 8; k++)
            {
                int kk = k;
                d = d.AwayFrom(p => Math.Log(Math.Max(NewtonResiduals(p[0], kk + 1)[kk], 1e-300)), p => Math.Log(1e-4 * p[0]));
            }

            foreach (int steps in new[] { 1, 2, 3, 4, 5 })
            {
                d = d.Branch($"{steps} Newton steps", p => NewtonCoarseSteps(p[0]) == steps);
            }

            return d;
        }

        private static double[] BabylonianDerivative(double a, double r0, int steps)
        {
            double r = r0;
            double da = 0.0;
            double dr0 = 1.0;
            for (int k = 0; k < steps; k++)
            {
                da = 0.5 * (da + 1 / r - a * da / (r * r));
                dr0 = 0.5 * dr0 * (1 - a / (r * r));
                r = 0.5 * (r + a / r);
            }

            return [da, dr0];
        }

        /// <summary>Kepler: E − e·sin E = M gives dE/dM = 1/(1 − e·cos E) and dE/de = sin E/(1 − e·cos E).</summary>
        private static double[] KeplerDerivative(double m, double e)
        {
            double E = Bisect(v => v - e * Math.Sin(v) - m, m - 2, m + 2);
            double q = 1 - e * Math.Cos(E);
            return [1 / q, Math.Sin(E) / q];
        }

        /// <summary>The midpoints BisectionThenNewton compares with a, and its final midpoint.</summary>
        private static (double[] Mids, double R) Bisection(double a)
        {
            var mids = new double[8];
            double lo = 0.0;
            double hi = 4.0;
            for (int k = 0; k < 8; k++)
            {
                double mid = 0.5 * (lo + hi);
                mids[k] = mid;
                if (mid * mid < a)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid;
                }
            }

            return (mids, 0.5 * (lo + hi));
        }

        private static Domain BisectionDomain()
        {
            Domain d = D(U(0.3, 15));
            for (int k = 0; k < 8; k++)
            {
                int kk = k;
                d = d.AwayFrom(p => Bisection(p[0]).Mids[kk] * Bisection(p[0]).Mids[kk], p => p[0]);
            }

            return d.Branch("a < 4: first step goes low", p => p[0] < 4).Branch("a > 4: first step goes high", p => p[0] > 4);
        }

        /// <summary>The terms xᵏ/k! of ExpTaylorUntilSmall, k = 0..count−1, computed as the loop does.</summary>
        private static double[] ExpTerms(double x, int count)
        {
            var terms = new double[count];
            double term = 1.0;
            for (int k = 0; k < count; k++)
            {
                terms[k] = term;
                term *= x / (k + 1);
            }

            return terms;
        }

        private static int ExpTermCount(double x) => Array.FindIndex(ExpTerms(x, 64), t => !(t > 1e-3));

        private static Domain ExpUntilSmallDomain()
        {
            Domain d = D(U(0.2, 3));
            for (int k = 1; k < 16; k++)
            {
                int kk = k;
                d = d.AwayFrom(p => Math.Log(ExpTerms(p[0], kk + 1)[kk]), _ => Math.Log(1e-3));
            }

            for (int count = 4; count <= 12; count++)
            {
                int c = count;
                d = d.Branch($"{c} terms", p => ExpTermCount(p[0]) == c);
            }

            return d;
        }

        /// <summary>The derivative of Σ xᵏ/k!, k = 0..count−1: Σ xᵏ/k!, k = 0..count−2.</summary>
        private static double ExpPartialSumDerivative(double x, int count)
        {
            double s = 0.0;
            double term = 1.0;
            for (int k = 0; k + 1 < count; k++)
            {
                s += term;
                term *= x / (k + 1);
            }

            return s;
        }

        private static Domain RangeReductionDomain()
        {
            Domain d = D(LogU(0.5, 100)).AwayFrom(0, 2, 4, 8, 16, 32, 64);
            for (int halvings = 0; halvings <= 6; halvings++)
            {
                int h = halvings;
                d = d.Branch($"{h} halvings", p => Math.Max(0, (int)Math.Ceiling(Math.Log2(p[0])) - 1) == h);
            }

            return d;
        }

        private static int QuarterSteps(double x) => (int)Math.Ceiling(4 * x);

        private static Domain StaircaseDomain()
        {
            Domain d = D(U(0.01, 3), U(-2, 2)).AwayFrom(0, Enumerable.Range(1, 12).Select(k => 0.25 * k).ToArray());
            for (int steps = 1; steps <= 12; steps++)
            {
                int s = steps;
                d = d.Branch($"{s} steps", p => QuarterSteps(p[0]) == s);
            }

            return d;
        }

        private static Domain FloorDomain()
        {
            Domain d = D(U(0.5, 6)).AwayFrom(0, 1, 2, 3, 4, 5);
            for (int n = 0; n <= 5; n++)
            {
                int nn = n;
                d = d.Branch($"{nn} terms", p => (int)Math.Floor(p[0]) == nn);
            }

            return d;
        }

        /// <summary>The values s₀, s₁, … of GrowthUntilCap without the cap.</summary>
        private static double Growth(double x, int k)
        {
            double s = 1.0;
            for (int i = 0; i < k; i++)
            {
                s = s * (1 + x) + 1;
            }

            return s;
        }

        /// <summary>The iterations GrowthUntilCap runs: n, or fewer when s reaches 100 first.</summary>
        private static int GrowthSteps(double x, int n)
        {
            double s = 1.0;
            int k = 0;
            while (k < n && s < 100)
            {
                s = s * (1 + x) + 1;
                k++;
            }

            return k;
        }

        private static bool StoppedAtCap(double[] p) => GrowthSteps(p[0], (int)p[1]) < p[1];

        private static Domain GrowthDomain()
        {
            Domain d = D(U(0.1, 1.5), Int(1, 30));
            for (int k = 0; k < 30; k++)
            {
                int kk = k;
                // Only the tests the loop makes (k < n) matter; the others are kept far from their boundary.
                d = d.AwayFrom(p => kk < p[1] ? Math.Log(Growth(p[0], kk)) : 100.0, _ => Math.Log(100));
            }

            return d.Branch("stopped early at the cap", StoppedAtCap).Branch("ran all n steps", p => !StoppedAtCap(p));
        }

        private static double GrowthDerivative(double x, int n)
        {
            double s = 1.0;
            double ds = 0.0;
            int k = 0;
            while (k < n && s < 100)
            {
                ds = ds * (1 + x) + s;
                s = s * (1 + x) + 1;
                k++;
            }

            return ds;
        }

        public static IEnumerable<GradientCase> All() => new CaseList(typeof(Iterations))
        {
            { nameof(Iterations.NewtonSqrtFixedSteps), D(LogU(0.01, 100)), p => [0.5 / Math.Sqrt(p[0])] },
            { nameof(Iterations.NewtonSqrtConverged), D(LogU(0.01, 100)), p => [0.5 / Math.Sqrt(p[0])] },
            { nameof(Iterations.NewtonSqrtCoarse), NewtonCoarseDomain(), p => [NewtonCoarseDerivative(p[0])] },
            {
                nameof(Iterations.BabylonianWithSteps),
                D(LogU(0.1, 10), U(0.5, 4), Int(0, 6)),
                p => BabylonianDerivative(p[0], p[1], (int)p[2])
            },
            { nameof(Iterations.KeplerFixedPoint), D(U(-3, 3), U(0, 0.6)), p => KeplerDerivative(p[0], p[1]), 1e-10 },
            { nameof(Iterations.KeplerNewton), D(U(-3, 3), U(0, 0.9)), p => KeplerDerivative(p[0], p[1]), 1e-10 },
            {
                nameof(Iterations.FixedPointCosine),
                D(U(0.1, 0.9)),
                p =>
                {
                    double a = p[0];
                    double r = Bisect(v => v - a * Math.Cos(v), 0, 1);
                    return [Math.Cos(r) / (1 + a * Math.Sin(r))];
                },
                1e-10
            },
            {
                nameof(Iterations.QuinticRoot),
                D(U(-10, 10)),
                p =>
                {
                    double r = Bisect(v => v * v * v * v * v + v - p[0], -2, 2);
                    return [1 / (5 * r * r * r * r + 1)];
                },
                1e-10
            },
            { nameof(Iterations.CubeRootDoWhile), D(LogU(0.01, 100)), p => [1 / (3 * Math.Cbrt(p[0]) * Math.Cbrt(p[0]))], 1e-10 },
            { nameof(Iterations.BisectionThenNewton), BisectionDomain(), p => [1 / (2 * Bisection(p[0]).R)] },
            {
                nameof(Iterations.ExpTaylorFixedTerms),
                D(U(-3, 3)),
                p => [ExpPartialSumDerivative(p[0], 26)]
            },
            { nameof(Iterations.ExpTaylorUntilSmall), ExpUntilSmallDomain(), p => [ExpPartialSumDerivative(p[0], ExpTermCount(p[0]))] },
            { nameof(Iterations.SinTaylorUntilConverged), D(U(-3, 3)), p => [Math.Cos(p[0])] },
            {
                nameof(Iterations.TanhContinuedFraction),
                D(U(-2, 2)),
                p => [1 - Math.Tanh(p[0]) * Math.Tanh(p[0])]
            },
            { nameof(Iterations.RangeReductionLog), RangeReductionDomain(), p => [1 / p[0]] },
            {
                nameof(Iterations.QuarterStepStaircase),
                StaircaseDomain(),
                p => [0.0, Enumerable.Range(0, QuarterSteps(p[0])).Sum(k => Math.Sin(0.25 * k))]
            },
            {
                nameof(Iterations.FloorTripCount),
                FloorDomain(),
                p => [Enumerable.Range(0, (int)Math.Floor(p[0])).Sum(k => 0.5 / Math.Sqrt(p[0] + k))]
            },
            { nameof(Iterations.GrowthUntilCap), GrowthDomain(), p => [GrowthDerivative(p[0], (int)p[1])] },
        };
    }
}
