using System;
using System.Collections.Generic;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>Compound assignments (+= −= *= /=) and increments, on locals and parameters, double and int.</summary>
    public static partial class CompoundAssignments
    {
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double PlusEquals(double x, double y)
        {
            double s = x;
            s += y * y;
            s += x;
            return s;
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double MinusEquals(double x, double y)
        {
            double s = x * y;
            s -= x;
            s -= Math.Exp(y);
            return s;
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double TimesEquals(double x, double y)
        {
            double p = x;
            p *= y;
            p *= x;
            p *= 2;
            return p;
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double DivideEquals(double x, double y)
        {
            double q = x * x;
            q /= y;
            q /= 3;
            return q;
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double IncrementDecrement(double x, double y)
        {
            double a = x;
            a++;
            a++;
            ++a;
            a--;
            return a * a * y;
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double CompoundOnParameter(double x, double y)
        {
            x += y;
            x *= x;
            return x;
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double IntCompound(double x)
        {
            int n = 2;
            n += 3;
            n *= 2;
            n++;
            n--;
            --n;
            ++n;
            n++;
            return x * n;
        }

        /// <summary>The local appears on both sides: a = 2x, then 4x², then 4x² − x² = 3x².</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SelfReferencing(double x)
        {
            double a = x;
            a += a;
            a *= a;
            a -= a / 4;
            return a;
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double CompoundWithCalls(double x, double y)
        {
            double s = 0;
            s += Math.Sin(x);
            s += Math.Cos(y);
            s *= Math.Exp(x);
            return s;
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double DivideEqualsByVariable(double x, double y)
        {
            double r = Math.Exp(x);
            r /= 1 + y * y;
            r /= x;
            return r;
        }
    }

    public static class CompoundAssignmentCases
    {
        public static IEnumerable<GradientCase> All() => new CaseList(typeof(CompoundAssignments))
        {
            { nameof(CompoundAssignments.PlusEquals), D(U(-5, 5), U(-5, 5)), p => [2, 2 * p[1]] },
            { nameof(CompoundAssignments.MinusEquals), D(U(-5, 5), U(-3, 3)), p => [p[1] - 1, p[0] - Math.Exp(p[1])] },
            { nameof(CompoundAssignments.TimesEquals), D(U(-5, 5), U(-5, 5)), p => [4 * p[0] * p[1], 2 * p[0] * p[0]] },
            { nameof(CompoundAssignments.DivideEquals), D(U(-5, 5), Signed(0.2, 5)), p => [2 * p[0] / (3 * p[1]), -p[0] * p[0] / (3 * p[1] * p[1])] },
            { nameof(CompoundAssignments.IncrementDecrement), D(U(-5, 5), U(-5, 5)), p => [2 * (p[0] + 2) * p[1], (p[0] + 2) * (p[0] + 2)] },
            { nameof(CompoundAssignments.CompoundOnParameter), D(U(-5, 5), U(-5, 5)), p => [2 * (p[0] + p[1]), 2 * (p[0] + p[1])] },
            { nameof(CompoundAssignments.IntCompound), D(U(-5, 5)), p => [11] },
            { nameof(CompoundAssignments.SelfReferencing), D(U(-5, 5)), p => [6 * p[0]] },
            {
                nameof(CompoundAssignments.CompoundWithCalls),
                D(U(-3, 3), U(-3, 3)),
                p => [Math.Exp(p[0]) * (Math.Cos(p[0]) + Math.Sin(p[0]) + Math.Cos(p[1])), -Math.Sin(p[1]) * Math.Exp(p[0])]
            },
            {
                nameof(CompoundAssignments.DivideEqualsByVariable),
                D(Signed(0.2, 3), U(-3, 3)),
                p =>
                {
                    var (x, y) = (p[0], p[1]);
                    double r = Math.Exp(x) / ((1 + y * y) * x);
                    return [r * (1 - 1 / x), -r * 2 * y / (1 + y * y)];
                }
            },
        };
    }
}
