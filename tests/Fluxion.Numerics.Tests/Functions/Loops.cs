using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>
    /// The loop constructs one by one: <c>for</c>, <c>while</c>, <c>do</c>, counting up and down, strides,
    /// nesting (rectangular and triangular), trip counts from int parameters and constant ones, an int
    /// parameter used as the loop variable, accumulators, products, Horner, two-term recurrences,
    /// branches inside loops and loops inside branches, compound assignments, the conditional operator,
    /// bool parameters and calls to other [Differentiable] methods inside a loop. Every exact derivative
    /// is a closed form or a hand-written sum or forward recurrence.
    /// </summary>
    public static partial class Loops
    {
        /// <summary>x + x² + … + xⁿ, the power carried from one iteration to the next.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SumOfPowers(double x, int n)
        {
            double s = 0.0;
            double power = 1.0;
            for (int k = 1; k <= n; k++)
            {
                power *= x;
                s += power;
            }

            return s;
        }

        /// <summary>1 + x + … + xⁿ in a while loop with an explicit counter; checked against the closed form (1 − xⁿ⁺¹)/(1 − x).</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double GeometricSeries(double x, int n)
        {
            double s = 0.0;
            double term = 1.0;
            int k = 0;
            while (k <= n)
            {
                s += term;
                term *= x;
                k++;
            }

            return s;
        }

        /// <summary>A do loop: the body runs once even when n is 0.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double DoWhileRunsOnce(double x, int n)
        {
            double s = 0.0;
            int k = 0;
            do
            {
                s += Math.Sin((k + 1) * x) / (k + 1);
                k++;
            }
            while (k < n);

            return s;
        }

        /// <summary>Horner with a constant trip count and coefficients 1/(k + 1) computed in the loop.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double HornerFixedDegree(double x)
        {
            double v = 0.0;
            for (int k = 7; k >= 0; k--)
            {
                v = v * x + 1.0 / (k + 1);
            }

            return v;
        }

        /// <summary>Horner of Σ (k + 1)·xᵏ, k = 0..n, counting down from an int parameter.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double HornerDegreeN(double x, int n)
        {
            double v = 0.0;
            for (int k = n; k >= 0; k--)
            {
                v = v * x + (k + 1);
            }

            return v;
        }

        /// <summary>The rising factorial x(x + 1)…(x + n − 1).</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double RisingFactorial(double x, int n)
        {
            double p = 1.0;
            for (int k = 0; k < n; k++)
            {
                p *= x + k;
            }

            return p;
        }

        /// <summary>Viète's product Π cos(x / 2ᵏ), k = 1..n (tends to sin x / x).</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double VieteProduct(double x, int n)
        {
            double p = 1.0;
            double c = x;
            for (int k = 0; k < n; k++)
            {
                c *= 0.5;
                p *= Math.Cos(c);
            }

            return p;
        }

        /// <summary>Σ xⁱ·yʲ/(i + j + 1) over a rectangle of n by m, both powers carried by the loops.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double NestedRectangle(double x, double y, int n, int m)
        {
            double s = 0.0;
            double xi = 1.0;
            for (int i = 0; i < n; i++)
            {
                double yj = 1.0;
                for (int j = 0; j < m; j++)
                {
                    s += xi * yj / (i + j + 1);
                    yj *= y;
                }

                xi *= x;
            }

            return s;
        }

        /// <summary>A triangular nest: the inner bound is the outer counter.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double NestedTriangle(double x, int n)
        {
            double s = 0.0;
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j <= i; j++)
                {
                    s += Math.Sin(i * x + j) / (1 + i + j);
                }
            }

            return s;
        }

        /// <summary>A while loop with k += 1, a Horner-like accumulation s = s·x + y/(k + 1).</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double WhileWithIntCounter(double x, double y, int n)
        {
            int k = 0;
            double s = 0.0;
            while (k < n)
            {
                s = s * x + y / (k + 1);
                k += 1;
            }

            return s;
        }

        /// <summary>Counting down by two from n.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double CountDownStrideTwo(double x, int n)
        {
            double s = 0.0;
            for (int k = n; k > 0; k -= 2)
            {
                s += k * Math.Log(1 + x * x * k);
            }

            return s;
        }

        /// <summary>An if/else on a differentiated value inside the loop: each term takes its own branch.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double BranchInsideLoop(double x, int n)
        {
            double s = 0.0;
            for (int k = 0; k < n; k++)
            {
                double t = Math.Sin(x + k);
                if (t > 0)
                {
                    s += t * t;
                }
                else
                {
                    s -= t;
                }
            }

            return s;
        }

        /// <summary>A for loop on one side of an if, a while loop on the other.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LoopInsideBranch(double x, int n)
        {
            double s = 0.0;
            if (x > 0)
            {
                for (int k = 0; k < n; k++)
                {
                    s += Math.Pow(x, k + 1.5);
                }
            }
            else
            {
                int k = 0;
                while (k < n)
                {
                    s += Math.Exp(x * k);
                    k++;
                }
            }

            return s + x;
        }

        /// <summary>xⁿ by repeated squaring: the int parameter n is the loop variable, halved each time.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double PowerBySquaring(double x, int n)
        {
            double r = 1.0;
            double b = x;
            while (n > 0)
            {
                if (n % 2 == 1)
                {
                    r *= b;
                }

                b *= b;
                n /= 2;
            }

            return r;
        }

        /// <summary>*=, /=, -= and += on one accumulator, each iteration.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double CompoundAssignmentsInLoop(double x, double y, int n)
        {
            double s = 1.0;
            for (int k = 0; k < n; k++)
            {
                s *= 1 + x;
                s /= 1 + y * y;
                s -= 0.1 * x;
                s += y;
            }

            return s;
        }

        /// <summary>The conditional operator on the counter's parity picks the term added.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ConditionalOperatorInLoop(double x, double y, int n)
        {
            double s = 0.0;
            for (int k = 0; k < n; k++)
            {
                s = s * 0.5 + (k % 2 == 0 ? Math.Sin(x * k) : y * y);
            }

            return s;
        }

        /// <summary>A bool parameter read in every iteration.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double BoolFlagInLoop(double x, bool square, int n)
        {
            double s = 0.0;
            for (int k = 0; k < n; k++)
            {
                s += square ? x * x * k : x * k;
            }

            return s;
        }

        /// <summary>Σ max(0, sin(k·x)), k = 1..n: Math.Max inside the loop.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ReluSum(double x, int n)
        {
            double s = 0.0;
            for (int k = 1; k <= n; k++)
            {
                s += Math.Max(0, Math.Sin(k * x));
            }

            return s;
        }

        /// <summary>The Chebyshev polynomial Tₙ(x) by its three-term recurrence: two values carried, a local declared in the loop.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ChebyshevRecurrence(double x, int n)
        {
            if (n == 0)
            {
                return 1.0;
            }

            double previous = 1.0;
            double current = x;
            for (int k = 1; k < n; k++)
            {
                double next = 2 * x * current - previous;
                previous = current;
                current = next;
            }

            return current;
        }

        /// <summary>Clenshaw's sum of Σ Tₖ(x)/(k + 1)², k = 0..n, running backwards.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ClenshawSeries(double x, int n)
        {
            double b1 = 0.0;
            double b2 = 0.0;
            for (int k = n; k >= 1; k--)
            {
                double b0 = 1.0 / ((k + 1) * (k + 1)) + 2 * x * b1 - b2;
                b2 = b1;
                b1 = b0;
            }

            return 1.0 + x * b1 - b2;
        }

        /// <summary>The logistic function, called by the loops below.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Logistic(double z) => 1.0 / (1.0 + Math.Exp(-z));

        /// <summary>A call to a [Differentiable] method inside a loop.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double LogisticSum(double x, double y, int n)
        {
            double s = 0.0;
            for (int k = 0; k < n; k++)
            {
                s += Logistic(x * k + y) * (k + 1);
            }

            return s;
        }

        /// <summary>A loop that calls a [Differentiable] method that has a loop of its own.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double CallsLoopingCallee(double x, int n)
        {
            double s = 0.0;
            for (int j = 1; j <= n; j++)
            {
                s += SumOfPowers(x / j, 4) * j;
            }

            return s;
        }

        /// <summary>
        /// A product of calls to a [Differentiable] method with a loop: the caller keeps its product on
        /// its own tape while the callee's gradient uses one too.
        /// </summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double ProductOfLoopingCallee(double x, int n)
        {
            double p = 1.0;
            for (int j = 1; j <= n; j++)
            {
                p *= SumOfPowers(x / j, 3);
            }

            return p;
        }

        /// <summary>Two loops in sequence over the same counter name, the second reading the first's result.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SequentialLoops(double x, int n)
        {
            double a = 0.0;
            for (int k = 0; k < n; k++)
            {
                a += Math.Cos(x * k);
            }

            double b = 1.0;
            for (int k = 0; k < n; k++)
            {
                b = b * a + x;
            }

            return b;
        }
    }

    public static class LoopCases
    {
        private static double Sgn(double v) => v < 0 ? -1.0 : 1.0;

        /// <summary>xᵏ with x⁰ = 1 and a zero coefficient in front of x⁻¹ kept at 0.</summary>
        private static double Pow(double x, int k) => k < 0 ? 0.0 : Math.Pow(x, k);

        private static double SumOfPowersDerivative(double x, int n) =>
            Enumerable.Range(1, Math.Max(n, 0)).Sum(k => k * Pow(x, k - 1));

        private static double[] CompoundDerivative(double x, double y, int n)
        {
            double s = 1.0;
            double sx = 0.0;
            double sy = 0.0;
            for (int k = 0; k < n; k++)
            {
                sx = sx * (1 + x) + s;
                sy *= 1 + x;
                s *= 1 + x;
                double q = 1 + y * y;
                sx /= q;
                sy = sy / q - s * 2 * y / (q * q);
                s /= q;
                s -= 0.1 * x;
                sx -= 0.1;
                s += y;
                sy += 1;
            }

            return [sx, sy];
        }

        private static double[] ConditionalDerivative(double x, double y, int n)
        {
            double dx = 0.0;
            double dy = 0.0;
            for (int k = 0; k < n; k++)
            {
                dx *= 0.5;
                dy *= 0.5;
                if (k % 2 == 0)
                {
                    dx += k * Math.Cos(x * k);
                }
                else
                {
                    dy += 2 * y;
                }
            }

            return [dx, dy];
        }

        private static double LogisticSlope(double z)
        {
            double s = 1.0 / (1.0 + Math.Exp(-z));
            return s * (1 - s);
        }

        /// <summary>Tₙ′(cos θ) = n·sin(nθ)/sin θ.</summary>
        private static double ChebyshevSlope(double x, int k) =>
            k == 0 ? 0.0 : k * Math.Sin(k * Math.Acos(x)) / Math.Sin(Math.Acos(x));

        private static double[] SequentialDerivative(double x, int n)
        {
            double a = 0.0;
            double da = 0.0;
            for (int k = 0; k < n; k++)
            {
                a += Math.Cos(x * k);
                da -= k * Math.Sin(x * k);
            }

            double b = 1.0;
            double db = 0.0;
            for (int k = 0; k < n; k++)
            {
                db = db * a + b * da + 1;
                b = b * a + x;
            }

            return [db];
        }

        /// <summary>Whether Σ max(0, sin(kx)) clips any of its n terms.</summary>
        private static bool ReluClips(double[] p) => Enumerable.Range(1, (int)p[1]).Any(k => Math.Sin(k * p[0]) <= 0);

        private static Domain BranchInsideLoopDomain()
        {
            Domain d = D(U(-3, 3), Int(1, 6));
            for (int k = 0; k < 6; k++)
            {
                int kk = k;
                d = d.AwayFrom(p => Math.Sin(p[0] + kk), _ => 0.0);
            }

            return d.Branch("first term positive", p => Math.Sin(p[0]) > 0).Branch("first term not positive", p => Math.Sin(p[0]) <= 0);
        }

        private static Domain ReluSumDomain()
        {
            Domain d = D(U(0.1, 3), Int(1, 6));
            for (int k = 1; k <= 6; k++)
            {
                int kk = k;
                d = d.AwayFrom(p => Math.Sin(kk * p[0]), _ => 0.0);
            }

            return d.Branch("no term clipped", p => !ReluClips(p)).Branch("some term clipped", ReluClips);
        }

        public static IEnumerable<GradientCase> All() => new CaseList(typeof(Loops))
        {
            { nameof(Loops.SumOfPowers), D(U(-1.5, 1.5), Int(0, 12)), p => [SumOfPowersDerivative(p[0], (int)p[1])] },
            {
                nameof(Loops.GeometricSeries),
                D(U(-0.9, 0.9), Int(0, 15)),
                p =>
                {
                    double x = p[0];
                    int n = (int)p[1];
                    return [(1 - (n + 1) * Math.Pow(x, n) + n * Math.Pow(x, n + 1)) / ((1 - x) * (1 - x))];
                },
                1e-11
            },
            {
                nameof(Loops.DoWhileRunsOnce),
                D(U(-3, 3), Int(0, 8)).Branch("n <= 1: the body runs once", p => p[1] <= 1).Branch("n > 1", p => p[1] > 1),
                p => [Enumerable.Range(0, Math.Max((int)p[1], 1)).Sum(k => Math.Cos((k + 1) * p[0]))]
            },
            { nameof(Loops.HornerFixedDegree), D(U(-2, 2)), p => [Enumerable.Range(1, 7).Sum(k => k * Pow(p[0], k - 1) / (k + 1))] },
            { nameof(Loops.HornerDegreeN), D(U(-1.2, 1.2), Int(0, 10)), p => [Enumerable.Range(1, (int)p[1]).Sum(k => k * (k + 1) * Pow(p[0], k - 1))] },
            {
                nameof(Loops.RisingFactorial),
                D(U(0.1, 3), Int(0, 8)),
                p =>
                {
                    int n = (int)p[1];
                    double product = Enumerable.Range(0, n).Aggregate(1.0, (acc, k) => acc * (p[0] + k));
                    return [product * Enumerable.Range(0, n).Sum(k => 1.0 / (p[0] + k))];
                }
            },
            {
                nameof(Loops.VieteProduct),
                D(U(-3, 3), Int(0, 10)),
                p =>
                {
                    int n = (int)p[1];
                    double product = Enumerable.Range(1, n).Aggregate(1.0, (acc, k) => acc * Math.Cos(p[0] / Math.Pow(2, k)));
                    return [-product * Enumerable.Range(1, n).Sum(k => Math.Tan(p[0] / Math.Pow(2, k)) / Math.Pow(2, k))];
                }
            },
            {
                nameof(Loops.NestedRectangle),
                D(U(-1.2, 1.2), U(-1.2, 1.2), Int(0, 6), Int(0, 6)),
                p =>
                {
                    double dx = 0.0;
                    double dy = 0.0;
                    for (int i = 0; i < (int)p[2]; i++)
                    {
                        for (int j = 0; j < (int)p[3]; j++)
                        {
                            dx += i * Pow(p[0], i - 1) * Pow(p[1], j) / (i + j + 1);
                            dy += j * Pow(p[0], i) * Pow(p[1], j - 1) / (i + j + 1);
                        }
                    }

                    return [dx, dy];
                }
            },
            {
                nameof(Loops.NestedTriangle),
                D(U(-3, 3), Int(0, 7)),
                p =>
                {
                    double d = 0.0;
                    for (int i = 0; i < (int)p[1]; i++)
                    {
                        for (int j = 0; j <= i; j++)
                        {
                            d += i * Math.Cos(i * p[0] + j) / (1 + i + j);
                        }
                    }

                    return [d];
                }
            },
            {
                nameof(Loops.WhileWithIntCounter),
                D(U(-1.5, 1.5), U(-2, 2), Int(0, 10)),
                p =>
                {
                    int n = (int)p[2];
                    double dx = 0.0;
                    double dy = 0.0;
                    for (int k = 0; k < n; k++)
                    {
                        dx += p[1] / (k + 1) * (n - 1 - k) * Pow(p[0], n - 2 - k);
                        dy += Pow(p[0], n - 1 - k) / (k + 1);
                    }

                    return [dx, dy];
                }
            },
            {
                nameof(Loops.CountDownStrideTwo),
                D(U(-2, 2), Int(0, 9)).Branch("n even", p => p[1] % 2 == 0).Branch("n odd", p => p[1] % 2 == 1),
                p =>
                {
                    double d = 0.0;
                    for (int k = (int)p[1]; k > 0; k -= 2)
                    {
                        d += k * 2 * p[0] * k / (1 + p[0] * p[0] * k);
                    }

                    return [d];
                }
            },
            {
                nameof(Loops.BranchInsideLoop),
                BranchInsideLoopDomain(),
                p => [Enumerable.Range(0, (int)p[1]).Sum(k =>
                {
                    double t = Math.Sin(p[0] + k);
                    return t > 0 ? 2 * t * Math.Cos(p[0] + k) : -Math.Cos(p[0] + k);
                })]
            },
            {
                nameof(Loops.LoopInsideBranch),
                D(U(-2, 2), Int(0, 6)).AwayFrom(0, 0.0).Branch("x > 0: for", p => p[0] > 0).Branch("x <= 0: while", p => p[0] <= 0),
                p => p[0] > 0
                    ? [1 + Enumerable.Range(0, (int)p[1]).Sum(k => (k + 1.5) * Math.Pow(p[0], k + 0.5))]
                    : [1 + Enumerable.Range(0, (int)p[1]).Sum(k => k * Math.Exp(p[0] * k))]
            },
            {
                nameof(Loops.PowerBySquaring),
                D(U(-1.5, 1.5), Int(0, 20)),
                p => [(int)p[1] == 0 ? 0.0 : p[1] * Math.Pow(p[0], (int)p[1] - 1)]
            },
            { nameof(Loops.CompoundAssignmentsInLoop), D(U(-0.5, 0.5), U(-1, 1), Int(0, 10)), p => CompoundDerivative(p[0], p[1], (int)p[2]) },
            { nameof(Loops.ConditionalOperatorInLoop), D(U(-2, 2), U(-2, 2), Int(0, 10)), p => ConditionalDerivative(p[0], p[1], (int)p[2]) },
            {
                nameof(Loops.BoolFlagInLoop),
                D(U(-2, 2), Flag, Int(0, 10)).Branch("square", p => p[1] != 0).Branch("linear", p => p[1] == 0),
                p => [Enumerable.Range(0, (int)p[2]).Sum(k => p[1] != 0 ? 2 * p[0] * k : k)]
            },
            {
                nameof(Loops.ReluSum),
                ReluSumDomain(),
                p => [Enumerable.Range(1, (int)p[1]).Sum(k => Math.Sin(k * p[0]) > 0 ? k * Math.Cos(k * p[0]) : 0.0)]
            },
            { nameof(Loops.ChebyshevRecurrence), D(U(-0.95, 0.95), Int(0, 12)), p => [ChebyshevSlope(p[0], (int)p[1])], 1e-10 },
            {
                nameof(Loops.ClenshawSeries),
                D(U(-0.95, 0.95), Int(0, 12)),
                p => [Enumerable.Range(1, (int)p[1]).Sum(k => ChebyshevSlope(p[0], k) / ((k + 1.0) * (k + 1.0)))],
                1e-10
            },
            { nameof(Loops.Logistic), D(U(-6, 6)), p => [LogisticSlope(p[0])] },
            {
                nameof(Loops.LogisticSum),
                D(U(-1, 1), U(-2, 2), Int(0, 8)),
                p =>
                {
                    int n = (int)p[2];
                    return
                    [
                        Enumerable.Range(0, n).Sum(k => LogisticSlope(p[0] * k + p[1]) * k * (k + 1)),
                        Enumerable.Range(0, n).Sum(k => LogisticSlope(p[0] * k + p[1]) * (k + 1)),
                    ];
                }
            },
            {
                nameof(Loops.CallsLoopingCallee),
                D(U(-2, 2), Int(0, 6)),
                p => [Enumerable.Range(1, (int)p[1]).Sum(j => SumOfPowersDerivative(p[0] / j, 4))]
            },
            {
                nameof(Loops.ProductOfLoopingCallee),
                D(U(0.2, 2), Int(0, 6)),
                p =>
                {
                    int n = (int)p[1];
                    double Value(double y) => y + y * y + y * y * y;
                    double product = Enumerable.Range(1, n).Aggregate(1.0, (acc, j) => acc * Value(p[0] / j));
                    return [product * Enumerable.Range(1, n).Sum(j => SumOfPowersDerivative(p[0] / j, 3) / j / Value(p[0] / j))];
                }
            },
            { nameof(Loops.SequentialLoops), D(U(-1, 1), Int(0, 5)), p => SequentialDerivative(p[0], (int)p[1]) },
        };
    }
}
