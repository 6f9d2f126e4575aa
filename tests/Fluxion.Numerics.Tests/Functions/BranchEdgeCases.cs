using System;
using System.Collections.Generic;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>
    /// Branches in the places a reverse sweep most easily gets wrong: a side whose value is undefined
    /// on the other side (it must not be evaluated there, nor its derivative), values from before the
    /// branch returned after it, conditions with calls, Math functions and conditionals in them, bool
    /// locals reassigned, parameters that are not differentiated changed in a branch.
    /// </summary>
    public static partial class BranchEdges
    {
        /// <summary>sin(x)/x with its removable singularity guarded by !=; x = 0 exactly is sampled.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Sinc(double x) => x != 0 ? Math.Sin(x) / x : 1.0;

        /// <summary>Each side is NaN on the other side's half-line: the side not taken must stay unevaluated.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SqrtOnEitherSide(double x) => x > 0 ? Math.Sqrt(x) : -Math.Sqrt(-x);

        /// <summary>A bool local set in a branch, then tested.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double BoolLocalReassigned(double x)
        {
            bool negative = false;
            if (x < 0) negative = true;
            if (negative) return -x * 2;
            return x;
        }

        /// <summary>The early return returns a local that the other path changes afterwards.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ReturnEarlierValue(double x)
        {
            double a = x * x;
            if (x > 1) return a;
            a = a + x;
            return a;
        }

        /// <summary>The early return returns the parameter that the other path reassigns afterwards.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ReturnParameterThenReassign(double x)
        {
            if (x > 1) return x;
            x = x * 3;
            return x;
        }

        /// <summary>A [Differentiable] call in the condition, and again in a branch.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double CallInCondition(double x)
        {
            if (Kernels.Square(x) > 2) return x;
            return -x * Kernels.Square(x);
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double MathInCondition(double x) => Math.Sin(x) > 0 ? x * x : x;

        /// <summary>A conditional operator on a differentiated value inside the condition of an if.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ConditionalInCondition(double x)
        {
            if ((x > 0 ? x : -x) > 1) return x * x;
            return x;
        }

        /// <summary>A conditional operator as the argument of a [Differentiable] call.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double ConditionalIntoCall(double x) => Kernels.Square(x > 0 ? x : -2 * x);

        /// <summary>An int chosen by a condition on a differentiated value.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double IntFromConditional(double x)
        {
            int k = x > 0 ? 1 : 2;
            return x * k;
        }

        /// <summary>An early return of a conditional expression.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ReturnConditional(double x, double y)
        {
            if (x > 0) return y > 0 ? x * y : x;
            return -x;
        }

        /// <summary>A bool parameter decides whether a parameter is negated.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double FlagNegates(double x, bool flag)
        {
            if (flag) x = -x;
            return x * x * x;
        }

        /// <summary>A parameter that is not differentiated is reassigned in a branch.</summary>
        [Differentiable(nameof(x), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ExcludedReassignedInBranch(double x, double k)
        {
            if (k > 1) k = k * 2;
            return x * k;
        }

        /// <summary>Two declarators in one declaration, in each branch.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double MultipleDeclaratorsInBranches(double x)
        {
            double r;
            if (x > 0) { double a = x, b = 2 * x; r = a * b; }
            else { double a = -x, b = 3.0; r = a + b; }
            return r;
        }

        /// <summary>A nested conditional assigned to a local that already had a value.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double NestedConditionalAssignment(double x, double y)
        {
            double r = x;
            r = x > 0 ? (y > 0 ? x * y : y) : x + y;
            return r * r;
        }

        /// <summary>&& binds tighter than ||; a bool parameter and ! in the mix.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double AndOrPrecedence(double x, double y, bool flag)
        {
            if (x > 0 && y > 0 || flag && !(x < -1)) return x * y;
            return x - y;
        }

        /// <summary>A step: both sides constant, so the derivative is 0 on each.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Step(double x) => x > 0 ? 1.0 : 0.0;

        /// <summary>The same step with returns of constants.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double StepWithReturns(double x)
        {
            if (x > 0) return 1.0;
            return -1.0;
        }

        /// <summary>x only decides the branch: ∂/∂x = 0 everywhere.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double OnlyInCondition(double x, double y)
        {
            if (x > y) return 2.0 * y;
            return 3.0;
        }

        /// <summary>Parameters and locals named like the generated branch temporaries.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double NamesLikeBranchTemporaries(double branch, double choice, double result)
        {
            double result_2 = branch * choice;
            if (branch > choice)
            {
                double branch_2 = result_2 + result;
                return branch_2 * branch;
            }

            double choice_side = choice * result;
            return choice_side > 0 ? choice_side : result_2;
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double NegatedConditional(double x) => -(x > 0 ? x : 0.0) * 3;

        /// <summary>The same variable on both sides of a conditional.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SameVariableBothSides(double x, bool flag) => flag ? x : x;

        /// <summary>A triangle wave: the parity of (int)floor(x) picks the slope.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double TriangleWave(double x)
        {
            double k = Math.Floor(x);
            double frac = x - k;
            if ((int)k % 2 == 0) return frac;
            return 1 - frac;
        }

        /// <summary>A compound assignment of a parameter in a branch, the parameter returned.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double CompoundThenReturnParameter(double x)
        {
            if (x > 0) x *= x;
            return x;
        }

        /// <summary>A long local changed on each side.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LongInBranches(double x, long n)
        {
            long m = n;
            if (x > 0) m = m * 2;
            else m -= 1;
            return x * m;
        }

        private static readonly bool Enabled = true;
        private static readonly double Threshold = 0.5;

        /// <summary>A bool argument computed by comparisons, passed to a branchy [Differentiable] callee.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double BoolArgumentFromComparison(double x, double y) =>
            Branches.ConditionalOnBoolParameter(x, y, x > y) + Branches.ConditionalOnBoolParameter(y, x, !(x > y) && y > 0);

        /// <summary>An int argument chosen by a conditional on a differentiated value.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double IntArgumentFromConditional(double x) => Branches.EqualityOnInt(x, x > 0 ? 0 : 2);

        /// <summary>static readonly fields in a condition.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double FieldsInCondition(double x)
        {
            if (Enabled && x > Threshold) return x * Threshold;
            return x * x;
        }

        /// <summary>A local declared without a value, assigned in one branch, then overwritten on every path.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double AssignedInOneBranchThenOverwritten(double x)
        {
            double r;
            if (x > 0) r = x * 3;
            r = 2.0 * x;
            return r;
        }

        /// <summary>A local declared without a value, assigned and returned in a branch, assigned after it otherwise.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double DeclaredThenReturnedInBranch(double x)
        {
            double r;
            if (x > 0) { r = x * x; return r; }
            r = -x;
            return r;
        }

        /// <summary>Six pieces in one chain of conditional operators.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LongConditionalChain(double x) =>
            x < -2 ? 1 * x : x < -1 ? 2 * x : x < 0 ? 3 * x : x < 1 ? 4 * x : x < 2 ? 5 * x : 6 * x;

        /// <summary>Passive conditionals as operands of arithmetic: the parentheses around them must survive.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double PassiveConditionalsInArithmetic(double x, int n, bool flag)
        {
            int k = (n > 2 ? n : 2) * 3;
            double c = (flag ? 1.0 : 2.0) + 1.0;
            double d = -(n > 0 ? n : 1) * 2.0;
            return x * k + c * x + d * x;
        }

        /// <summary>Grouped || inside &&, and ! applied to groups.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double NegatedGroups(double x, double y, bool flag)
        {
            bool a = x > 0, b = y > 0;
            if ((a || b) && flag) return x * y;
            if (!(a && b) && !(flag || x > 2)) return x - y;
            return x + y;
        }

        /// <summary>A conditional of bool type as the condition of another.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double BoolValuedConditional(double x, double y, bool flag) => (flag ? x > 0 : y > 0) ? x * y : x - y;

        /// <summary>Active conditionals as both factors of a product, and a passive one as a factor.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ConditionalFactors(double x, double y) =>
            (x > 0 ? x : y) * (y > 0 ? y : x) + (x > y ? 1.0 : 2.0) * x;

        /// <summary>A conditional in a product on one side of a conditional, a negated one on the other.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ConditionalsOnBothSides(double x, double y) =>
            x > 0 ? (y > 0 ? x : y) * 2 : -(x < -1 ? y : x);

        /// <summary>
        /// && guards an integer division: the right operand must not be evaluated when n is 0
        /// (the original returns x there; evaluating 12 / n would throw).
        /// </summary>
        /// <remarks>
        /// Fails today: the generated gradient computes <c>(double)(12 / n)</c> into a temporary before
        /// the condition (as the factor of an active product, although a condition needs no derivative),
        /// outside the short circuit, and throws DivideByZeroException at n = 0.
        /// </remarks>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double GuardedDivisionInCondition(double x, int n)
        {
            if (n != 0 && x * (12 / n) > 1) return x * x;
            return x;
        }

        /// <summary>|| guards an integer remainder in the condition of a conditional operator.</summary>
        /// <remarks>Fails today like <see cref="GuardedDivisionInCondition"/>: 7 % n is computed before the ||.</remarks>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double GuardedRemainderInConditional(double x, int n) =>
            n == 0 || x * (7 % n) > 1 ? x * x : -x;
    }

    public static class BranchEdgeCases
    {
        public static IEnumerable<GradientCase> All() => new CaseList(typeof(BranchEdges))
        {
            {
                nameof(BranchEdges.Sinc),
                D(UOrExactly(-4, 4, 0.0)).Branch("x == 0", p => p[0] == 0).Branch("x != 0", p => p[0] != 0),
                p => [p[0] == 0 ? 0 : (p[0] * Math.Cos(p[0]) - Math.Sin(p[0])) / (p[0] * p[0])]
            },
            {
                // √ is steep near 0: the points keep 0.1 from it for the finite differences.
                nameof(BranchEdges.SqrtOnEitherSide),
                D(Signed(0.1, 3)).AwayFrom(0, 0.0).Branch("x > 0", p => p[0] > 0).Branch("x <= 0", p => p[0] <= 0),
                p => [0.5 / Math.Sqrt(Math.Abs(p[0]))]
            },
            {
                nameof(BranchEdges.BoolLocalReassigned),
                D(U(-3, 3)).AwayFrom(0, 0.0).Branch("x < 0", p => p[0] < 0).Branch("x >= 0", p => p[0] >= 0),
                p => [p[0] < 0 ? -2 : 1]
            },
            {
                nameof(BranchEdges.ReturnEarlierValue),
                D(U(-2, 3)).AwayFrom(0, 1.0).Branch("x > 1", p => p[0] > 1).Branch("x <= 1", p => p[0] <= 1),
                p => [p[0] > 1 ? 2 * p[0] : 2 * p[0] + 1]
            },
            {
                nameof(BranchEdges.ReturnParameterThenReassign),
                D(U(-2, 3)).AwayFrom(0, 1.0).Branch("x > 1", p => p[0] > 1).Branch("x <= 1", p => p[0] <= 1),
                p => [p[0] > 1 ? 1 : 3]
            },
            {
                nameof(BranchEdges.CallInCondition),
                D(U(-3, 3)).AwayFrom(p => p[0] * p[0], _ => 2)
                    .Branch("x² > 2", p => p[0] * p[0] > 2).Branch("x² <= 2", p => p[0] * p[0] <= 2),
                p => [p[0] * p[0] > 2 ? 1 : -3 * p[0] * p[0]]
            },
            {
                nameof(BranchEdges.MathInCondition),
                D(U(-5, 5)).AwayFrom(p => Math.Sin(p[0]), _ => 0)
                    .Branch("sin x > 0", p => Math.Sin(p[0]) > 0).Branch("sin x <= 0", p => Math.Sin(p[0]) <= 0),
                p => [Math.Sin(p[0]) > 0 ? 2 * p[0] : 1]
            },
            {
                nameof(BranchEdges.ConditionalInCondition),
                D(U(-3, 3)).AwayFrom(p => Math.Abs(p[0]), _ => 1)
                    .Branch("|x| > 1", p => Math.Abs(p[0]) > 1).Branch("|x| <= 1", p => Math.Abs(p[0]) <= 1),
                p => [Math.Abs(p[0]) > 1 ? 2 * p[0] : 1]
            },
            {
                nameof(BranchEdges.ConditionalIntoCall),
                D(U(-3, 3)).AwayFrom(0, 0.0).Branch("x > 0", p => p[0] > 0).Branch("x <= 0", p => p[0] <= 0),
                p => [p[0] > 0 ? 2 * p[0] : 8 * p[0]]
            },
            {
                nameof(BranchEdges.IntFromConditional),
                D(U(-3, 3)).AwayFrom(0, 0.0).Branch("x > 0", p => p[0] > 0).Branch("x <= 0", p => p[0] <= 0),
                p => [p[0] > 0 ? 1 : 2]
            },
            {
                nameof(BranchEdges.ReturnConditional),
                D(U(-2, 2), U(-2, 2)).AwayFrom(0, 0.0).AwayFrom(1, 0.0)
                    .Branch("x > 0, y > 0", p => p[0] > 0 && p[1] > 0).Branch("x > 0, y <= 0", p => p[0] > 0 && p[1] <= 0).Branch("x <= 0", p => p[0] <= 0),
                p => p[0] > 0 ? (p[1] > 0 ? [p[1], p[0]] : [1, 0]) : [-1, 0]
            },
            {
                nameof(BranchEdges.FlagNegates),
                D(U(-3, 3), Flag).Branch("flag", p => p[1] != 0).Branch("!flag", p => p[1] == 0),
                p => [(p[1] != 0 ? -3 : 3) * p[0] * p[0]]
            },
            {
                nameof(BranchEdges.ExcludedReassignedInBranch),
                D(U(-3, 3), U(0, 2)).Branch("k > 1", p => p[1] > 1).Branch("k <= 1", p => p[1] <= 1),
                p => [p[1] > 1 ? 2 * p[1] : p[1]]
            },
            {
                nameof(BranchEdges.MultipleDeclaratorsInBranches),
                D(U(-3, 3)).AwayFrom(0, 0.0).Branch("x > 0", p => p[0] > 0).Branch("x <= 0", p => p[0] <= 0),
                p => [p[0] > 0 ? 4 * p[0] : -1]
            },
            {
                nameof(BranchEdges.NestedConditionalAssignment),
                D(U(-2, 2), U(-2, 2)).AwayFrom(0, 0.0).AwayFrom(1, 0.0)
                    .Branch("x > 0, y > 0", p => p[0] > 0 && p[1] > 0).Branch("x > 0, y <= 0", p => p[0] > 0 && p[1] <= 0).Branch("x <= 0", p => p[0] <= 0),
                p =>
                {
                    var (x, y) = (p[0], p[1]);
                    if (x > 0)
                    {
                        return y > 0 ? [2 * x * y * y, 2 * x * y * x] : [0, 2 * y];
                    }

                    return [2 * (x + y), 2 * (x + y)];
                }
            },
            {
                nameof(BranchEdges.AndOrPrecedence),
                D(U(-3, 3), U(-3, 3), Flag).AwayFrom(0, 0.0, -1.0).AwayFrom(1, 0.0)
                    .Branch("x > 0 && y > 0", p => p[0] > 0 && p[1] > 0)
                    .Branch("only flag && x >= -1", p => !(p[0] > 0 && p[1] > 0) && p[2] != 0 && p[0] >= -1)
                    .Branch("neither", p => !(p[0] > 0 && p[1] > 0) && !(p[2] != 0 && p[0] >= -1)),
                p => (p[0] > 0 && p[1] > 0) || (p[2] != 0 && !(p[0] < -1)) ? [p[1], p[0]] : [1, -1]
            },
            {
                nameof(BranchEdges.Step),
                D(U(-3, 3)).AwayFrom(0, 0.0).Branch("x > 0", p => p[0] > 0).Branch("x <= 0", p => p[0] <= 0),
                p => [0]
            },
            {
                nameof(BranchEdges.StepWithReturns),
                D(U(-3, 3)).AwayFrom(0, 0.0).Branch("x > 0", p => p[0] > 0).Branch("x <= 0", p => p[0] <= 0),
                p => [0]
            },
            {
                nameof(BranchEdges.OnlyInCondition),
                D(U(-3, 3), U(-3, 3)).AwayFrom(p => p[0], p => p[1]).Branch("x > y", p => p[0] > p[1]).Branch("x <= y", p => p[0] <= p[1]),
                p => p[0] > p[1] ? [0, 2] : [0, 0]
            },
            {
                nameof(BranchEdges.NamesLikeBranchTemporaries),
                D(U(-3, 3), U(-3, 3), U(-3, 3)).AwayFrom(p => p[0], p => p[1]).AwayFrom(p => p[1] * p[2], _ => 0)
                    .Branch("branch > choice", p => p[0] > p[1])
                    .Branch("branch <= choice, choice·result > 0", p => p[0] <= p[1] && p[1] * p[2] > 0)
                    .Branch("branch <= choice, choice·result <= 0", p => p[0] <= p[1] && p[1] * p[2] <= 0),
                p =>
                {
                    var (b, c, r) = (p[0], p[1], p[2]);
                    if (b > c)
                    {
                        return [2 * b * c + r, b * b, b];
                    }

                    return c * r > 0 ? [0, r, c] : [c, b, 0];
                }
            },
            {
                nameof(BranchEdges.NegatedConditional),
                D(U(-3, 3)).AwayFrom(0, 0.0).Branch("x > 0", p => p[0] > 0).Branch("x <= 0", p => p[0] <= 0),
                p => [p[0] > 0 ? -3 : 0]
            },
            {
                nameof(BranchEdges.SameVariableBothSides),
                D(U(-3, 3), Flag).Branch("flag", p => p[1] != 0).Branch("!flag", p => p[1] == 0),
                p => [1]
            },
            {
                nameof(BranchEdges.TriangleWave),
                D(U(-3, 3)).AwayFrom(p => p[0], p => Math.Round(p[0]))
                    .Branch("even floor", p => (int)Math.Floor(p[0]) % 2 == 0).Branch("odd floor", p => (int)Math.Floor(p[0]) % 2 != 0),
                p => [(int)Math.Floor(p[0]) % 2 == 0 ? 1 : -1]
            },
            {
                nameof(BranchEdges.CompoundThenReturnParameter),
                D(U(-3, 3)).AwayFrom(0, 0.0).Branch("x > 0", p => p[0] > 0).Branch("x <= 0", p => p[0] <= 0),
                p => [p[0] > 0 ? 2 * p[0] : 1]
            },
            {
                nameof(BranchEdges.LongInBranches),
                D(U(-3, 3), Int(-3, 3)).AwayFrom(0, 0.0).Branch("x > 0", p => p[0] > 0).Branch("x <= 0", p => p[0] <= 0),
                p => [p[0] > 0 ? 2 * p[1] : p[1] - 1]
            },
            {
                nameof(BranchEdges.BoolArgumentFromComparison),
                D(U(-3, 3), U(-3, 3)).AwayFrom(p => p[0], p => p[1]).AwayFrom(1, 0.0)
                    .Branch("x > y", p => p[0] > p[1]).Branch("x <= y, y > 0", p => p[0] <= p[1] && p[1] > 0).Branch("x <= y, y <= 0", p => p[0] <= p[1] && p[1] <= 0),
                p =>
                {
                    var (x, y) = (p[0], p[1]);
                    double[] first = x > y ? [y, x] : [1, 1];
                    double[] second = x <= y && y > 0 ? [y, x] : [1, 1];
                    return [first[0] + second[0], first[1] + second[1]];
                }
            },
            {
                nameof(BranchEdges.IntArgumentFromConditional),
                D(U(-3, 3)).AwayFrom(0, 0.0).Branch("x > 0", p => p[0] > 0).Branch("x <= 0", p => p[0] <= 0),
                p => [p[0] > 0 ? -Math.Sin(p[0]) : 2]
            },
            {
                nameof(BranchEdges.FieldsInCondition),
                D(U(-2, 2)).AwayFrom(0, 0.5).Branch("x > 0.5", p => p[0] > 0.5).Branch("x <= 0.5", p => p[0] <= 0.5),
                p => [p[0] > 0.5 ? 0.5 : 2 * p[0]]
            },
            {
                nameof(BranchEdges.AssignedInOneBranchThenOverwritten),
                D(U(-3, 3)).AwayFrom(0, 0.0).Branch("x > 0", p => p[0] > 0).Branch("x <= 0", p => p[0] <= 0),
                p => [2]
            },
            {
                nameof(BranchEdges.DeclaredThenReturnedInBranch),
                D(U(-3, 3)).AwayFrom(0, 0.0).Branch("x > 0", p => p[0] > 0).Branch("x <= 0", p => p[0] <= 0),
                p => [p[0] > 0 ? 2 * p[0] : -1]
            },
            {
                nameof(BranchEdges.LongConditionalChain),
                D(U(-3, 3)).AwayFrom(0, -2.0, -1.0, 0.0, 1.0, 2.0)
                    .Branch("x < -2", p => p[0] < -2).Branch("-2 <= x < -1", p => p[0] >= -2 && p[0] < -1)
                    .Branch("-1 <= x < 0", p => p[0] >= -1 && p[0] < 0).Branch("0 <= x < 1", p => p[0] >= 0 && p[0] < 1)
                    .Branch("1 <= x < 2", p => p[0] >= 1 && p[0] < 2).Branch("x >= 2", p => p[0] >= 2),
                p => [Math.Floor(Math.Clamp(p[0], -2.5, 2.5)) + 4]
            },
            {
                nameof(BranchEdges.PassiveConditionalsInArithmetic),
                D(U(-3, 3), Int(-1, 4), Flag)
                    .Branch("n > 2", p => p[1] > 2).Branch("0 < n <= 2", p => p[1] > 0 && p[1] <= 2).Branch("n <= 0", p => p[1] <= 0)
                    .Branch("flag", p => p[2] != 0).Branch("!flag", p => p[2] == 0),
                p =>
                {
                    double n = p[1];
                    return [Math.Max(n, 2) * 3 + (p[2] != 0 ? 2.0 : 3.0) - 2 * (n > 0 ? n : 1)];
                }
            },
            {
                nameof(BranchEdges.NegatedGroups),
                D(U(-3, 3), U(-3, 3), Flag).AwayFrom(0, 0.0, 2.0).AwayFrom(1, 0.0)
                    .Branch("first", p => (p[0] > 0 || p[1] > 0) && p[2] != 0)
                    .Branch("second", p => !((p[0] > 0 || p[1] > 0) && p[2] != 0) && !(p[0] > 0 && p[1] > 0) && !(p[2] != 0 || p[0] > 2))
                    .Branch("third", p => !((p[0] > 0 || p[1] > 0) && p[2] != 0) && !(!(p[0] > 0 && p[1] > 0) && !(p[2] != 0 || p[0] > 2))),
                p =>
                {
                    var (x, y, flag) = (p[0], p[1], p[2] != 0);
                    bool a = x > 0, b = y > 0;
                    if ((a || b) && flag)
                    {
                        return [y, x];
                    }

                    return !(a && b) && !(flag || x > 2) ? [1, -1] : [1, 1];
                }
            },
            {
                nameof(BranchEdges.BoolValuedConditional),
                D(U(-3, 3), U(-3, 3), Flag).AwayFrom(0, 0.0).AwayFrom(1, 0.0)
                    .Branch("flag, x > 0", p => p[2] != 0 && p[0] > 0).Branch("flag, x <= 0", p => p[2] != 0 && p[0] <= 0)
                    .Branch("!flag, y > 0", p => p[2] == 0 && p[1] > 0).Branch("!flag, y <= 0", p => p[2] == 0 && p[1] <= 0),
                p => (p[2] != 0 ? p[0] > 0 : p[1] > 0) ? [p[1], p[0]] : [1, -1]
            },
            {
                nameof(BranchEdges.ConditionalFactors),
                D(U(-3, 3), U(-3, 3)).AwayFrom(0, 0.0).AwayFrom(1, 0.0).AwayFrom(p => p[0], p => p[1])
                    .Branch("x > 0, y > 0", p => p[0] > 0 && p[1] > 0).Branch("x > 0, y <= 0", p => p[0] > 0 && p[1] <= 0)
                    .Branch("x <= 0, y > 0", p => p[0] <= 0 && p[1] > 0).Branch("x <= 0, y <= 0", p => p[0] <= 0 && p[1] <= 0)
                    .Branch("x > y", p => p[0] > p[1]).Branch("x <= y", p => p[0] <= p[1]),
                p =>
                {
                    var (x, y) = (p[0], p[1]);
                    double u = x > 0 ? x : y, v = y > 0 ? y : x;
                    double dudx = x > 0 ? 1 : 0, dvdx = y > 0 ? 0 : 1;
                    double c = x > y ? 1.0 : 2.0;
                    return [dudx * v + u * dvdx + c, (1 - dudx) * v + u * (1 - dvdx)];
                }
            },
            {
                nameof(BranchEdges.ConditionalsOnBothSides),
                D(U(-3, 3), U(-3, 3)).AwayFrom(0, 0.0, -1.0).AwayFrom(1, 0.0)
                    .Branch("x > 0, y > 0", p => p[0] > 0 && p[1] > 0).Branch("x > 0, y <= 0", p => p[0] > 0 && p[1] <= 0)
                    .Branch("x < -1", p => p[0] < -1).Branch("-1 <= x <= 0", p => p[0] >= -1 && p[0] <= 0),
                p =>
                {
                    var (x, y) = (p[0], p[1]);
                    if (x > 0)
                    {
                        return y > 0 ? [2, 0] : [0, 2];
                    }

                    return x < -1 ? [0, -1] : [-1, 0];
                }
            },
            {
                nameof(BranchEdges.GuardedDivisionInCondition),
                D(U(-3, 3), Int(0, 3)).AwayFrom(p => p[1] != 0 ? p[0] * (12 / (int)p[1]) : 0, _ => 1)
                    .Branch("n == 0", p => p[1] == 0)
                    .Branch("n != 0, x·(12 / n) > 1", p => p[1] != 0 && p[0] * (12 / (int)p[1]) > 1)
                    .Branch("n != 0, x·(12 / n) <= 1", p => p[1] != 0 && p[0] * (12 / (int)p[1]) <= 1),
                p => [p[1] != 0 && p[0] * (12 / (int)p[1]) > 1 ? 2 * p[0] : 1]
            },
            {
                nameof(BranchEdges.GuardedRemainderInConditional),
                D(U(-3, 3), Int(0, 3)).AwayFrom(p => p[1] != 0 ? p[0] * (7 % (int)p[1]) : 0, _ => 1)
                    .Branch("n == 0", p => p[1] == 0)
                    .Branch("n != 0, x·(7 % n) > 1", p => p[1] != 0 && p[0] * (7 % (int)p[1]) > 1)
                    .Branch("n != 0, x·(7 % n) <= 1", p => p[1] != 0 && p[0] * (7 % (int)p[1]) <= 1),
                p => [p[1] == 0 || p[0] * (7 % (int)p[1]) > 1 ? 2 * p[0] : -1]
            },
        };
    }
}
