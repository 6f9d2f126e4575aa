using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>
    /// Switch statements and switch expressions: constant, relational, and/or and discard patterns, guards, a value
    /// computed from a differentiated one (<c>(int)Math.Floor(x)</c>), return inside a section, break and continue in a
    /// switch inside a loop, nested switches, a local shared by two sections, cases that cover every value without a
    /// default. Each piece's derivative is written by hand; every place where the section taken changes is a boundary.
    /// </summary>
    public static partial class Switches
    {
        /// <summary>Constant cases, two labels on one section, and a default, on the floor of a differentiated value.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double PiecewiseByFloor(double x)
        {
            double y;
            switch ((int)Math.Floor(x))
            {
                case 0:
                    y = x * x;
                    break;
                case 1:
                case 2:
                    y = Math.Sin(x) + 2 * x;
                    break;
                case -1:
                    y = -x;
                    break;
                default:
                    y = Math.Exp(-x * x);
                    break;
            }

            return y;
        }

        /// <summary>Relational patterns joined with and / or on a double; every section returns.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SoftBands(double x, double y)
        {
            switch (x)
            {
                case < -1:
                    return y * x;
                case >= -1 and < 1:
                    return x * x * y;
                case >= 1 and < 2 or > 3:
                    return Math.Log(x) + y;
                default:
                    return Math.Sqrt(x) * y * y;
            }
        }

        /// <summary>The Huber loss as a switch expression with relational and discard arms, one arm calling a [Differentiable] method.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double HuberBySwitch(double r, double scale) => scale * (r switch
        {
            < -1 => -2 * r - 1,
            > 1 => 2 * r - 1,
            _ => Kernels.Square(r),
        });

        /// <summary>Returns inside sections, one of them inside an if, and a section that breaks to the code after the switch.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ReturnInsideCase(double x, int mode)
        {
            double y = x * x;
            switch (mode)
            {
                case 0:
                    return Math.Sin(x);
                case 1:
                    y = y * x;
                    break;
                case 2:
                    if (x > 0)
                    {
                        return Math.Sqrt(x);
                    }

                    y = -y;
                    break;
            }

            return y + x;
        }

        /// <summary>
        /// A switch inside a loop: break leaves the switch (the halving after it still runs), continue skips to the next
        /// iteration.
        /// </summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double AlternatingSeries(double x, int n)
        {
            double s = 0;
            double power = 1;
            for (int k = 0; k < n; k++)
            {
                power *= x;
                switch (k % 3)
                {
                    case 0:
                        s += power;
                        break;
                    case 1:
                        continue;
                    default:
                        s -= power / (k + 1);
                        break;
                }

                s *= 0.5;
            }

            return s;
        }

        /// <summary>Σ ± xᵏ/k! in a loop whose switch continues, returns from the method under a guard, or falls out to the subtraction.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double FirstLargeTerm(double x, int n)
        {
            double term = 1;
            double sum = 0;
            for (int k = 1; k <= n; k++)
            {
                term *= x / k;
                switch (k)
                {
                    case 1 or 2:
                        sum += term;
                        continue;
                    case > 2 when term > 0.5:
                        return sum + term * k;
                }

                sum -= term;
            }

            return sum;
        }

        /// <summary>A switch statement and a switch expression nested in the sections of another switch.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double NestedSwitch(double x, double y, int outer)
        {
            double r;
            switch (outer)
            {
                case 0:
                    switch ((int)Math.Floor(y))
                    {
                        case 0:
                            r = x * y;
                            break;
                        default:
                            r = x + y;
                            break;
                    }

                    break;
                case 1:
                    r = y switch { < 0 => x * x, _ => x * Math.Exp(y) };
                    break;
                default:
                    r = x - y;
                    break;
            }

            return r * x;
        }

        /// <summary>A switch expression on a computed int (kept in a local), with or, relational and discard arms.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double StepInterpolation(double x)
        {
            double slope = (int)Math.Floor(x) switch { 0 => 1.5, 1 or 2 => -0.5, < 0 => 0.0, _ => 2.0 };
            return slope * (x - Math.Floor(x)) + Math.Floor(x);
        }

        /// <summary>true and false cover every bool: no default, and no return after the switch.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SignedPower(double x, double p)
        {
            switch (x >= 0)
            {
                case true:
                    return Math.Pow(x, p);
                case false:
                    return -Math.Pow(-x, p);
            }
        }

        /// <summary>when guards on differentiated values, one with a Math call, and a guarded case followed by the same case unguarded.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double GuardedCases(double x, double y, int k)
        {
            switch (k)
            {
                case 0 when x > y:
                    return x - y;
                case 0:
                    return (y - x) * (y - x);
                case > 0 when Math.Sin(x) > 0:
                    return x * k + y;
                default:
                    return y * Math.Cos(x);
            }
        }

        /// <summary>A leaky ramp as a switch expression on a bool whose two arms cover every value (no discard arm).</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LeakyRamp(double x, double knee) => (x > knee) switch { true => x, false => knee + 0.1 * (x - knee) };

        /// <summary>
        /// A local declared in one section and assigned and read in another (C# scopes it to the whole switch), and a
        /// default section in the middle that also has a case of its own.
        /// </summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SharedSectionLocal(double x, int mode)
        {
            double r;
            switch (mode)
            {
                case 0:
                    double t = x * x;
                    r = t + x;
                    break;
                case 1:
                default:
                    t = Math.Sin(x);
                    r = t * t;
                    break;
                case 2:
                    r = 3 * x;
                    break;
            }

            return r;
        }

        /// <summary>A switch expression inside a larger expression on a computed double: each arm tests Math.Round(x) again.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double RoundedWeights(double x, double y) =>
            y * (Math.Round(x) switch { 0 => 1.0, 1 => x, 2 => x * x, _ => Math.Cos(x) }) + x;
    }

    public static class SwitchCases
    {
        public static IEnumerable<GradientCase> All() => new CaseList(typeof(Switches))
        {
            {
                nameof(Switches.PiecewiseByFloor),
                D(U(-2.5, 3.5)).AwayFrom(0, -1, 0, 1, 2, 3)
                    .Branch("floor 0", p => Math.Floor(p[0]) == 0).Branch("floor 1 or 2", p => Math.Floor(p[0]) is 1 or 2)
                    .Branch("floor -1", p => Math.Floor(p[0]) == -1).Branch("default", p => p[0] < -1 || p[0] >= 3),
                p =>
                {
                    double x = p[0];
                    return [Math.Floor(x) switch { 0 => 2 * x, 1 or 2 => Math.Cos(x) + 2, -1 => -1, _ => -2 * x * Math.Exp(-x * x) }];
                }
            },
            {
                nameof(Switches.SoftBands),
                D(U(-3, 4), U(-2, 2)).AwayFrom(0, -1, 1, 2, 3)
                    .Branch("x < -1", p => p[0] < -1).Branch("-1 <= x < 1", p => p[0] >= -1 && p[0] < 1)
                    .Branch("1 <= x < 2 or x > 3", p => (p[0] >= 1 && p[0] < 2) || p[0] > 3).Branch("2 <= x <= 3", p => p[0] >= 2 && p[0] <= 3),
                p =>
                {
                    var (x, y) = (p[0], p[1]);
                    return x < -1 ? [y, x]
                        : x < 1 ? [2 * x * y, x * x]
                        : x < 2 || x > 3 ? [1 / x, 1]
                        : [y * y / (2 * Math.Sqrt(x)), 2 * Math.Sqrt(x) * y];
                }
            },
            {
                nameof(Switches.HuberBySwitch),
                D(U(-3, 3), U(0.5, 2)).AwayFrom(0, -1, 1)
                    .Branch("r < -1", p => p[0] < -1).Branch("|r| <= 1", p => Math.Abs(p[0]) <= 1).Branch("r > 1", p => p[0] > 1),
                p =>
                {
                    var (r, scale) = (p[0], p[1]);
                    return r < -1 ? [-2 * scale, -2 * r - 1]
                        : r > 1 ? [2 * scale, 2 * r - 1]
                        : [2 * r * scale, r * r];
                }
            },
            {
                nameof(Switches.ReturnInsideCase),
                D(U(-2, 2), Int(0, 3)).AwayFrom(0, 0.0)
                    .Branch("mode 0", p => p[1] == 0).Branch("mode 1", p => p[1] == 1).Branch("mode 2, x > 0", p => p[1] == 2 && p[0] > 0)
                    .Branch("mode 2, x <= 0", p => p[1] == 2 && p[0] <= 0).Branch("no section", p => p[1] == 3),
                p =>
                {
                    double x = p[0];
                    return (int)p[1] switch
                    {
                        0 => [Math.Cos(x)],
                        1 => [3 * x * x + 1],
                        2 when x > 0 => [0.5 / Math.Sqrt(x)],
                        2 => [-2 * x + 1],
                        _ => [2 * x + 1],
                    };
                }
            },
            {
                nameof(Switches.AlternatingSeries),
                D(U(-1.5, 1.5), Int(0, 10)).Branch("no continue", p => p[1] <= 1).Branch("continue taken", p => p[1] >= 2),
                p =>
                {
                    // Forward recurrence: the value and derivative of each power, and of the sum.
                    double x = p[0];
                    double s = 0, ds = 0, power = 1, dpower = 0;
                    for (int k = 0; k < (int)p[1]; k++)
                    {
                        dpower = dpower * x + power;
                        power *= x;
                        if (k % 3 == 1)
                        {
                            continue;
                        }

                        (s, ds) = k % 3 == 0 ? (s + power, ds + dpower) : (s - power / (k + 1), ds - dpower / (k + 1));
                        (s, ds) = (s * 0.5, ds * 0.5);
                    }

                    return [ds];
                }
            },
            {
                nameof(Switches.FirstLargeTerm),
                Enumerable.Range(3, 6).Aggregate(D(U(-1, 4), Int(0, 8)), (d, k) => d.AwayFrom(p => Term(p[0], k), _ => 0.5))
                    .Branch("returns from the switch", p => ReturnsEarly(p[0], (int)p[1])).Branch("runs to n", p => !ReturnsEarly(p[0], (int)p[1])),
                p =>
                {
                    double x = p[0];
                    double term = 1, dterm = 0, dsum = 0;
                    for (int k = 1; k <= (int)p[1]; k++)
                    {
                        dterm = (dterm * x + term) / k;
                        term = term * x / k;
                        if (k <= 2)
                        {
                            dsum += dterm;
                        }
                        else if (term > 0.5)
                        {
                            return [dsum + dterm * k];
                        }
                        else
                        {
                            dsum -= dterm;
                        }
                    }

                    return [dsum];
                }
            },
            {
                nameof(Switches.NestedSwitch),
                D(U(-2, 2), U(-1.5, 2.5), Int(0, 2)).AwayFrom(1, -1, 0, 1, 2)
                    .Branch("0: floor(y) 0", p => p[2] == 0 && Math.Floor(p[1]) == 0).Branch("0: other floor", p => p[2] == 0 && Math.Floor(p[1]) != 0)
                    .Branch("1: y < 0", p => p[2] == 1 && p[1] < 0).Branch("1: y >= 0", p => p[2] == 1 && p[1] >= 0).Branch("default", p => p[2] == 2),
                p =>
                {
                    var (x, y) = (p[0], p[1]);
                    return (int)p[2] switch
                    {
                        0 when Math.Floor(y) == 0 => [2 * x * y, x * x],
                        0 => [2 * x + y, x],
                        1 when y < 0 => [3 * x * x, 0],
                        1 => [2 * x * Math.Exp(y), x * x * Math.Exp(y)],
                        _ => [2 * x - y, -x],
                    };
                }
            },
            {
                nameof(Switches.StepInterpolation),
                D(U(-2, 5)).AwayFrom(0, -2, -1, 0, 1, 2, 3, 4, 5)
                    .Branch("floor < 0", p => p[0] < 0).Branch("floor 0", p => Math.Floor(p[0]) == 0)
                    .Branch("floor 1 or 2", p => Math.Floor(p[0]) is 1 or 2).Branch("floor >= 3", p => p[0] >= 3),
                p => [Math.Floor(p[0]) switch { 0 => 1.5, 1 or 2 => -0.5, < 0 => 0.0, _ => 2.0 }]
            },
            {
                nameof(Switches.SignedPower),
                D(U(-3, 3), U(0.5, 3)).AwayFrom(0, 0.0).Branch("x >= 0", p => p[0] >= 0).Branch("x < 0", p => p[0] < 0),
                p =>
                {
                    var (x, power) = (p[0], p[1]);
                    double a = Math.Abs(x);
                    double sign = x >= 0 ? 1 : -1;
                    return [power * Math.Pow(a, power - 1), sign * Math.Pow(a, power) * Math.Log(a)];
                }
            },
            {
                nameof(Switches.GuardedCases),
                D(U(-3, 3), U(-3, 3), Int(-1, 2)).AwayFrom(p => p[0], p => p[1]).AwayFrom(p => Math.Sin(p[0]), _ => 0)
                    .Branch("0, x > y", p => p[2] == 0 && p[0] > p[1]).Branch("0, x <= y", p => p[2] == 0 && p[0] <= p[1])
                    .Branch("k > 0, sin x > 0", p => p[2] > 0 && Math.Sin(p[0]) > 0).Branch("default", p => p[2] < 0 || (p[2] > 0 && Math.Sin(p[0]) <= 0)),
                p =>
                {
                    var (x, y, k) = (p[0], p[1], (int)p[2]);
                    return k == 0 && x > y ? [1, -1]
                        : k == 0 ? [-2 * (y - x), 2 * (y - x)]
                        : k > 0 && Math.Sin(x) > 0 ? [k, 1]
                        : [-y * Math.Sin(x), Math.Cos(x)];
                }
            },
            {
                nameof(Switches.LeakyRamp),
                D(U(-2, 2), U(-1, 1)).AwayFrom(p => p[0], p => p[1]).Branch("x > knee", p => p[0] > p[1]).Branch("x <= knee", p => p[0] <= p[1]),
                p => p[0] > p[1] ? [1, 0] : [0.1, 0.9]
            },
            {
                nameof(Switches.SharedSectionLocal),
                D(U(-2, 2), Int(-1, 3))
                    .Branch("mode 0", p => p[1] == 0).Branch("mode 1 (with default)", p => p[1] == 1).Branch("mode 2", p => p[1] == 2)
                    .Branch("default", p => p[1] is -1 or 3),
                p =>
                {
                    double x = p[0];
                    return (int)p[1] switch { 0 => [2 * x + 1], 2 => [3.0], _ => [2 * Math.Sin(x) * Math.Cos(x)] };
                }
            },
            {
                nameof(Switches.RoundedWeights),
                D(U(-1.4, 3.4), U(-2, 2)).AwayFrom(0, -0.5, 0.5, 1.5, 2.5)
                    .Branch("rounds to 0", p => Math.Round(p[0]) == 0).Branch("rounds to 1", p => Math.Round(p[0]) == 1)
                    .Branch("rounds to 2", p => Math.Round(p[0]) == 2).Branch("other", p => Math.Round(p[0]) is not (0 or 1 or 2)),
                p =>
                {
                    var (x, y) = (p[0], p[1]);
                    (double arm, double slope) = Math.Round(x) switch { 0 => (1.0, 0.0), 1 => (x, 1.0), 2 => (x * x, 2 * x), _ => (Math.Cos(x), -Math.Sin(x)) };
                    return [y * slope + 1, arm];
                }
            },
        };

        /// <summary>xᵏ/k!, as FirstLargeTerm computes it.</summary>
        private static double Term(double x, int k)
        {
            double term = 1;
            for (int i = 1; i <= k; i++)
            {
                term *= x / i;
            }

            return term;
        }

        private static bool ReturnsEarly(double x, int n) => Enumerable.Range(3, Math.Max(0, n - 2)).Any(k => Term(x, k) > 0.5);
    }
}
