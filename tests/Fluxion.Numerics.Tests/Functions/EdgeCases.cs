using System;
using System.Collections.Generic;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>
    /// Corners of the supported language: the same variable in several argument positions,
    /// integer arithmetic folded by the compiler, dead code, overwritten parameters, names that
    /// need escaping, named and omitted arguments, overloads, and locals or fields whose names the
    /// generated code would like to use.
    /// </summary>
    public static partial class EdgeCases
    {
        public static readonly double result = 2.0;
        public static readonly double sin = 3.0;
        public static readonly double product = 5.0;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SameVariableFma(double x) => Math.FusedMultiplyAdd(x, x, x);

        /// <summary>Math.Max and Math.Abs on ints: ordinary calls on constants.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double IntOverloadsOfMath(double x, int n) => x * Math.Max(n, 2) + Math.Abs(n);

        /// <summary>A differentiated value cast to int goes to an int parameter: its derivative is 0.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double CastIntoIntParameter(double x, double y) => Conversions.ScaleByInt(x, (int)y);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ConstLocal(double x)
        {
            const double k = 2;
            return k * x;
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double MultipleDeclarators(double x, double y)
        {
            double a = x, b = y * 2;
            return a * b;
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double DeclarationThenAssignment(double x)
        {
            double a;
            a = x * 2;
            return a * a;
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ReturnsInt(double x, int n)
        {
            return n;
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ReturnsTruncated(double x) => (int)x;

        /// <summary>1 / 2 is 0 and 7 / 2 is 3 in integer arithmetic.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double IntegerDivisionLiterals(double x) => 1 / 2 * x + 7 / 2 * x;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double CastToDouble(double x, double y) => (double)(x * y);

        /// <summary>An escaped keyword and a non-ASCII name: the outputs are din and dθ.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double EscapedAndUnicodeNames(double @in, double θ) => @in * Math.Sin(θ);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ConstantBase(double y) => Math.Pow(2, y) + Math.Log(5.0, y);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double NegateAndReassign(double x)
        {
            x = -x;
            x = +x;
            x *= x;
            return x;
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ParameterDecrement(double x)
        {
            x--;
            --x;
            return x * x;
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double CompoundWithIntAndLong(double x, int n, long k)
        {
            double s = x;
            s *= n;
            s /= k;
            s += n;
            s -= k;
            return s;
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LongLiteralProduct(double x) => x * 3000000000L;

        /// <summary>The int product wraps around; the generated code must wrap the same way.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double IntOverflow(double x, int n)
        {
            int big = n * 1000000;
            return x * big;
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double RoundToDigits(double x) => x * Math.Round(x, 1);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double MaxOfConstants(double x) => Math.Max(2.0, 2.0) * x;

        /// <summary>Equal arguments that are different expressions: the tie goes to the first.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double MaxOfEqualExpressions(double x, double y) => Math.Max(x * y, x * y);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ClampAroundItself(double x) => Math.Clamp(x, x - 1, x + 1);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double DeadCode(double x, int n)
        {
            double c = 2.0;
            double unused = c * x;
            double u = x * n;
            return x;
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double OverwrittenParameter(double x, double y)
        {
            x = 3.0;
            return x * y;
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ParameterOverwrittenByAnother(double x, double y)
        {
            x = y;
            return x * x;
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double IntLocalOnly(double x, int n)
        {
            int m = n * 2;
            return x * m;
        }

        /// <summary>Ordinary methods called without arguments, or on constants only.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double OrdinaryMethodsOnConstants(double x) => x * Helpers.Two() + Helpers.Cube(Math.PI);

        /// <summary>A local that held a differentiated value is overwritten by another parameter.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LocalOverwrittenByAnotherParameter(double x, double y)
        {
            double t = x * y;
            t = y;
            return t * Helpers.Cube(3.0);
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Overload(double x) => x * x;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Overload(double x, double y) => x * y;

        /// <summary>Fields named like the generated temporaries.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double FieldsNamedLikeTemporaries(double x, double y) => Math.Sin(x) * sin * result + x * y * product;

        /// <summary>A local that shadows a field, and a local named like the output dx.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ShadowingLocals(double x)
        {
            double result = x * 2;
            double dx = result * EdgeCases.result;
            return dx * x;
        }

        /// <summary>Named arguments in any order, to a differentiable method and to Math functions.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double NamedArguments(double x) => Kernels.Poly(y: x, x: 2.0) + Math.Pow(y: 2.0, x: x) + Math.Atan2(x: 1.5, y: x);

        /// <summary>A callee's optional parameter, omitted and given.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double OptionalArguments(double x) => WithDefault(x) + WithDefault(x, 3.0);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double WithDefault(double x, double scale = 2.0) => scale * x * x;
    }

    public static class EdgeCaseCases
    {
        public static IEnumerable<GradientCase> All() => new CaseList(typeof(EdgeCases))
        {
            { nameof(EdgeCases.SameVariableFma), D(U(-5, 5)), p => [2 * p[0] + 1] },
            { nameof(EdgeCases.IntOverloadsOfMath), D(U(-5, 5), Int(-5, 5)), p => [Math.Max((int)p[1], 2)] },
            { nameof(EdgeCases.CastIntoIntParameter), D(U(-5, 5), U(-5, 5)).Where(p => FromInteger(p[1]) > 0.01), p => [(int)p[1], 0] },
            { nameof(EdgeCases.ConstLocal), D(U(-5, 5)), p => [2] },
            { nameof(EdgeCases.MultipleDeclarators), D(U(-5, 5), U(-5, 5)), p => [2 * p[1], 2 * p[0]] },
            { nameof(EdgeCases.DeclarationThenAssignment), D(U(-5, 5)), p => [8 * p[0]] },
            { nameof(EdgeCases.ReturnsInt), D(U(-5, 5), Int(-5, 5)), p => [0] },
            { nameof(EdgeCases.ReturnsTruncated), D(U(-5, 5)).Where(p => FromInteger(p[0]) > 0.01), p => [0] },
            { nameof(EdgeCases.IntegerDivisionLiterals), D(U(-5, 5)), p => [3] },
            { nameof(EdgeCases.CastToDouble), D(U(-5, 5), U(-5, 5)), p => [p[1], p[0]] },
            { nameof(EdgeCases.EscapedAndUnicodeNames), D(U(-5, 5), U(-5, 5)), p => [Math.Sin(p[1]), p[0] * Math.Cos(p[1])] },
            {
                nameof(EdgeCases.ConstantBase),
                D(LogU(0.1, 10)).Where(p => Math.Abs(Math.Log(p[0])) > 0.2),
                p => [Math.Pow(2, p[0]) * Math.Log(2) - Math.Log(5) / (p[0] * Math.Log(p[0]) * Math.Log(p[0]))]
            },
            { nameof(EdgeCases.NegateAndReassign), D(U(-5, 5)), p => [2 * p[0]] },
            { nameof(EdgeCases.ParameterDecrement), D(U(-5, 5)), p => [2 * (p[0] - 2)] },
            {
                nameof(EdgeCases.CompoundWithIntAndLong),
                D(U(-5, 5), Int(-5, 5), Int(-5, 5)).Where(p => p[2] != 0),
                p => [p[1] / p[2]]
            },
            { nameof(EdgeCases.LongLiteralProduct), D(U(-5, 5)), p => [3e9] },
            { nameof(EdgeCases.IntOverflow), D(U(-5, 5), Int(-5000, 5000)), p => [unchecked((int)p[1] * 1000000)] },
            { nameof(EdgeCases.RoundToDigits), D(U(-5, 5)).Where(p => FromHalfInteger(p[0] * 10) > 0.01), p => [Math.Round(p[0], 1)] },
            { nameof(EdgeCases.MaxOfConstants), D(U(-5, 5)), p => [2] },
            { nameof(EdgeCases.MaxOfEqualExpressions), D(U(-5, 5), U(-5, 5)), p => [p[1], p[0]] },
            { nameof(EdgeCases.ClampAroundItself), D(U(-5, 5)), p => [1] },
            { nameof(EdgeCases.DeadCode), D(U(-5, 5), Int(-5, 5)), p => [1] },
            { nameof(EdgeCases.OverwrittenParameter), D(U(-5, 5), U(-5, 5)), p => [0, 3] },
            { nameof(EdgeCases.ParameterOverwrittenByAnother), D(U(-5, 5), U(-5, 5)), p => [0, 2 * p[1]] },
            { nameof(EdgeCases.IntLocalOnly), D(U(-5, 5), Int(-5, 5)), p => [2 * p[1]] },
            { nameof(EdgeCases.OrdinaryMethodsOnConstants), D(U(-5, 5)), p => [2] },
            { nameof(EdgeCases.LocalOverwrittenByAnotherParameter), D(U(-5, 5), U(-5, 5)), p => [0, 27] },
            { nameof(EdgeCases.Overload), [typeof(double)], D(U(-5, 5)), p => [2 * p[0]] },
            { nameof(EdgeCases.Overload), [typeof(double), typeof(double)], D(U(-5, 5), U(-5, 5)), p => [p[1], p[0]] },
            {
                nameof(EdgeCases.FieldsNamedLikeTemporaries),
                D(U(-5, 5), U(-5, 5)),
                p => [Math.Cos(p[0]) * 3.0 * 2.0 + p[1] * 5.0, p[0] * 5.0]
            },
            { nameof(EdgeCases.ShadowingLocals), D(U(-5, 5)), p => [8 * p[0]] },
            { nameof(EdgeCases.NamedArguments), D(U(-5, 5)), p => [3 * p[0] * p[0] + 2 * p[0] + 1.5 / (p[0] * p[0] + 2.25)] },
            { nameof(EdgeCases.OptionalArguments), D(U(-5, 5)), p => [10 * p[0]] },
            { nameof(EdgeCases.WithDefault), D(U(-5, 5), U(-5, 5)), p => [2 * p[1] * p[0], p[0] * p[0]] },
        };
    }
}
