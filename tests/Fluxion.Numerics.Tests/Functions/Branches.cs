using System;
using System.Collections.Generic;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>
    /// The branch constructs one by one: if / else if / else with and without braces, nesting, early
    /// returns, the conditional operator, comparisons, logical operators, bool parameters and locals,
    /// definite assignment through branches, compound assignments and calls inside branches. The
    /// derivative is the one of the branch taken; every case keeps its points clear of the branch
    /// boundaries and declares its branches, each of which the points must take.
    /// </summary>
    public static partial class Branches
    {
        /// <summary>Braces on both sides, a return in each.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double AbsWithBraces(double x)
        {
            if (x < 0)
            {
                return -x;
            }
            else
            {
                return x;
            }
        }

        /// <summary>No braces; the local is declared without a value and assigned on each side.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double DeclaredThenAssignedNoBraces(double x, double y)
        {
            double s;
            if (x > y)
                s = x - y;
            else
                s = y - x;
            return s * s * 0.5 + s;
        }

        /// <summary>An else-if chain assigning one local, with a Math function on every piece.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ElseIfChain(double x)
        {
            double y;
            if (x < -1)
            {
                y = Math.Exp(x);
            }
            else if (x <= 1)
            {
                y = Math.Sin(x);
            }
            else
            {
                y = Math.Log(x) + x * x;
            }

            return y;
        }

        /// <summary>Two levels of if/else, braces on the outer level only.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double NestedIfs(double x, double y)
        {
            double r;
            if (x > 0)
            {
                if (y > 0) r = x * y;
                else r = x - y;
            }
            else
            {
                if (y > x) r = Math.Sin(x + y);
                else r = y * y;
            }

            return r + x;
        }

        /// <summary>Four levels deep.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double DeepNesting(double x)
        {
            double r = x;
            if (x > -3)
            {
                r = r * 2;
                if (x > -1)
                {
                    r = r + x * x;
                    if (x > 1)
                    {
                        r = r * x;
                        if (x > 2)
                        {
                            r = Math.Sqrt(r);
                        }
                    }
                }
            }

            return r;
        }

        /// <summary>A return in one branch, then more statements on the other path.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double EarlyReturnThenMore(double x)
        {
            if (x < 0)
            {
                return x * x;
            }

            double t = Math.Exp(x);
            t = t * x;
            return t + 1;
        }

        /// <summary>An early return without braces.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double EarlyReturnNoBraces(double x, double y)
        {
            if (x > y) return x * y;
            return x + y * y;
        }

        /// <summary>Returns in both branches of a condition on a local.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ReturnsInBothBranches(double x, double y)
        {
            double a = x * y;
            if (a > 1)
            {
                return Math.Log(a);
            }
            else
            {
                return a - 1;
            }
        }

        /// <summary>Three early returns in a row, with work between them.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SequentialEarlyReturns(double x)
        {
            if (x < -2) return -x;
            double y = x * x;
            if (y > 1) return y + x;
            y = y * 3;
            if (x < 0) return y;
            return y + Math.Sin(x);
        }

        /// <summary>The return is in the else branch; the statements after the if run on the then path.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ReturnInElseOnly(double x)
        {
            if (x < 1)
            {
                x = x * 2;
            }
            else
            {
                return Math.Log(x);
            }

            return x * x;
        }

        /// <summary>An else-if chain in which every piece returns, no return after it.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ElseIfChainAllReturn(double x, double y)
        {
            if (x < -1)
                return y * Math.Exp(x + 1);
            else if (x < 1)
                return y * (x + 2) * 0.5 + x * x;
            else
                return Math.Sqrt(x) * y * y;
        }

        /// <summary>A parameter returned as it is, from either branch.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ReturnParameterInBranch(double x, double y)
        {
            if (x > y) return x;
            return y;
        }

        /// <summary>The same parameter returned from both branches: dx = 1 whichever way.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SameParameterBothBranches(double x, bool flag)
        {
            if (flag) return x;
            return x;
        }

        /// <summary>The conditional operator as a whole expression body.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Conditional(double x) => x > 1 ? Math.Log(x) : x - 1;

        /// <summary>A nested conditional operator (right-associative).</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double NestedConditional(double x) =>
            x < -1 ? Math.Exp(x) : x > 1 ? Math.Log(x) : x * x * x;

        /// <summary>Conditional operators inside a larger expression and inside a Math call.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ConditionalInsideExpression(double x, double y) =>
            x * (y > 0 ? y : -y) + Math.Sin(x > y ? x - y : 0.0);

        /// <summary>A conditional operator as the argument of a Math function.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ConditionalAsArgument(double x) => Math.Exp(x > 0 ? -x : x) * 2;

        /// <summary>A conditional between two constants, chosen by a differentiated value: a constant factor.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ConditionalBetweenConstants(double x)
        {
            double c = x > 0 ? 2.0 : -3.0;
            return c * x * x;
        }

        /// <summary>Conditionals on passive values only (an int parameter), with == on an int.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ConditionalOnPassiveValues(double x, int n)
        {
            int k = n > 2 ? n - 2 : 1;
            double scale = n % 2 == 0 ? 0.5 : 2.0;
            return scale * k * x * x;
        }

        /// <summary>A bool parameter chooses the piece.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ConditionalOnBoolParameter(double x, double y, bool flag) => flag ? x * y : x + y;

        /// <summary>The four ordering comparisons, each guarding a compound assignment.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double OrderingComparisons(double x, double y)
        {
            double s = 0.0;
            if (x < y) s += x;
            if (x <= 0.5) s += y * y;
            if (y > 1) s -= x * y;
            if (y >= -0.5) s *= 2.0;
            return s;
        }

        /// <summary>== and != on a piecewise-constant value computed from a differentiated one.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double EqualityOnFloor(double x)
        {
            double k = Math.Floor(x);
            if (k == 1.0) return x * x;
            if (k != 2.0) return Math.Sin(x) * k;
            return 3 * x;
        }

        /// <summary>== and != on an int parameter in an else-if chain that returns on every piece.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double EqualityOnInt(double x, int n)
        {
            if (n == 0)
            {
                return Math.Cos(x);
            }
            else if (n != 1)
            {
                return x * n;
            }
            else
            {
                return x * x;
            }
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LogicalAnd(double x, double y)
        {
            if (x > 0 && y > 0) return x * y;
            return 0.5 * (x + y);
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LogicalOr(double x, double y)
        {
            double r;
            if (x < -1 || y > 1)
            {
                r = Math.Exp(0.5 * x) * y;
            }
            else
            {
                r = x - y;
            }

            return r;
        }

        /// <summary>! on a bool parameter and on a parenthesised comparison.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LogicalNot(double x, bool flag)
        {
            if (!flag && !(x > 1)) return x * x;
            return -x;
        }

        /// <summary>Bool locals computed from differentiated values, combined with && || and !.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double BoolLocals(double x, double y)
        {
            bool inside = x * x + y * y < 1;
            bool right = x > 0;
            if (inside && !right)
            {
                return x * y;
            }
            else if (inside || right)
            {
                return x + 2 * y;
            }
            else
            {
                return y * y;
            }
        }

        /// <summary>A mixed logical condition in a conditional operator.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LogicalConditional(double x, double y, bool flag) =>
            (flag || x > y) && !(y < -1) ? x * y : x - y;

        /// <summary>A local changed in one branch only: after the if it is the old or the new value.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double AssignedInOneBranch(double x, double y)
        {
            double z = x * y;
            if (x > y) z = Math.Sin(z);
            return z + x;
        }

        /// <summary>Parameters reassigned inside branches (an absolute value, then a shift).</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ParametersReassignedInBranches(double x, double y)
        {
            if (x < 0) x = -x;
            if (y > x) y = y - x;
            return x * y;
        }

        /// <summary>Several reassignments on each side of one branch.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ReassignmentsInBothBranches(double x)
        {
            double v = x;
            if (x > 1)
            {
                v = v * v;
                v = v + 1;
            }
            else
            {
                v = v - 1;
                v = v * 3;
            }

            return v * x;
        }

        /// <summary>+= *= on one side, -= /= ++ on the other.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double CompoundAssignmentsInBranches(double x, double y)
        {
            double s = x;
            if (y > 0)
            {
                s += y;
                s *= x;
            }
            else
            {
                s -= y;
                s /= 2.0;
                s++;
            }

            return s;
        }

        /// <summary>An int counter changed in the branches (= and --).</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double IntCounterInBranches(double x)
        {
            int n = 2;
            if (x > 0) n = 3;
            else n--;
            return x * n + n;
        }

        /// <summary>Calls to [Differentiable] methods (one of them branchy itself) inside branches.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double CallsInBranches(double x, double y)
        {
            if (x > y)
            {
                return Kernels.Square(x - y) + BranchyModels.Relu(y);
            }
            else
            {
                return Kernels.Cube(y) * x;
            }
        }

        /// <summary>Math functions on both sides.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double MathInBranches(double x)
        {
            double r;
            if (x > 0)
            {
                r = Math.Sqrt(x) + Math.Atan(x);
            }
            else
            {
                r = Math.Tanh(x) * Math.Cos(x);
            }

            return r * 2;
        }

        /// <summary>The condition is on an intermediate value.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ConditionOnIntermediate(double x, double y)
        {
            double t = x * y - 1;
            double r;
            if (t > 0)
            {
                r = t * t;
            }
            else
            {
                r = -Math.Sin(t);
            }

            return r + t * x;
        }

        /// <summary>The first branch's merged value decides the second branch.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double BranchFeedsBranch(double x)
        {
            double a = x;
            if (x < 0) a = -2 * x;
            double b;
            if (a > 1) b = Math.Log(a);
            else b = a * a;
            return a + b;
        }

        /// <summary>An empty then-branch.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double EmptyThenBranch(double x)
        {
            if (x > 0)
            {
            }
            else
            {
                x = -x * 0.5;
            }

            return x * 3;
        }

        /// <summary>Locals of the same name declared inside both branches.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LocalsDeclaredInBranches(double x)
        {
            double r;
            if (x > 0)
            {
                double t = x * 2;
                r = t * t;
            }
            else
            {
                double t = Math.Sin(x);
                r = t + 1;
            }

            return r;
        }

        /// <summary>A value merged after a branch goes into Floor (derivative 0); x also reaches the result directly.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double FloorOfBranchValue(double x)
        {
            double t = 0.0;
            if (x > 0) t = x * 1.5;
            return Math.Floor(t) + x;
        }

        /// <summary>The condition compares with a parameter that is not differentiated.</summary>
        [Differentiable(nameof(x), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ThresholdNotDifferentiated(double x, double threshold)
        {
            if (x > threshold) return x * x;
            return threshold * x;
        }

        /// <summary>Minimum and maximum of two values with conditionals, then a branch on the minimum.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double MinMaxThenBranch(double x, double y)
        {
            double a = x < y ? x : y;
            double b = x < y ? y : x;
            if (a > 0) return a * b;
            return b - a;
        }

        /// <summary>A nested if inside an else-if piece.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double IfInsideElseIf(double x, double y)
        {
            double r = 0;
            if (x < -1)
            {
                r = x;
            }
            else if (x < 1)
            {
                if (y > 0)
                {
                    r = x * y;
                }
                else if (y > -1)
                {
                    r = x + y;
                }
                else
                {
                    r = Math.Exp(y);
                }
            }
            else
            {
                r = y / x;
            }

            return r;
        }

        /// <summary>An early return inside a nested if; the rest of the outer branch returns too, and the other path goes on.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double NestedEarlyReturn(double x, double y)
        {
            double r = x;
            if (x > 0)
            {
                if (y > 0) return x * y;
                r = r * 2;
                return r * r;
            }

            return r + y;
        }

        /// <summary>A compound assignment with a conditional operator on its right.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double CompoundWithConditional(double x, double y)
        {
            double s = x * x;
            s += y > x ? y : Math.Cos(x);
            s *= x < 0 ? -1.0 : x;
            return s;
        }

        /// <summary>Math.Max and Math.Abs inside a branch, with a comparison on their results.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double MathKinksInBranch(double x, double y)
        {
            double m = Math.Max(x, y);
            if (Math.Abs(m) < 1)
            {
                return m * Math.Abs(x - 2 * y);
            }

            return m * m;
        }
    }

    public static class BranchCases
    {
        private static double Sgn(double v) => v < 0 ? -1.0 : 1.0;

        public static IEnumerable<GradientCase> All() => new CaseList(typeof(Branches))
        {
            {
                nameof(Branches.AbsWithBraces),
                D(U(-3, 3)).AwayFrom(0, 0.0).Branch("x < 0", p => p[0] < 0).Branch("x >= 0", p => p[0] >= 0),
                p => [Sgn(p[0])]
            },
            {
                nameof(Branches.DeclaredThenAssignedNoBraces),
                D(U(-3, 3), U(-3, 3)).AwayFrom(p => p[0], p => p[1])
                    .Branch("x > y", p => p[0] > p[1]).Branch("x <= y", p => p[0] <= p[1]),
                p =>
                {
                    double s = Math.Abs(p[0] - p[1]);
                    double sign = Sgn(p[0] - p[1]);
                    return [(s + 1) * sign, -(s + 1) * sign];
                }
            },
            {
                nameof(Branches.ElseIfChain),
                D(U(-3, 3)).AwayFrom(0, -1.0, 1.0)
                    .Branch("x < -1", p => p[0] < -1).Branch("-1 <= x <= 1", p => p[0] >= -1 && p[0] <= 1).Branch("x > 1", p => p[0] > 1),
                p =>
                {
                    double x = p[0];
                    return [x < -1 ? Math.Exp(x) : x <= 1 ? Math.Cos(x) : 1 / x + 2 * x];
                }
            },
            {
                nameof(Branches.NestedIfs),
                D(U(-2, 2), U(-2, 2)).AwayFrom(0, 0.0).AwayFrom(1, 0.0).AwayFrom(p => p[1], p => p[0])
                    .Branch("x > 0, y > 0", p => p[0] > 0 && p[1] > 0)
                    .Branch("x > 0, y <= 0", p => p[0] > 0 && p[1] <= 0)
                    .Branch("x <= 0, y > x", p => p[0] <= 0 && p[1] > p[0])
                    .Branch("x <= 0, y <= x", p => p[0] <= 0 && p[1] <= p[0]),
                p =>
                {
                    var (x, y) = (p[0], p[1]);
                    if (x > 0)
                    {
                        return y > 0 ? [y + 1, x] : [2, -1];
                    }

                    double c = Math.Cos(x + y);
                    return y > x ? [c + 1, c] : [1, 2 * y];
                }
            },
            {
                nameof(Branches.DeepNesting),
                D(U(-4, 4)).AwayFrom(0, -3.0, -1.0, 1.0, 2.0)
                    .Branch("x <= -3", p => p[0] <= -3).Branch("-3 < x <= -1", p => p[0] > -3 && p[0] <= -1)
                    .Branch("-1 < x <= 1", p => p[0] > -1 && p[0] <= 1).Branch("1 < x <= 2", p => p[0] > 1 && p[0] <= 2)
                    .Branch("x > 2", p => p[0] > 2),
                p =>
                {
                    double x = p[0];
                    // x ≤ −3: x;  −3 < x ≤ −1: 2x;  −1 < x ≤ 1: 2x + x²;  1 < x ≤ 2: 2x² + x³;  x > 2: √(2x² + x³).
                    return [x <= -3 ? 1 : x <= -1 ? 2 : x <= 1 ? 2 + 2 * x : x <= 2 ? 4 * x + 3 * x * x : (4 * x + 3 * x * x) / (2 * Math.Sqrt(2 * x * x + x * x * x))];
                }
            },
            {
                nameof(Branches.EarlyReturnThenMore),
                D(U(-3, 3)).AwayFrom(0, 0.0).Branch("x < 0", p => p[0] < 0).Branch("x >= 0", p => p[0] >= 0),
                p => [p[0] < 0 ? 2 * p[0] : Math.Exp(p[0]) * (1 + p[0])]
            },
            {
                nameof(Branches.EarlyReturnNoBraces),
                D(U(-3, 3), U(-3, 3)).AwayFrom(p => p[0], p => p[1])
                    .Branch("x > y", p => p[0] > p[1]).Branch("x <= y", p => p[0] <= p[1]),
                p => p[0] > p[1] ? [p[1], p[0]] : [1, 2 * p[1]]
            },
            {
                nameof(Branches.ReturnsInBothBranches),
                D(U(0.2, 3), U(0.2, 3)).AwayFrom(p => p[0] * p[1], _ => 1)
                    .Branch("xy > 1", p => p[0] * p[1] > 1).Branch("xy <= 1", p => p[0] * p[1] <= 1),
                p => p[0] * p[1] > 1 ? [1 / p[0], 1 / p[1]] : [p[1], p[0]]
            },
            {
                nameof(Branches.SequentialEarlyReturns),
                D(U(-3, 3)).AwayFrom(0, -2.0, 0.0).AwayFrom(p => p[0] * p[0], _ => 1)
                    .Branch("x < -2", p => p[0] < -2).Branch("-2 <= x < -1", p => p[0] >= -2 && p[0] < -1)
                    .Branch("-1 <= x < 0", p => p[0] >= -1 && p[0] < 0).Branch("0 <= x <= 1", p => p[0] >= 0 && p[0] <= 1)
                    .Branch("x > 1", p => p[0] > 1),
                p =>
                {
                    double x = p[0];
                    return [x < -2 ? -1 : x * x > 1 ? 2 * x + 1 : x < 0 ? 6 * x : 6 * x + Math.Cos(x)];
                }
            },
            {
                nameof(Branches.ReturnInElseOnly),
                D(U(-2, 3)).AwayFrom(0, 1.0).Branch("x < 1", p => p[0] < 1).Branch("x >= 1", p => p[0] >= 1),
                p => [p[0] < 1 ? 8 * p[0] : 1 / p[0]]
            },
            {
                nameof(Branches.ElseIfChainAllReturn),
                D(U(-3, 3), U(-2, 2)).AwayFrom(0, -1.0, 1.0)
                    .Branch("x < -1", p => p[0] < -1).Branch("-1 <= x < 1", p => p[0] >= -1 && p[0] < 1).Branch("x >= 1", p => p[0] >= 1),
                p =>
                {
                    var (x, y) = (p[0], p[1]);
                    if (x < -1)
                    {
                        return [y * Math.Exp(x + 1), Math.Exp(x + 1)];
                    }

                    return x < 1 ? [0.5 * y + 2 * x, (x + 2) * 0.5] : [y * y / (2 * Math.Sqrt(x)), 2 * y * Math.Sqrt(x)];
                }
            },
            {
                nameof(Branches.ReturnParameterInBranch),
                D(U(-3, 3), U(-3, 3)).AwayFrom(p => p[0], p => p[1])
                    .Branch("x > y", p => p[0] > p[1]).Branch("x <= y", p => p[0] <= p[1]),
                p => p[0] > p[1] ? [1, 0] : [0, 1]
            },
            {
                nameof(Branches.SameParameterBothBranches),
                D(U(-3, 3), Flag).Branch("flag", p => p[1] != 0).Branch("!flag", p => p[1] == 0),
                p => [1]
            },
            {
                nameof(Branches.Conditional),
                D(U(0.2, 3)).AwayFrom(0, 1.0).Branch("x > 1", p => p[0] > 1).Branch("x <= 1", p => p[0] <= 1),
                p => [p[0] > 1 ? 1 / p[0] : 1]
            },
            {
                nameof(Branches.NestedConditional),
                D(U(-3, 3)).AwayFrom(0, -1.0, 1.0)
                    .Branch("x < -1", p => p[0] < -1).Branch("-1 <= x <= 1", p => p[0] >= -1 && p[0] <= 1).Branch("x > 1", p => p[0] > 1),
                p => [p[0] < -1 ? Math.Exp(p[0]) : p[0] > 1 ? 1 / p[0] : 3 * p[0] * p[0]]
            },
            {
                nameof(Branches.ConditionalInsideExpression),
                D(U(-3, 3), U(-3, 3)).AwayFrom(1, 0.0).AwayFrom(p => p[0], p => p[1])
                    .Branch("y > 0, x > y", p => p[1] > 0 && p[0] > p[1]).Branch("y > 0, x <= y", p => p[1] > 0 && p[0] <= p[1])
                    .Branch("y <= 0, x > y", p => p[1] <= 0 && p[0] > p[1]).Branch("y <= 0, x <= y", p => p[1] <= 0 && p[0] <= p[1]),
                p =>
                {
                    var (x, y) = (p[0], p[1]);
                    double c = x > y ? Math.Cos(x - y) : 0.0;
                    return [Math.Abs(y) + c, x * Sgn(y) - c];
                }
            },
            {
                nameof(Branches.ConditionalAsArgument),
                D(U(-3, 3)).AwayFrom(0, 0.0).Branch("x > 0", p => p[0] > 0).Branch("x <= 0", p => p[0] <= 0),
                p => [p[0] > 0 ? -2 * Math.Exp(-p[0]) : 2 * Math.Exp(p[0])]
            },
            {
                nameof(Branches.ConditionalBetweenConstants),
                D(U(-3, 3)).AwayFrom(0, 0.0).Branch("x > 0", p => p[0] > 0).Branch("x <= 0", p => p[0] <= 0),
                p => [(p[0] > 0 ? 4.0 : -6.0) * p[0]]
            },
            {
                nameof(Branches.ConditionalOnPassiveValues),
                D(U(-3, 3), Int(0, 5))
                    .Branch("n > 2, even", p => p[1] > 2 && p[1] % 2 == 0).Branch("n > 2, odd", p => p[1] > 2 && p[1] % 2 != 0)
                    .Branch("n <= 2, even", p => p[1] <= 2 && p[1] % 2 == 0).Branch("n <= 2, odd", p => p[1] <= 2 && p[1] % 2 != 0),
                p =>
                {
                    double n = p[1];
                    double k = n > 2 ? n - 2 : 1;
                    double scale = n % 2 == 0 ? 0.5 : 2.0;
                    return [2 * scale * k * p[0]];
                }
            },
            {
                nameof(Branches.ConditionalOnBoolParameter),
                D(U(-3, 3), U(-3, 3), Flag).Branch("flag", p => p[2] != 0).Branch("!flag", p => p[2] == 0),
                p => p[2] != 0 ? [p[1], p[0]] : [1, 1]
            },
            {
                nameof(Branches.OrderingComparisons),
                D(U(-2, 2), U(-2, 2)).AwayFrom(p => p[0], p => p[1]).AwayFrom(0, 0.5).AwayFrom(1, 1.0, -0.5)
                    .Branch("x < y", p => p[0] < p[1]).Branch("x >= y", p => p[0] >= p[1])
                    .Branch("x <= 0.5", p => p[0] <= 0.5).Branch("x > 0.5", p => p[0] > 0.5)
                    .Branch("y > 1", p => p[1] > 1).Branch("y <= 1", p => p[1] <= 1)
                    .Branch("y >= -0.5", p => p[1] >= -0.5).Branch("y < -0.5", p => p[1] < -0.5),
                p =>
                {
                    var (x, y) = (p[0], p[1]);
                    double m = y >= -0.5 ? 2.0 : 1.0;
                    double dx = (x < y ? 1 : 0) - (y > 1 ? y : 0);
                    double dy = (x <= 0.5 ? 2 * y : 0) - (y > 1 ? x : 0);
                    return [m * dx, m * dy];
                }
            },
            {
                nameof(Branches.EqualityOnFloor),
                D(U(-1, 4)).AwayFrom(p => p[0], p => Math.Round(p[0]))
                    .Branch("floor(x) == 1", p => Math.Floor(p[0]) == 1).Branch("floor(x) == 2", p => Math.Floor(p[0]) == 2)
                    .Branch("other floor(x)", p => Math.Floor(p[0]) is not (1 or 2)),
                p =>
                {
                    double x = p[0];
                    double k = Math.Floor(x);
                    return [k == 1 ? 2 * x : k != 2 ? Math.Cos(x) * k : 3];
                }
            },
            {
                nameof(Branches.EqualityOnInt),
                D(U(-3, 3), Int(0, 3)).Branch("n == 0", p => p[1] == 0).Branch("n == 1", p => p[1] == 1).Branch("n >= 2", p => p[1] >= 2),
                p => [p[1] == 0 ? -Math.Sin(p[0]) : p[1] != 1 ? p[1] : 2 * p[0]]
            },
            {
                nameof(Branches.LogicalAnd),
                D(U(-2, 2), U(-2, 2)).AwayFrom(0, 0.0).AwayFrom(1, 0.0)
                    .Branch("x > 0 && y > 0", p => p[0] > 0 && p[1] > 0).Branch("x <= 0", p => p[0] <= 0).Branch("x > 0, y <= 0", p => p[0] > 0 && p[1] <= 0),
                p => p[0] > 0 && p[1] > 0 ? [p[1], p[0]] : [0.5, 0.5]
            },
            {
                nameof(Branches.LogicalOr),
                D(U(-3, 3), U(-3, 3)).AwayFrom(0, -1.0).AwayFrom(1, 1.0)
                    .Branch("x < -1", p => p[0] < -1).Branch("x >= -1, y > 1", p => p[0] >= -1 && p[1] > 1).Branch("neither", p => p[0] >= -1 && p[1] <= 1),
                p =>
                {
                    var (x, y) = (p[0], p[1]);
                    double e = Math.Exp(0.5 * x);
                    return x < -1 || y > 1 ? [0.5 * e * y, e] : [1, -1];
                }
            },
            {
                nameof(Branches.LogicalNot),
                D(U(-1, 3), Flag).AwayFrom(0, 1.0)
                    .Branch("!flag, x <= 1", p => p[1] == 0 && p[0] <= 1).Branch("!flag, x > 1", p => p[1] == 0 && p[0] > 1).Branch("flag", p => p[1] != 0),
                p => [p[1] == 0 && p[0] <= 1 ? 2 * p[0] : -1]
            },
            {
                nameof(Branches.BoolLocals),
                D(U(-1.5, 1.5), U(-1.5, 1.5)).AwayFrom(p => p[0] * p[0] + p[1] * p[1], _ => 1).AwayFrom(0, 0.0)
                    .Branch("inside, left", p => p[0] * p[0] + p[1] * p[1] < 1 && p[0] <= 0)
                    .Branch("inside, right", p => p[0] * p[0] + p[1] * p[1] < 1 && p[0] > 0)
                    .Branch("outside, right", p => p[0] * p[0] + p[1] * p[1] >= 1 && p[0] > 0)
                    .Branch("outside, left", p => p[0] * p[0] + p[1] * p[1] >= 1 && p[0] <= 0),
                p =>
                {
                    var (x, y) = (p[0], p[1]);
                    bool inside = x * x + y * y < 1;
                    bool right = x > 0;
                    return inside && !right ? [y, x] : inside || right ? [1, 2] : [0, 2 * y];
                }
            },
            {
                nameof(Branches.LogicalConditional),
                D(U(-3, 3), U(-3, 3), Flag).AwayFrom(p => p[0], p => p[1]).AwayFrom(1, -1.0)
                    .Branch("flag, y >= -1", p => p[2] != 0 && p[1] >= -1).Branch("!flag, x > y >= -1", p => p[2] == 0 && p[0] > p[1] && p[1] >= -1)
                    .Branch("!flag, x <= y", p => p[2] == 0 && p[0] <= p[1]).Branch("y < -1", p => p[1] < -1),
                p => (p[2] != 0 || p[0] > p[1]) && !(p[1] < -1) ? [p[1], p[0]] : [1, -1]
            },
            {
                nameof(Branches.AssignedInOneBranch),
                D(U(-2, 2), U(-2, 2)).AwayFrom(p => p[0], p => p[1])
                    .Branch("x > y", p => p[0] > p[1]).Branch("x <= y", p => p[0] <= p[1]),
                p =>
                {
                    var (x, y) = (p[0], p[1]);
                    double c = Math.Cos(x * y);
                    return x > y ? [c * y + 1, c * x] : [y + 1, x];
                }
            },
            {
                nameof(Branches.ParametersReassignedInBranches),
                D(U(-3, 3), U(-3, 3)).AwayFrom(0, 0.0).AwayFrom(p => p[1], p => Math.Abs(p[0]))
                    .Branch("x < 0, y > |x|", p => p[0] < 0 && p[1] > -p[0]).Branch("x < 0, y <= |x|", p => p[0] < 0 && p[1] <= -p[0])
                    .Branch("x >= 0, y > x", p => p[0] >= 0 && p[1] > p[0]).Branch("x >= 0, y <= x", p => p[0] >= 0 && p[1] <= p[0]),
                p =>
                {
                    double a = Math.Abs(p[0]);
                    double y = p[1];
                    double dA = y > a ? y - 2 * a : y;
                    return [dA * Sgn(p[0]), a];
                }
            },
            {
                nameof(Branches.ReassignmentsInBothBranches),
                D(U(-2, 3)).AwayFrom(0, 1.0).Branch("x > 1", p => p[0] > 1).Branch("x <= 1", p => p[0] <= 1),
                p => [p[0] > 1 ? 3 * p[0] * p[0] + 1 : 6 * p[0] - 3]
            },
            {
                nameof(Branches.CompoundAssignmentsInBranches),
                D(U(-3, 3), U(-3, 3)).AwayFrom(1, 0.0).Branch("y > 0", p => p[1] > 0).Branch("y <= 0", p => p[1] <= 0),
                p => p[1] > 0 ? [2 * p[0] + p[1], p[0]] : [0.5, -0.5]
            },
            {
                nameof(Branches.IntCounterInBranches),
                D(U(-3, 3)).AwayFrom(0, 0.0).Branch("x > 0", p => p[0] > 0).Branch("x <= 0", p => p[0] <= 0),
                p => [p[0] > 0 ? 3 : 1]
            },
            {
                nameof(Branches.CallsInBranches),
                D(U(-2, 2), U(-2, 2)).AwayFrom(p => p[0], p => p[1]).AwayFrom(1, 0.0)
                    .Branch("x > y > 0", p => p[0] > p[1] && p[1] > 0).Branch("x > y, y <= 0", p => p[0] > p[1] && p[1] <= 0)
                    .Branch("x <= y", p => p[0] <= p[1]),
                p =>
                {
                    var (x, y) = (p[0], p[1]);
                    return x > y ? [2 * (x - y), -2 * (x - y) + (y > 0 ? 1 : 0)] : [y * y * y, 3 * y * y * x];
                }
            },
            {
                nameof(Branches.MathInBranches),
                D(U(-3, 3)).AwayFrom(0, 0.0).Branch("x > 0", p => p[0] > 0).Branch("x <= 0", p => p[0] <= 0),
                p =>
                {
                    double x = p[0];
                    if (x > 0)
                    {
                        return [2 * (0.5 / Math.Sqrt(x) + 1 / (1 + x * x))];
                    }

                    double t = Math.Tanh(x);
                    return [2 * ((1 - t * t) * Math.Cos(x) - t * Math.Sin(x))];
                }
            },
            {
                nameof(Branches.ConditionOnIntermediate),
                D(U(-2, 2), U(-2, 2)).AwayFrom(p => p[0] * p[1], _ => 1)
                    .Branch("xy > 1", p => p[0] * p[1] > 1).Branch("xy <= 1", p => p[0] * p[1] <= 1),
                p =>
                {
                    var (x, y) = (p[0], p[1]);
                    double t = x * y - 1;
                    double dr = t > 0 ? 2 * t : -Math.Cos(t); // ∂r/∂t
                    return [(dr + x) * y + t, (dr + x) * x];
                }
            },
            {
                nameof(Branches.BranchFeedsBranch),
                D(U(-2, 3)).AwayFrom(0, 0.0, -0.5, 1.0)
                    .Branch("x < -0.5", p => p[0] < -0.5).Branch("-0.5 <= x < 0", p => p[0] >= -0.5 && p[0] < 0)
                    .Branch("0 <= x <= 1", p => p[0] >= 0 && p[0] <= 1).Branch("x > 1", p => p[0] > 1),
                p =>
                {
                    double x = p[0];
                    double a = x < 0 ? -2 * x : x;
                    double da = x < 0 ? -2 : 1;
                    return [(1 + (a > 1 ? 1 / a : 2 * a)) * da];
                }
            },
            {
                nameof(Branches.EmptyThenBranch),
                D(U(-3, 3)).AwayFrom(0, 0.0).Branch("x > 0", p => p[0] > 0).Branch("x <= 0", p => p[0] <= 0),
                p => [p[0] > 0 ? 3 : -1.5]
            },
            {
                nameof(Branches.LocalsDeclaredInBranches),
                D(U(-3, 3)).AwayFrom(0, 0.0).Branch("x > 0", p => p[0] > 0).Branch("x <= 0", p => p[0] <= 0),
                p => [p[0] > 0 ? 8 * p[0] : Math.Cos(p[0])]
            },
            {
                nameof(Branches.FloorOfBranchValue),
                D(U(-2, 3)).AwayFrom(0, 0.0).AwayFrom(p => 1.5 * p[0], p => Math.Round(1.5 * p[0]))
                    .Branch("x > 0", p => p[0] > 0).Branch("x <= 0", p => p[0] <= 0),
                p => [1]
            },
            {
                nameof(Branches.ThresholdNotDifferentiated),
                D(U(-3, 3), U(-2, 2)).AwayFrom(p => p[0], p => p[1])
                    .Branch("x > threshold", p => p[0] > p[1]).Branch("x <= threshold", p => p[0] <= p[1]),
                p => [p[0] > p[1] ? 2 * p[0] : p[1]]
            },
            {
                nameof(Branches.MinMaxThenBranch),
                D(U(-2, 2), U(-2, 2)).AwayFrom(p => p[0], p => p[1]).AwayFrom(p => Math.Min(p[0], p[1]), _ => 0)
                    .Branch("x < y, min > 0", p => p[0] < p[1] && p[0] > 0).Branch("x >= y, min > 0", p => p[0] >= p[1] && p[1] > 0)
                    .Branch("x < y, min <= 0", p => p[0] < p[1] && p[0] <= 0).Branch("x >= y, min <= 0", p => p[0] >= p[1] && p[1] <= 0),
                p =>
                {
                    var (x, y) = (p[0], p[1]);
                    double a = Math.Min(x, y), b = Math.Max(x, y);
                    // ∂/∂a and ∂/∂b, then routed to whichever of x and y is the minimum.
                    double da = a > 0 ? b : -1;
                    double db = a > 0 ? a : 1;
                    return x < y ? [da, db] : [db, da];
                }
            },
            {
                nameof(Branches.IfInsideElseIf),
                D(U(-2, 2), U(-2, 2)).AwayFrom(0, -1.0, 1.0).AwayFrom(1, 0.0, -1.0)
                    .Branch("x < -1", p => p[0] < -1).Branch("x >= 1", p => p[0] >= 1)
                    .Branch("|x| < 1, y > 0", p => Math.Abs(p[0]) < 1 && p[1] > 0)
                    .Branch("|x| < 1, -1 < y <= 0", p => Math.Abs(p[0]) < 1 && p[1] > -1 && p[1] <= 0)
                    .Branch("|x| < 1, y <= -1", p => Math.Abs(p[0]) < 1 && p[1] <= -1),
                p =>
                {
                    var (x, y) = (p[0], p[1]);
                    if (x < -1)
                    {
                        return [1, 0];
                    }

                    if (x >= 1)
                    {
                        return [-y / (x * x), 1 / x];
                    }

                    return y > 0 ? [y, x] : y > -1 ? [1, 1] : [0, Math.Exp(y)];
                }
            },
            {
                nameof(Branches.NestedEarlyReturn),
                D(U(-2, 2), U(-2, 2)).AwayFrom(0, 0.0).AwayFrom(1, 0.0)
                    .Branch("x > 0, y > 0", p => p[0] > 0 && p[1] > 0).Branch("x > 0, y <= 0", p => p[0] > 0 && p[1] <= 0).Branch("x <= 0", p => p[0] <= 0),
                p => p[0] > 0 ? (p[1] > 0 ? [p[1], p[0]] : [8 * p[0], 0]) : [1, 1]
            },
            {
                nameof(Branches.CompoundWithConditional),
                D(U(-2, 2), U(-2, 2)).AwayFrom(p => p[1], p => p[0]).AwayFrom(0, 0.0)
                    .Branch("y > x, x < 0", p => p[1] > p[0] && p[0] < 0).Branch("y > x, x >= 0", p => p[1] > p[0] && p[0] >= 0)
                    .Branch("y <= x, x < 0", p => p[1] <= p[0] && p[0] < 0).Branch("y <= x, x >= 0", p => p[1] <= p[0] && p[0] >= 0),
                p =>
                {
                    var (x, y) = (p[0], p[1]);
                    double s = x * x + (y > x ? y : Math.Cos(x));
                    double dsdx = 2 * x + (y > x ? 0 : -Math.Sin(x));
                    double dsdy = y > x ? 1 : 0;
                    // f = s·m with m = −1 (x < 0) or x.
                    return x < 0 ? [-dsdx, -dsdy] : [dsdx * x + s, dsdy * x];
                }
            },
            {
                nameof(Branches.MathKinksInBranch),
                D(U(-2, 2), U(-2, 2)).AwayFrom(p => p[0], p => p[1]).AwayFrom(p => Math.Abs(Math.Max(p[0], p[1])), _ => 1)
                    .AwayFrom(p => p[0], p => 2 * p[1])
                    .Branch("|max| < 1, x max", p => Math.Abs(Math.Max(p[0], p[1])) < 1 && p[0] >= p[1])
                    .Branch("|max| < 1, y max", p => Math.Abs(Math.Max(p[0], p[1])) < 1 && p[0] < p[1])
                    .Branch("|max| >= 1", p => Math.Abs(Math.Max(p[0], p[1])) >= 1),
                p =>
                {
                    var (x, y) = (p[0], p[1]);
                    double m = Math.Max(x, y);
                    double dmdx = x >= y ? 1 : 0;
                    if (Math.Abs(m) >= 1)
                    {
                        return [2 * m * dmdx, 2 * m * (1 - dmdx)];
                    }

                    double a = Math.Abs(x - 2 * y);
                    double s = Sgn(x - 2 * y);
                    return [dmdx * a + m * s, (1 - dmdx) * a - 2 * m * s];
                }
            },
        };
    }
}
