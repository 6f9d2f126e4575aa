using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>
    /// Values carried from one iteration to the next that the backward sweep needs only to replay an
    /// iteration, not in a derivative rule: a passive double read in a condition or an inner loop's
    /// bound, a bool, an int or long index, a callee's argument, a loop counter bumped in the body, a
    /// value read only after the loop, parameters overwritten in the loop. Each must be restored when
    /// the iterations are rewound, or the backward sweep takes other branches than the forward one.
    /// </summary>
    public static partial class LoopCarriedValues
    {
        /// <summary>A passive double, overwritten each iteration, read only in a branch condition.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double PassiveConditionCarried(double x, int n)
        {
            double s = 0.0;
            double t = 0.0;
            for (int k = 0; k < n; k++)
            {
                if (t > 0.5)
                {
                    s += x * x;
                }
                else
                {
                    s += x;
                }

                t = t + 0.3;
            }

            return s;
        }

        /// <summary>A bool flipped each iteration picks the branch.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double BoolCarried(double x, int n)
        {
            double s = 0.0;
            bool flip = false;
            for (int k = 0; k < n; k++)
            {
                if (flip)
                {
                    s += x * x;
                }
                else
                {
                    s += Math.Sin(x);
                }

                flip = !flip;
            }

            return s;
        }

        /// <summary>An int index stepping by 3 modulo 5.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double IndexCarried(double x, int n)
        {
            double s = 0.0;
            int index = 0;
            for (int k = 0; k < n; k++)
            {
                s += Math.Sin(x * index);
                index = (index + 3) % 5;
            }

            return s;
        }

        /// <summary>A long cycling 1, 2, 4 by doubling modulo 7.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LongCarried(double x, int n)
        {
            double s = 0.0;
            long m = 1;
            for (int k = 0; k < n; k++)
            {
                s += Math.Sin(x * m);
                m = m * 2 % 7;
            }

            return s;
        }

        /// <summary>The cube, called on the previous iteration's result.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Cube(double z) => z * z * z;

        /// <summary>A [Differentiable] call whose argument is the previous iteration's result.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double CalleeOnCarried(double x, int n)
        {
            double previous = x;
            double s = 0.0;
            for (int k = 0; k < n; k++)
            {
                double c = Cube(0.5 * previous) + x;
                s += c;
                previous = c;
            }

            return s;
        }

        /// <summary>A [Differentiable] call with the loop counter as its int argument, twice per iteration.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double CalleeWithCounter(double x, int n)
        {
            double s = 0.0;
            for (int k = 0; k < n; k++)
            {
                s += Loops.SumOfPowers(x, k) * Loops.SumOfPowers(0.5 * x, n - k);
            }

            return s;
        }

        /// <summary>The loop counter is also bumped inside the body, so iterations are skipped.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double CounterBumped(double x, int n)
        {
            double s = 0.0;
            for (int k = 0; k < n; k++)
            {
                s += Math.Cos(x * k);
                if (k % 3 == 0)
                {
                    k++;
                }
            }

            return s;
        }

        /// <summary>A passive multiplier halved (and negated) each iteration.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double PassiveMultiplier(double x, int n)
        {
            double s = 0.0;
            double c = 1.0;
            for (int k = 0; k < n; k++)
            {
                s += c * Math.Sin(x);
                c *= -0.5;
            }

            return s;
        }

        /// <summary>A passive double bound of an inner loop, raised each outer iteration.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double PassiveInnerBound(double x, int n)
        {
            double s = 0.0;
            double limit = 0.5;
            for (int k = 0; k < n; k++)
            {
                for (int j = 0; j < limit; j++)
                {
                    s += x * j + 1;
                }

                limit = limit + 1;
            }

            return s * x;
        }

        /// <summary>A value overwritten each iteration and read after the loop only.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LastValueOnly(double x, int n)
        {
            double last = 0.0;
            double s = 0.0;
            for (int k = 0; k < n; k++)
            {
                last = Math.Sin(x * k);
                s += last * last;
            }

            return s + last * x;
        }

        /// <summary>Which of two carried values is updated depends on comparing them.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double TwoCarriedSelect(double x, int n)
        {
            double a = x;
            double b = 1.0;
            for (int k = 0; k < n; k++)
            {
                if (a > b)
                {
                    b = b * x + a;
                }
                else
                {
                    a = a * 1.5 + b * 0.1;
                }
            }

            return a * b;
        }

        /// <summary>A running maximum by the conditional operator, the new maximum scaled by x.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double TernaryCarried(double x, int n)
        {
            double m = -1.0;
            for (int k = 0; k < n; k++)
            {
                double v = Math.Sin(x * k + 0.1);
                m = v > m ? v * x : m * 0.9;
            }

            return m;
        }

        /// <summary>The double parameter itself squared n times: x^(2ⁿ).</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ParameterSquaredRepeatedly(double x, int n)
        {
            for (int k = 0; k < n; k++)
            {
                x = x * x;
            }

            return x;
        }

        /// <summary>Two double parameters updated from each other with += and -= in the loop.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ParametersUpdatedTogether(double x, double y, int n)
        {
            for (int k = 0; k < n; k++)
            {
                x += y * x;
                y -= 0.1 * x;
            }

            return x * y;
        }

        /// <summary>
        /// Σ Math.Pow(x, k), k = 0..n−1, the exponent the loop counter. The points include x = 0 exactly,
        /// where the k = 0 term (the constant 1) has derivative 0 and the k = 1 term derivative 1.
        /// </summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double PowerSeries(double x, int n)
        {
            double s = 0.0;
            for (int k = 0; k < n; k++)
            {
                s += Math.Pow(x, k);
            }

            return s;
        }
    }

    public static class LoopCarriedValueCases
    {
        private static double[] CalleeOnCarriedDerivative(double x, int n)
        {
            double previous = x;
            double dPrevious = 1.0;
            double ds = 0.0;
            for (int k = 0; k < n; k++)
            {
                double half = 0.5 * previous;
                double c = half * half * half + x;
                double dc = 3 * half * half * 0.5 * dPrevious + 1;
                ds += dc;
                previous = c;
                dPrevious = dc;
            }

            return [ds];
        }

        private static double SumOfPowers(double x, int n) => Enumerable.Range(1, Math.Max(n, 0)).Sum(k => Math.Pow(x, k));

        private static double SumOfPowersSlope(double x, int n) => Enumerable.Range(1, Math.Max(n, 0)).Sum(k => k * Math.Pow(x, k - 1));

        private static double CounterBumpedDerivative(double x, int n)
        {
            double d = 0.0;
            for (int k = 0; k < n; k++)
            {
                d -= k * Math.Sin(x * k);
                if (k % 3 == 0)
                {
                    k++;
                }
            }

            return d;
        }

        /// <summary>The carried (a, b) of TwoCarriedSelect before each iteration, with their x-derivatives.</summary>
        private static (double A, double B, double DA, double DB)[] TwoCarriedStates(double x, int n)
        {
            var states = new (double, double, double, double)[n + 1];
            double a = x;
            double b = 1.0;
            double da = 1.0;
            double db = 0.0;
            for (int k = 0; k < n; k++)
            {
                states[k] = (a, b, da, db);
                if (a > b)
                {
                    db = db * x + b + da;
                    b = b * x + a;
                }
                else
                {
                    da = da * 1.5 + db * 0.1;
                    a = a * 1.5 + b * 0.1;
                }
            }

            states[n] = (a, b, da, db);
            return states;
        }

        private static Domain TwoCarriedDomain()
        {
            Domain d = D(U(-1.5, 2), Int(0, 6));
            for (int k = 0; k < 6; k++)
            {
                int kk = k;
                d = d.AwayFrom(p => kk < p[1] ? TwoCarriedStates(p[0], (int)p[1])[kk].A : 1e6, p => kk < p[1] ? TwoCarriedStates(p[0], (int)p[1])[kk].B : 0.0);
            }

            return d.Branch("first iteration updates b (x > 1)", p => p[1] > 0 && p[0] > 1).Branch("first iteration updates a (x < 1)", p => p[1] > 0 && p[0] < 1);
        }

        /// <summary>The running maximum m before each iteration of TernaryCarried and the value v it is compared with.</summary>
        private static (double M, double V, double DM)[] TernaryStates(double x, int n)
        {
            var states = new (double, double, double)[n + 1];
            double m = -1.0;
            double dm = 0.0;
            for (int k = 0; k < n; k++)
            {
                double v = Math.Sin(x * k + 0.1);
                states[k] = (m, v, dm);
                if (v > m)
                {
                    dm = Math.Cos(x * k + 0.1) * k * x + v;
                    m = v * x;
                }
                else
                {
                    dm *= 0.9;
                    m *= 0.9;
                }
            }

            states[n] = (m, 0.0, dm);
            return states;
        }

        private static Domain TernaryDomain()
        {
            Domain d = D(U(-2, 2), Int(0, 8));
            for (int k = 0; k < 8; k++)
            {
                int kk = k;
                d = d.AwayFrom(p => kk < p[1] ? TernaryStates(p[0], (int)p[1])[kk].V : 1e6, p => kk < p[1] ? TernaryStates(p[0], (int)p[1])[kk].M : 0.0);
            }

            // From the second iteration on, v > m holds or not depending on x.
            return d.Branch("a later maximum replaces the first", p => p[1] > 1 && Math.Sin(p[0] + 0.1) > TernaryStates(p[0], 2)[1].M)
                .Branch("the first maximum decays", p => p[1] > 1 && Math.Sin(p[0] + 0.1) <= TernaryStates(p[0], 2)[1].M);
        }

        private static double[] ParametersUpdatedTogetherDerivative(double x, double y, int n)
        {
            // Tangents of (x, y) with respect to the initial x and the initial y.
            double xx = 1.0;
            double xy = 0.0;
            double yx = 0.0;
            double yy = 1.0;
            for (int k = 0; k < n; k++)
            {
                (xx, xy) = (xx + yx * x + y * xx, xy + yy * x + y * xy);
                x += y * x;
                (yx, yy) = (yx - 0.1 * xx, yy - 0.1 * xy);
                y -= 0.1 * x;
            }

            return [xx * y + x * yx, xy * y + x * yy];
        }

        public static IEnumerable<GradientCase> All() => new CaseList(typeof(LoopCarriedValues))
        {
            {
                nameof(LoopCarriedValues.PassiveConditionCarried),
                D(U(-2, 2), Int(0, 8)),
                p =>
                {
                    double t = 0.0;
                    double d = 0.0;
                    for (int k = 0; k < (int)p[1]; k++)
                    {
                        d += t > 0.5 ? 2 * p[0] : 1.0;
                        t = t + 0.3;
                    }

                    return [d];
                }
            },
            {
                nameof(LoopCarriedValues.BoolCarried),
                D(U(-2, 2), Int(0, 8)),
                p => [Enumerable.Range(0, (int)p[1]).Sum(k => k % 2 == 1 ? 2 * p[0] : Math.Cos(p[0]))]
            },
            {
                nameof(LoopCarriedValues.IndexCarried),
                D(U(-2, 2), Int(0, 12)),
                p =>
                {
                    double d = 0.0;
                    int index = 0;
                    for (int k = 0; k < (int)p[1]; k++)
                    {
                        d += index * Math.Cos(p[0] * index);
                        index = (index + 3) % 5;
                    }

                    return [d];
                }
            },
            {
                nameof(LoopCarriedValues.LongCarried),
                D(U(-2, 2), Int(0, 12)),
                p =>
                {
                    double d = 0.0;
                    long m = 1;
                    for (int k = 0; k < (int)p[1]; k++)
                    {
                        d += m * Math.Cos(p[0] * m);
                        m = m * 2 % 7;
                    }

                    return [d];
                }
            },
            { nameof(LoopCarriedValues.Cube), D(U(-3, 3)), p => [3 * p[0] * p[0]] },
            { nameof(LoopCarriedValues.CalleeOnCarried), D(U(-1, 1), Int(0, 6)), p => CalleeOnCarriedDerivative(p[0], (int)p[1]) },
            {
                nameof(LoopCarriedValues.CalleeWithCounter),
                D(U(-1.2, 1.2), Int(0, 6)),
                p =>
                {
                    int n = (int)p[1];
                    double x = p[0];
                    return [Enumerable.Range(0, n).Sum(k =>
                        SumOfPowersSlope(x, k) * SumOfPowers(0.5 * x, n - k) + SumOfPowers(x, k) * 0.5 * SumOfPowersSlope(0.5 * x, n - k))];
                }
            },
            { nameof(LoopCarriedValues.CounterBumped), D(U(-2, 2), Int(0, 12)), p => [CounterBumpedDerivative(p[0], (int)p[1])] },
            {
                nameof(LoopCarriedValues.PassiveMultiplier),
                D(U(-3, 3), Int(0, 10)),
                p => [Enumerable.Range(0, (int)p[1]).Sum(k => Math.Pow(-0.5, k) * Math.Cos(p[0]))]
            },
            {
                nameof(LoopCarriedValues.PassiveInnerBound),
                D(U(-2, 2), Int(0, 7)),
                p =>
                {
                    int n = (int)p[1];
                    double s = 0.0;
                    double js = 0.0;
                    for (int k = 0; k < n; k++)
                    {
                        for (int j = 0; j <= k; j++)
                        {
                            s += p[0] * j + 1;
                            js += j;
                        }
                    }

                    return [s + p[0] * js];
                }
            },
            {
                nameof(LoopCarriedValues.LastValueOnly),
                D(U(-2, 2), Int(0, 8)),
                p =>
                {
                    int n = (int)p[1];
                    double x = p[0];
                    double d = Enumerable.Range(0, n).Sum(k => 2 * Math.Sin(x * k) * Math.Cos(x * k) * k);
                    return [n == 0 ? d : d + Math.Cos(x * (n - 1)) * (n - 1) * x + Math.Sin(x * (n - 1))];
                }
            },
            {
                nameof(LoopCarriedValues.TwoCarriedSelect),
                TwoCarriedDomain(),
                p =>
                {
                    var last = TwoCarriedStates(p[0], (int)p[1])[(int)p[1]];
                    return [last.DA * last.B + last.A * last.DB];
                }
            },
            {
                nameof(LoopCarriedValues.TernaryCarried),
                TernaryDomain(),
                p => [TernaryStates(p[0], (int)p[1])[(int)p[1]].DM]
            },
            {
                nameof(LoopCarriedValues.ParameterSquaredRepeatedly),
                D(U(0.8, 1.2), Int(0, 5)),
                p =>
                {
                    double e = Math.Pow(2, (int)p[1]);
                    return [e * Math.Pow(p[0], e - 1)];
                }
            },
            {
                nameof(LoopCarriedValues.ParametersUpdatedTogether),
                D(U(-1, 1), U(-0.5, 0.5), Int(0, 8)),
                p => ParametersUpdatedTogetherDerivative(p[0], p[1], (int)p[2])
            },
            {
                nameof(LoopCarriedValues.PowerSeries),
                D(UOrExactly(-1.2, 1.2, 0.0), Int(1, 8)),
                p => [Enumerable.Range(1, (int)p[1] - 1).Sum(k => k * (k == 1 ? 1.0 : Math.Pow(p[0], k - 1)))]
            },
        };
    }
}
