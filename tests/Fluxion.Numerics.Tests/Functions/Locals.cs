using System;
using System.Collections.Generic;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>Block bodies: locals of type double, var and int, reassignment of locals and parameters.</summary>
    public static partial class Locals
    {
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LocalChain(double x, double y)
        {
            double a = x * y;
            double b = a + x;
            double c = b * b;
            return c - a;
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double VarLocals(double x, double y)
        {
            var u = Math.Sin(x);
            var v = u * u;
            return v * y;
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double IntLocal(double x)
        {
            int n = 3;
            double s = x * n;
            return s * s;
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ReassignedLocal(double x, double y)
        {
            double a = x;
            a = a * a;
            a = a + y;
            a = Math.Sin(a);
            return a;
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ReassignedParameters(double x, double y)
        {
            x = x * 2;
            y = y + x;
            return x * y;
        }

        /// <summary>The old value of t is used after t is reassigned: u keeps x², the result is x²(x + 1).</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ValueBeforeReassignment(double x)
        {
            double t = x;
            double u = t * t;
            t = t + 1;
            return u * t;
        }

        /// <summary>Parameters swapped through a temporary: returns y²·x.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SwapThroughTemporary(double x, double y)
        {
            double t = x;
            x = y;
            y = t;
            return x * x * y;
        }

        /// <summary>A local that depends on y but does not reach the result: ∂/∂y = 0.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double UnusedLocal(double x, double y)
        {
            double unused = Math.Exp(y);
            return x * x;
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ConstantLocal(double x)
        {
            double c = 2.5;
            return c * x;
        }

        /// <summary>One intermediate feeds four later uses; its adjoint must collect all four.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SharedIntermediate(double x, double y)
        {
            double s = Math.Sin(x * y);
            double a = s * x;
            double b = s * y;
            double c = s * s;
            return a + b + c + s;
        }

        /// <summary>A long chain of reassignments of one local.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ReassignmentChain(double x)
        {
            double v = x;
            v = v + 1;
            v = v * v;
            v = Math.Log(v);
            v = v - x;
            v = v / 2;
            return v;
        }

        /// <summary>Parameter names the generated code might use for its own temporaries.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double NamesLikeTemporaries(double result, double sum, double exp, double x_adj)
        {
            double product_adj = result * sum;
            double sin = Math.Sin(exp);
            double adj = product_adj + sin * x_adj;
            return adj * result;
        }
    }

    public static class LocalCases
    {
        public static IEnumerable<GradientCase> All() => new CaseList(typeof(Locals))
        {
            {
                nameof(Locals.LocalChain),
                D(U(-3, 3), U(-3, 3)),
                p =>
                {
                    var (x, y) = (p[0], p[1]);
                    double b = x * y + x;
                    return [2 * b * (y + 1) - y, 2 * b * x - x];
                }
            },
            {
                nameof(Locals.VarLocals),
                D(U(-5, 5), U(-5, 5)),
                p => [2 * Math.Sin(p[0]) * Math.Cos(p[0]) * p[1], Math.Sin(p[0]) * Math.Sin(p[0])]
            },
            { nameof(Locals.IntLocal), D(U(-5, 5)), p => [18 * p[0]] },
            {
                nameof(Locals.ReassignedLocal),
                D(U(-3, 3), U(-3, 3)),
                p =>
                {
                    double c = Math.Cos(p[0] * p[0] + p[1]);
                    return [2 * p[0] * c, c];
                }
            },
            { nameof(Locals.ReassignedParameters), D(U(-5, 5), U(-5, 5)), p => [2 * p[1] + 8 * p[0], 2 * p[0]] },
            { nameof(Locals.ValueBeforeReassignment), D(U(-5, 5)), p => [3 * p[0] * p[0] + 2 * p[0]] },
            { nameof(Locals.SwapThroughTemporary), D(U(-5, 5), U(-5, 5)), p => [p[1] * p[1], 2 * p[0] * p[1]] },
            { nameof(Locals.UnusedLocal), D(U(-5, 5), U(-5, 5)), p => [2 * p[0], 0] },
            { nameof(Locals.ConstantLocal), D(U(-5, 5)), p => [2.5] },
            {
                nameof(Locals.SharedIntermediate),
                D(U(-3, 3), U(-3, 3)),
                p =>
                {
                    var (x, y) = (p[0], p[1]);
                    double s = Math.Sin(x * y);
                    double ds = Math.Cos(x * y);
                    double outer = x + y + 2 * s + 1; // ∂(sx + sy + s² + s)/∂s
                    return [outer * ds * y + s, outer * ds * x + s];
                }
            },
            {
                nameof(Locals.ReassignmentChain),
                D(U(-5, 5)).Where(p => Math.Abs(p[0] + 1) > 0.1),
                p => [(2 / (p[0] + 1) - 1) / 2]
            },
            {
                nameof(Locals.NamesLikeTemporaries),
                D(U(-3, 3), U(-3, 3), U(-3, 3), U(-3, 3)),
                p =>
                {
                    var (result, sum, exp, xAdj) = (p[0], p[1], p[2], p[3]);
                    double adj = result * sum + Math.Sin(exp) * xAdj;
                    return [adj + result * sum, result * result, result * Math.Cos(exp) * xAdj, result * Math.Sin(exp)];
                }
            },
        };
    }
}
