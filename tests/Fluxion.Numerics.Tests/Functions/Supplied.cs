using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>Functions as a library would ship them: not partial, not [Differentiable], code Fluxion never reads.</summary>
    public static class Library
    {
        /// <summary>Lambert's W (w eʷ = x) on x ≥ 0 by Newton's iteration to rounding: its derivative comes from w eʷ = x, not the steps.</summary>
        public static double LambertW(double x)
        {
            double w = Math.Log(1 + x);
            for (int i = 0; i < 100; i++)
            {
                double e = Math.Exp(w);
                double step = (w * e - x) / (e * (w + 1));
                w -= step;
                if (Math.Abs(step) <= 1e-16 * Math.Max(1, Math.Abs(w)))
                {
                    break;
                }
            }

            return w;
        }

        /// <summary>log Σ exp xᵢ, computed without overflow.</summary>
        public static double LogSumExp(double[] x)
        {
            double max = x.Max();
            return max + Math.Log(x.Sum(v => Math.Exp(v - max)));
        }

        /// <summary>∛a for a &gt; 0 by bisection: the value is right to 1e-15, but its iterations have no useful derivative.</summary>
        public static double CubeRoot(double a)
        {
            double lo = 0;
            double hi = Math.Max(1, a);
            for (int i = 0; i < 200 && hi - lo > 1e-15 * hi; i++)
            {
                double mid = 0.5 * (lo + hi);
                if (mid * mid * mid > a)
                {
                    hi = mid;
                }
                else
                {
                    lo = mid;
                }
            }

            return 0.5 * (lo + hi);
        }
    }

    /// <summary>Derivatives supplied for library functions with [DerivativeOf], and [Differentiable] methods that call them.</summary>
    public static partial class Supplied
    {
        /// <summary>From w eʷ = x: w′ = 1 / (eʷ (1 + w)).</summary>
        [DerivativeOf(typeof(Library), nameof(Library.LambertW))]
        public static double LambertWDerivative(double x, out double dx)
        {
            double w = Library.LambertW(x);
            dx = 1 / (Math.Exp(w) * (1 + w));
            return w;
        }

        /// <summary>The gradient of log-sum-exp is the softmax, computed as stably as the value.</summary>
        [DerivativeOf(typeof(Library), nameof(Library.LogSumExp))]
        internal static double LogSumExpDerivative(double[] x, Span<double> dx)
        {
            double value = Library.LogSumExp(x);
            for (int i = 0; i < x.Length; i++)
            {
                dx[i] = Math.Exp(x[i] - value);
            }

            return value;
        }

        /// <summary>By the implicit function theorem on r³ − a = 0: dr/da = 1 / (3r²).</summary>
        [DerivativeOf(typeof(Library), nameof(Library.CubeRoot))]
        public static double CubeRootDerivative(double a, out double da)
        {
            double r = Library.CubeRoot(a);
            da = 1 / (3 * r * r);
            return r;
        }

        /// <summary>A BCL function Fluxion has no rule for: x − n·y with n the integer nearest x / y, so ∂/∂x = 1 and ∂/∂y = −n.</summary>
        [DerivativeOf(typeof(Math), nameof(Math.IEEERemainder))]
        public static double RemainderDerivative(double x, double y, out double dx, out double dy)
        {
            double r = Math.IEEERemainder(x, y);
            dx = 1;
            dy = -Math.Round((x - r) / y);
            return r;
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double Growth(double rate, double time) => Library.LambertW(rate * time) / time;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double CubeSide(double volume, double scale) => scale * Library.CubeRoot(volume);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double Distance(double x, double y, double z) => Math.IEEERemainder(x - z, y) * z + Library.LambertW(x * x) * Library.CubeRoot(y * y + 1);

        /// <summary>The temperature-scaled log-partition of w: T · LSE(w / T), through a local array.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double SoftMaximum(double[] w, double temperature)
        {
            double[] scaled = new double[w.Length];
            for (int i = 0; i < w.Length; i++)
            {
                scaled[i] = w[i] / temperature;
            }

            return temperature * Library.LogSumExp(scaled);
        }

        /// <summary>
        /// A squared error against a goal that moves with the scale but is not differentiated through (SuppliedDerivativeTests: differences
        /// of the function itself see the goal move, so it is no catalog case).
        /// </summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public static double StoppedGoal(double prediction, double target, double scale)
        {
            double goal = Gradient.Stop(target * scale);
            return (prediction - goal) * (prediction - goal) + Gradient.Stop(scale) * prediction;
        }

        /// <summary>Log-probabilities wᵢ − LSE(w), a vector-valued method whose derivatives go through the supplied softmax.</summary>
        [Differentiable(Derivatives = Derivatives.Vjp | Derivatives.Jvp | Derivatives.Jacobian)]
        public static void LogSoftmax(double[] w, Span<double> y)
        {
            double lse = Library.LogSumExp(w);
            for (int i = 0; i < w.Length; i++)
            {
                y[i] = w[i] - lse;
            }
        }
    }

    public static class SuppliedCases
    {
        private static double LambertWPrime(double x)
        {
            double w = Library.LambertW(x);
            return 1 / (Math.Exp(w) * (1 + w));
        }

        public static IEnumerable<GradientCase> All() => new CaseList(typeof(Supplied))
        {
            {
                nameof(Supplied.Growth),
                D(U(0.1, 3), U(0.5, 4)),
                p => [LambertWPrime(p[0] * p[1]), p[0] * LambertWPrime(p[0] * p[1]) / p[1] - Library.LambertW(p[0] * p[1]) / (p[1] * p[1])]
            },
            { nameof(Supplied.CubeSide), D(U(0.1, 30), U(-2, 2)), p => [p[1] / (3 * Math.Cbrt(p[0] * p[0])), Math.Cbrt(p[0])] },
            {
                nameof(Supplied.Distance),
                D(U(-2, 2), U(0.5, 2), U(0.5, 2)).Where(p => FromHalfInteger((p[0] - p[2]) / p[1]) > 1e-3),
                p =>
                {
                    (double x, double y, double z) = (p[0], p[1], p[2]);
                    double r = Math.IEEERemainder(x - z, y);
                    double n = Math.Round((x - z - r) / y);
                    double c = Math.Cbrt(y * y + 1);
                    return [z + 2 * x * LambertWPrime(x * x) * c, -n * z + Library.LambertW(x * x) * 2 * y / (3 * c * c), -z + r];
                }
            },
        };
    }

    public static class SuppliedArrayCases
    {
        public static IEnumerable<ArrayCase> All() => new ArrayCaseList(typeof(Supplied))
        {
            {
                nameof(Supplied.SoftMaximum),
                rng => [rng.Vector(rng.Int(1, 6), -2, 2), rng.Uniform(0.5, 2)],
                p =>
                {
                    double t = p.S(1);
                    double[] scaled = p.V(0).Select(v => v / t).ToArray();
                    double lse = Library.LogSumExp(scaled);
                    double[] softmax = scaled.Select(v => Math.Exp(v - lse)).ToArray();
                    return new[] { softmax, new[] { lse - scaled.Zip(softmax, (v, s) => v * s).Sum() } };
                }
            },
        };
    }
}
