using System;
using System.Collections.Generic;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>Every supported System.Math function on its own, each sampled inside its domain.</summary>
    public static partial class Elementary
    {
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)] public static double Sin(double x) => Math.Sin(x);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)] public static double Cos(double x) => Math.Cos(x);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)] public static double Tan(double x) => Math.Tan(x);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)] public static double Asin(double x) => Math.Asin(x);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)] public static double Acos(double x) => Math.Acos(x);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)] public static double Atan(double x) => Math.Atan(x);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)] public static double Atan2(double y, double x) => Math.Atan2(y, x);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)] public static double Sinh(double x) => Math.Sinh(x);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)] public static double Cosh(double x) => Math.Cosh(x);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)] public static double Tanh(double x) => Math.Tanh(x);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)] public static double Asinh(double x) => Math.Asinh(x);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)] public static double Acosh(double x) => Math.Acosh(x);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)] public static double Atanh(double x) => Math.Atanh(x);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)] public static double Exp(double x) => Math.Exp(x);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)] public static double Log(double x) => Math.Log(x);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)] public static double LogBase(double x, double b) => Math.Log(x, b);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)] public static double Log10(double x) => Math.Log10(x);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)] public static double Log2(double x) => Math.Log2(x);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)] public static double Sqrt(double x) => Math.Sqrt(x);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)] public static double Cbrt(double x) => Math.Cbrt(x);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)] public static double Pow(double x, double y) => Math.Pow(x, y);

        /// <summary>An integer exponent also works for a negative base.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)] public static double PowIntegerExponent(double x) => Math.Pow(x, 3);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)] public static double Abs(double x) => Math.Abs(x);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)] public static double Max(double x, double y) => Math.Max(x, y);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)] public static double Min(double x, double y) => Math.Min(x, y);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)] public static double Clamp(double v, double lo, double hi) => Math.Clamp(v, lo, hi);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)] public static double FusedMultiplyAdd(double a, double b, double c) => Math.FusedMultiplyAdd(a, b, c);

        // Floor, Ceiling, Round, Truncate and Sign are piecewise constant (derivative 0 between
        // their jumps); multiplied by x they give a function whose derivative is the step itself.
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)] public static double Floor(double x) => x * Math.Floor(x);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)] public static double Ceiling(double x) => x * Math.Ceiling(x);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)] public static double Round(double x) => x * Math.Round(x);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)] public static double Truncate(double x) => x * Math.Truncate(x);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)] public static double Sign(double x) => x * Math.Sign(x);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)] public static double PiAndE(double x, double y) => Math.PI * x * x + Math.E * y;
    }

    public static class ElementaryCases
    {
        public static IEnumerable<GradientCase> All() => new CaseList(typeof(Elementary))
        {
            { nameof(Elementary.Sin), D(U(-10, 10)), p => [Math.Cos(p[0])] },
            { nameof(Elementary.Cos), D(U(-10, 10)), p => [-Math.Sin(p[0])] },
            { nameof(Elementary.Tan), D(U(-1.4, 1.4)), p => [1 / (Math.Cos(p[0]) * Math.Cos(p[0]))] },
            { nameof(Elementary.Asin), D(U(-0.95, 0.95)), p => [1 / Math.Sqrt(1 - p[0] * p[0])] },
            { nameof(Elementary.Acos), D(U(-0.95, 0.95)), p => [-1 / Math.Sqrt(1 - p[0] * p[0])] },
            { nameof(Elementary.Atan), D(U(-10, 10)), p => [1 / (1 + p[0] * p[0])] },
            {
                // Away from the origin and from the branch cut along the negative x axis.
                nameof(Elementary.Atan2),
                D(U(-5, 5), U(-5, 5)).Where(p => Math.Sqrt(p[0] * p[0] + p[1] * p[1]) > 0.2 && !(p[1] < 0 && Math.Abs(p[0]) < 0.05)),
                p => [p[1] / (p[0] * p[0] + p[1] * p[1]), -p[0] / (p[0] * p[0] + p[1] * p[1])]
            },
            { nameof(Elementary.Sinh), D(U(-5, 5)), p => [Math.Cosh(p[0])] },
            { nameof(Elementary.Cosh), D(U(-5, 5)), p => [Math.Sinh(p[0])] },
            { nameof(Elementary.Tanh), D(U(-5, 5)), p => [1 / (Math.Cosh(p[0]) * Math.Cosh(p[0]))] },
            { nameof(Elementary.Asinh), D(U(-10, 10)), p => [1 / Math.Sqrt(p[0] * p[0] + 1)] },
            { nameof(Elementary.Acosh), D(U(1.05, 10)), p => [1 / Math.Sqrt(p[0] * p[0] - 1)] },
            { nameof(Elementary.Atanh), D(U(-0.95, 0.95)), p => [1 / (1 - p[0] * p[0])] },
            { nameof(Elementary.Exp), D(U(-10, 10)), p => [Math.Exp(p[0])] },
            { nameof(Elementary.Log), D(LogU(0.05, 100)), p => [1 / p[0]] },
            {
                // Bases on both sides of 1, kept away from 1 where ln b vanishes.
                nameof(Elementary.LogBase),
                D(LogU(0.05, 100), LogU(0.1, 10)).Where(p => Math.Abs(Math.Log(p[1])) > 0.2),
                p => [1 / (p[0] * Math.Log(p[1])), -Math.Log(p[0]) / (p[1] * Math.Log(p[1]) * Math.Log(p[1]))]
            },
            { nameof(Elementary.Log10), D(LogU(0.05, 100)), p => [1 / (p[0] * Math.Log(10))] },
            { nameof(Elementary.Log2), D(LogU(0.05, 100)), p => [1 / (p[0] * Math.Log(2))] },
            { nameof(Elementary.Sqrt), D(LogU(0.01, 100)), p => [0.5 / Math.Sqrt(p[0])] },
            { nameof(Elementary.Cbrt), D(Signed(0.05, 50)), p => [1 / (3 * Math.Cbrt(p[0]) * Math.Cbrt(p[0]))] },
            {
                nameof(Elementary.Pow),
                D(LogU(0.1, 5), U(-3, 3)),
                p => [p[1] * Math.Pow(p[0], p[1] - 1), Math.Pow(p[0], p[1]) * Math.Log(p[0])]
            },
            { nameof(Elementary.PowIntegerExponent), D(U(-3, 3)), p => [3 * p[0] * p[0]] },
            { nameof(Elementary.Abs), D(Signed(0.01, 10)), p => [Math.Sign(p[0])] },
            {
                nameof(Elementary.Max),
                D(U(-5, 5), U(-5, 5)).Where(p => Math.Abs(p[0] - p[1]) > 0.01),
                p => [p[0] > p[1] ? 1 : 0, p[0] > p[1] ? 0 : 1]
            },
            {
                nameof(Elementary.Min),
                D(U(-5, 5), U(-5, 5)).Where(p => Math.Abs(p[0] - p[1]) > 0.01),
                p => [p[0] < p[1] ? 1 : 0, p[0] < p[1] ? 0 : 1]
            },
            {
                // v falls below, inside and above [lo, hi], never within 0.01 of a bound.
                nameof(Elementary.Clamp),
                D(U(-3, 3), U(-2, -0.5), U(0.5, 2)).Where(p => Math.Abs(p[0] - p[1]) > 0.01 && Math.Abs(p[0] - p[2]) > 0.01),
                p => [p[0] > p[1] && p[0] < p[2] ? 1 : 0, p[0] < p[1] ? 1 : 0, p[0] > p[2] ? 1 : 0]
            },
            { nameof(Elementary.FusedMultiplyAdd), D(U(-10, 10), U(-10, 10), U(-10, 10)), p => [p[1], p[0], 1] },
            { nameof(Elementary.Floor), D(U(-10, 10)).Where(p => FromInteger(p[0]) > 0.01), p => [Math.Floor(p[0])] },
            { nameof(Elementary.Ceiling), D(U(-10, 10)).Where(p => FromInteger(p[0]) > 0.01), p => [Math.Ceiling(p[0])] },
            { nameof(Elementary.Round), D(U(-10, 10)).Where(p => FromHalfInteger(p[0]) > 0.01), p => [Math.Round(p[0])] },
            { nameof(Elementary.Truncate), D(U(-10, 10)).Where(p => FromInteger(p[0]) > 0.01), p => [Math.Truncate(p[0])] },
            { nameof(Elementary.Sign), D(Signed(0.01, 10)), p => [Math.Sign(p[0])] },
            { nameof(Elementary.PiAndE), D(U(-10, 10), U(-10, 10)), p => [2 * Math.PI * p[0], Math.E] },
        };
    }
}
