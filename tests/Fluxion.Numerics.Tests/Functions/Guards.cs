using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>What a test reads back of what a method logged: each line, in order.</summary>
    public static class EffectLog
    {
        [ThreadStatic]
        private static List<string>? lines;

        public static List<string> Lines => lines ??= new List<string>();

        public static void Write(string line) => Lines.Add(line);
    }

    /// <summary>
    /// Assertions, logging, guards that throw, bool calls and <c>is</c> patterns in conditions, as people write them: every
    /// mode runs them where the method does, none differentiates them. GuardTests checks the throws and the log lines.
    /// </summary>
    public static partial class Guards
    {
        private const double Largest = 1e6;

        /// <summary>Softplus behind two assertions.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public static double AssertedSoftplus(double x)
        {
            Debug.Assert(!double.IsNaN(x));
            Debug.Assert(x < Largest, "x is out of range");
            return x > 30 ? x : Math.Log(1 + Math.Exp(x));
        }

        /// <summary>x^1.5, refusing negative and infinite x as the BCL helpers and a throw statement do.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public static double GuardedPower(double x)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(x);
            if (double.IsInfinity(x))
            {
                throw new ArgumentException("x must be finite, not " + x + ".", nameof(x));
            }

            return Math.Sqrt(x) * x;
        }

        /// <summary>(x / y)², the division guarded by a throw expression.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public static double Ratio(double x, double y)
        {
            double r = y != 0 ? x / y : throw new DivideByZeroException("y is zero");
            return r * r;
        }

        /// <summary>Piecewise by <c>is</c> patterns: x² inside (0, 1), 0 below, 2x − 1 from 1 on.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public static double Banded(double x)
        {
            if (x is > 0 and < 1)
            {
                return x * x;
            }

            return x is <= 0 or double.NaN ? 0 : 2 * x - 1;
        }

        /// <summary>eˣ·y where bool calls allow it, else y.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public static double Checked(double x, double y) => double.IsFinite(x) && !double.IsNegative(x) ? Math.Exp(x) * y : y;

        private static int Regime(double x) => x > 1 ? 1 : 0;

        /// <summary>Switch expressions with arms that throw, and one switching on a call's result inside a larger expression.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public static double Piecewise(double x, int power)
        {
            double y = x switch
            {
                < 0 => throw new ArgumentOutOfRangeException(nameof(x), x, "x must not be negative"),
                < 1 => x * x,
                _ => 2 * x - 1,
            };
            y += 3 * Regime(x) switch { 0 => 1, _ => x };
            return power switch { 1 => y, 2 => y * y, _ => throw new NotSupportedException("power " + power) };
        }

        /// <summary>A weighted sum over a local array that logs every step.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public static double LoggedSum(double a, double b, double x)
        {
            double[] weights = { a, b, a * b };
            double sum = 0;
            for (int i = 0; i < weights.Length; i++)
            {
                sum += weights[i] * Math.Sin(x * (i + 1));
                EffectLog.Write($"step {i}: {sum:R} from {weights[i]:R}");
            }

            EffectLog.Write("done after " + weights.Length + " steps");
            return sum;
        }

        /// <summary>The length of w, which must have three elements, logged with them.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public static double LoggedNorm(double[] w)
        {
            ArgumentOutOfRangeException.ThrowIfNotEqual(w.Length, 3);
            EffectLog.Write("norm of " + string.Join(", ", w));
            return Math.Sqrt(w[0] * w[0] + w[1] * w[1] + w[2] * w[2]);
        }

        /// <summary>√a by Newton's iteration, throwing when it does not converge in <paramref name="maxSteps"/> steps.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public static double NewtonSqrt(double a, int maxSteps)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(a);
            double r = a > 1 ? a : 1;
            int steps = 0;
            while (Math.Abs(r * r - a) > 1e-15 * a)
            {
                if (++steps > maxSteps)
                {
                    throw new InvalidOperationException("no convergence for a = " + a);
                }

                r = 0.5 * (r + a / r);
            }

            return r;
        }
    }

    public static class GuardCases
    {
        public static IEnumerable<GradientCase> All() => new CaseList(typeof(Guards))
        {
            { nameof(Guards.AssertedSoftplus), D(U(-5, 40)), p => [1 / (1 + Math.Exp(-p[0])) is var s && p[0] > 30 ? 1.0 : s] },
            { nameof(Guards.GuardedPower), D(U(0.01, 9)), p => [1.5 * Math.Sqrt(p[0])] },
            { nameof(Guards.Ratio), D(U(-3, 3), U(0.5, 3)), p => [2 * p[0] / (p[1] * p[1]), -2 * p[0] * p[0] / (p[1] * p[1] * p[1])] },
            {
                nameof(Guards.Banded),
                D(U(-2, 3)).Where(p => Math.Abs(p[0]) > 1e-3 && Math.Abs(p[0] - 1) > 1e-3),
                p => [p[0] <= 0 ? 0.0 : p[0] < 1 ? 2 * p[0] : 2.0]
            },
            { nameof(Guards.Checked), D(U(-2, 2), U(-2, 2)).Where(p => Math.Abs(p[0]) > 1e-3), p => p[0] >= 0 ? [Math.Exp(p[0]) * p[1], Math.Exp(p[0])] : [0.0, 1.0] },
            {
                nameof(Guards.LoggedSum),
                D(U(-2, 2), U(-2, 2), U(-2, 2)),
                p => [Math.Sin(p[2]) + p[1] * Math.Sin(3 * p[2]), Math.Sin(2 * p[2]) + p[0] * Math.Sin(3 * p[2]),
                    p[0] * Math.Cos(p[2]) + 2 * p[1] * Math.Cos(2 * p[2]) + 3 * p[0] * p[1] * Math.Cos(3 * p[2])]
            },
            {
                nameof(Guards.Piecewise),
                D(U(0, 3), Int(1, 2)).Where(p => Math.Abs(p[0] - 1) > 1e-3),
                p =>
                {
                    double x = p[0];
                    double y = (x < 1 ? x * x : 2 * x - 1) + 3 * (x > 1 ? x : 1);
                    double dy = (x < 1 ? 2 * x : 2) + (x > 1 ? 3 : 0);
                    return [p[1] == 1 ? dy : 2 * y * dy];
                }
            },
            { nameof(Guards.NewtonSqrt), D(U(0.1, 100), Int(50, 60)), p => [0.5 / Math.Sqrt(p[0])] },
        };
    }

    public static class GuardArrayCases
    {
        public static IEnumerable<ArrayCase> All() => new ArrayCaseList(typeof(Guards))
        {
            {
                nameof(Guards.LoggedNorm),
                rng => [rng.Vector(3, -2, 2)],
                p => [p.V(0).Select(v => v / Math.Sqrt(p.V(0).Sum(u => u * u))).ToArray()]
            },
        };
    }
}
