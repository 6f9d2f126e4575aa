using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>
    /// Counters stepped inside expressions (<c>while (n-- &gt; 0)</c>, <c>h[k++] = x</c>, <c>a[i++]</c>), chained assignments and tuple
    /// swaps, as people write them: each step runs where C# runs it.
    /// </summary>
    public static partial class Counters
    {
        /// <summary>Horner's rule for Σ cᵢ xⁱ with cᵢ = i + 1, counting n down in the loop's condition.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public static double CountDown(double x, int n)
        {
            double p = 0;
            while (n-- > 0)
            {
                p = p * x + (n + 1);
            }

            return p;
        }

        /// <summary>The running products x, x², … written with h[k++] and read back with a[i++], then summed.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public static double PostIncrements(double x, double y)
        {
            double[] h = new double[4];
            int k = 0;
            double power = 1;
            while (k < h.Length)
            {
                power *= x;
                h[k++] = power * y;
            }

            double sum = 0;
            int i = 0;
            do
            {
                sum += h[i++];
            }
            while (i != h.Length);
            return sum;
        }

        /// <summary>A do loop counted by a prefix decrement, and a guard counted by a prefix increment.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public static double PrefixSteps(double x)
        {
            int left = 3;
            int steps = 0;
            double y = x;
            do
            {
                y = y * x + 1;
                if (++steps > 10)
                {
                    break;
                }
            }
            while (--left != 0);
            return y + steps;
        }

        /// <summary>Chained assignments: a = b = x², c += d = x · y.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public static double Chained(double x, double y)
        {
            double a, b, d;
            a = b = x * x;
            double c = 1;
            c += d = x * y;
            return a * b + c * d;
        }

        /// <summary>Fibonacci-like steps (a, b) = (b, a + ½ b), then declared and typed deconstructions.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public static double TupleSteps(double a, double b)
        {
            for (int i = 0; i < 3; i++)
            {
                (a, b) = (b, a + 0.5 * b);
            }

            var (c, d) = (a * b, a - b);
            (double e, double f) = (c, d * d);
            (e, _) = (e + 1, f);
            return c + d + e * f;
        }

        /// <summary>A swap through a tuple inside a branch.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public static double Sorted(double x, double y)
        {
            double lo = x;
            double hi = y;
            if (lo > hi)
            {
                (lo, hi) = (hi, lo);
            }

            return lo * lo + 3 * hi;
        }
    }

    public static partial class Counters
    {
        /// <summary>Local functions, one static, one capturing k, one calling the other: inlined where they are called.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public static double WithLocalFunctions(double x, double k)
        {
            static double Square(double v) => v * v;
            double Bump(double v)
            {
                return k * Math.Exp(-Square(v));
            }

            return Bump(x) + Square(x - k);
        }

        /// <summary>Local functions called in a loop, one of them on the loop's own running value.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public static double LocalFunctionsInALoop(double x, double k)
        {
            static double Square(double v) => v * v;
            double Scaled(double v) => k * Math.Sin(v);
            double s = 0;
            for (int i = 0; i < 3; i++)
            {
                s += Square(x * i) + Scaled(s);
            }

            return s + Square(Scaled(x));
        }
    }

    public static partial class Counters
    {
        /// <summary>LINQ's Sum and Average over an array, with and without a selector: the loops LINQ runs, in LINQ's order.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public static double Aggregates(double[] w, double x)
        {
            double squares = w.Sum(v => v * v * x);
            return squares + w.Average() * x + w.Sum();
        }
    }

    public static class CounterArrayCases
    {
        public static IEnumerable<ArrayCase> All() => new ArrayCaseList(typeof(Counters))
        {
            {
                nameof(Counters.Aggregates),
                rng => [rng.Vector(rng.Int(1, 6), -2, 2), rng.Uniform(-2, 2)],
                p =>
                {
                    double[] w = p.V(0);
                    double x = p.S(1);
                    return new[] { w.Select(v => 2 * v * x + x / w.Length + 1).ToArray(), new[] { w.Sum(v => v * v) + w.Average() } };
                }
            },
        };
    }

    public static class CounterCases
    {
        public static IEnumerable<GradientCase> All() => new CaseList(typeof(Counters))
        {
            {
                nameof(Counters.CountDown),
                D(U(-2, 2), Int(0, 6)),
                p =>
                {
                    double d = 0;
                    for (int i = 1; i < (int)p[1]; i++)
                    {
                        d += (i + 1) * i * Math.Pow(p[0], i - 1);
                    }

                    return [d];
                }
            },
            {
                nameof(Counters.PostIncrements),
                D(U(-2, 2), U(-2, 2)),
                p => [p[1] * (1 + 2 * p[0] + 3 * p[0] * p[0] + 4 * Math.Pow(p[0], 3)), p[0] + p[0] * p[0] + Math.Pow(p[0], 3) + Math.Pow(p[0], 4)]
            },
            // y = x⁴ + x² + x after three steps of y·x + 1 from y = x.
            { nameof(Counters.PrefixSteps), D(U(-2, 2)), p => [4 * Math.Pow(p[0], 3) + 2 * p[0] + 1] },
            {
                nameof(Counters.Chained),
                D(U(-2, 2), U(-2, 2)),
                p => [4 * Math.Pow(p[0], 3) + p[1] + 2 * p[0] * p[1] * p[1], p[0] + 2 * p[0] * p[0] * p[1]]
            },
            { nameof(Counters.TupleSteps), D(U(-2, 2), U(-2, 2)) },
            {
                nameof(Counters.WithLocalFunctions),
                D(U(-2, 2), U(-2, 2)),
                p => [-2 * p[0] * p[1] * Math.Exp(-p[0] * p[0]) + 2 * (p[0] - p[1]), Math.Exp(-p[0] * p[0]) - 2 * (p[0] - p[1])]
            },
            { nameof(Counters.LocalFunctionsInALoop), D(U(-2, 2), U(-2, 2)) },
            { nameof(Counters.Sorted), D(U(-2, 2), U(-2, 2)).Where(p => Math.Abs(p[0] - p[1]) > 1e-3), p => p[0] > p[1] ? [3.0, 2 * p[1]] : [2 * p[0], 3.0] },
        };
    }
}
