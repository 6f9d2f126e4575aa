using System;
using System.Collections.Generic;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>The chain rule: (f(g(x)))' = f'(g(x))·g'(x), one or two levels deep.</summary>
    public static partial class Compositions
    {
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SinOfExp(double x) => Math.Sin(Math.Exp(x));

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LogOnePlusSquare(double x) => Math.Log(1 + x * x);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Hypot(double x, double y) => Math.Sqrt(x * x + y * y);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double NormalDensity(double x) => Math.Exp(-x * x / 2) / Math.Sqrt(2 * Math.PI);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double TanhOfSinTimes(double x, double y) => Math.Tanh(Math.Sin(x) * y);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double AtanOfRatio(double x, double y) => Math.Atan(y / x);

        /// <summary>sin²x + cos²x = 1, written with Pow: the gradient must vanish.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double PythagoreanIdentity(double x) => Math.Pow(Math.Sin(x), 2) + Math.Pow(Math.Cos(x), 2);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Softplus(double x) => Math.Log(1 + Math.Exp(x));

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LogSumExp(double a, double b, double c) => Math.Log(Math.Exp(a) + Math.Exp(b) + Math.Exp(c));

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ExpOfLog(double x) => Math.Exp(Math.Log(x));

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SqrtOfSquare(double x) => Math.Sqrt(x * x);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double CosOfSqrt(double x) => Math.Cos(Math.Sqrt(x));

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double PowOfPow(double x) => Math.Pow(Math.Pow(x, 2), 1.5);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SinCosTan(double x) => Math.Sin(Math.Cos(Math.Tan(x)));

        /// <summary>The Gudermannian function gd(x) = asin(tanh x); gd'(x) = 1 / cosh x.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Gudermannian(double x) => Math.Asin(Math.Tanh(x));

        /// <summary>The inverse Gudermannian atanh(sin x); its derivative is 1 / cos x.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double InverseGudermannian(double x) => Math.Atanh(Math.Sin(x));

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LogCosh(double x) => Math.Log(Math.Cosh(x));

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ExpOfSinPlusCos(double x, double y) => Math.Exp(Math.Sin(x) + Math.Cos(y));

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double AcosOfScaledTanh(double x) => Math.Acos(0.9 * Math.Tanh(x));

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Log2OfHypot(double x, double y) => Math.Log2(Math.Sqrt(x * x + y * y));
    }

    public static class CompositionCases
    {
        public static IEnumerable<GradientCase> All() => new CaseList(typeof(Compositions))
        {
            { nameof(Compositions.SinOfExp), D(U(-3, 2)), p => [Math.Cos(Math.Exp(p[0])) * Math.Exp(p[0])] },
            { nameof(Compositions.LogOnePlusSquare), D(U(-10, 10)), p => [2 * p[0] / (1 + p[0] * p[0])] },
            {
                nameof(Compositions.Hypot),
                D(U(-5, 5), U(-5, 5)).Where(p => Math.Abs(p[0]) + Math.Abs(p[1]) > 0.2),
                p => [p[0] / Math.Sqrt(p[0] * p[0] + p[1] * p[1]), p[1] / Math.Sqrt(p[0] * p[0] + p[1] * p[1])]
            },
            { nameof(Compositions.NormalDensity), D(U(-5, 5)), p => [-p[0] * Math.Exp(-p[0] * p[0] / 2) / Math.Sqrt(2 * Math.PI)] },
            {
                nameof(Compositions.TanhOfSinTimes),
                D(U(-4, 4), U(-3, 3)),
                p =>
                {
                    double t = Math.Tanh(Math.Sin(p[0]) * p[1]);
                    return [(1 - t * t) * Math.Cos(p[0]) * p[1], (1 - t * t) * Math.Sin(p[0])];
                }
            },
            {
                nameof(Compositions.AtanOfRatio),
                D(Signed(0.2, 5), U(-5, 5)),
                p => [-p[1] / (p[0] * p[0] + p[1] * p[1]), p[0] / (p[0] * p[0] + p[1] * p[1])]
            },
            { nameof(Compositions.PythagoreanIdentity), D(U(-10, 10)), p => [0] },
            { nameof(Compositions.Softplus), D(U(-10, 10)), p => [1 / (1 + Math.Exp(-p[0]))] },
            {
                nameof(Compositions.LogSumExp),
                D(U(-5, 5), U(-5, 5), U(-5, 5)),
                p =>
                {
                    double s = Math.Exp(p[0]) + Math.Exp(p[1]) + Math.Exp(p[2]);
                    return [Math.Exp(p[0]) / s, Math.Exp(p[1]) / s, Math.Exp(p[2]) / s];
                }
            },
            { nameof(Compositions.ExpOfLog), D(LogU(0.01, 100)), p => [1] },
            { nameof(Compositions.SqrtOfSquare), D(Signed(0.01, 10)), p => [Math.Sign(p[0])] },
            { nameof(Compositions.CosOfSqrt), D(LogU(0.01, 50)), p => [-Math.Sin(Math.Sqrt(p[0])) / (2 * Math.Sqrt(p[0]))] },
            { nameof(Compositions.PowOfPow), D(LogU(0.1, 5)), p => [3 * p[0] * p[0]] },
            {
                nameof(Compositions.SinCosTan),
                D(U(-1.2, 1.2)),
                p =>
                {
                    double t = Math.Tan(p[0]);
                    return [Math.Cos(Math.Cos(t)) * -Math.Sin(t) / (Math.Cos(p[0]) * Math.Cos(p[0]))];
                }
            },
            { nameof(Compositions.Gudermannian), D(U(-5, 5)), p => [1 / Math.Cosh(p[0])] },
            { nameof(Compositions.InverseGudermannian), D(U(-1.3, 1.3)), p => [1 / Math.Cos(p[0])] },
            { nameof(Compositions.LogCosh), D(U(-10, 10)), p => [Math.Tanh(p[0])] },
            {
                nameof(Compositions.ExpOfSinPlusCos),
                D(U(-5, 5), U(-5, 5)),
                p =>
                {
                    double e = Math.Exp(Math.Sin(p[0]) + Math.Cos(p[1]));
                    return [e * Math.Cos(p[0]), -e * Math.Sin(p[1])];
                }
            },
            {
                nameof(Compositions.AcosOfScaledTanh),
                D(U(-4, 4)),
                p =>
                {
                    double u = 0.9 * Math.Tanh(p[0]);
                    return [-0.9 / (Math.Cosh(p[0]) * Math.Cosh(p[0])) / Math.Sqrt(1 - u * u)];
                }
            },
            {
                nameof(Compositions.Log2OfHypot),
                D(U(-5, 5), U(-5, 5)).Where(p => Math.Abs(p[0]) + Math.Abs(p[1]) > 0.2),
                p =>
                {
                    double r2 = p[0] * p[0] + p[1] * p[1];
                    return [p[0] / (r2 * Math.Log(2)), p[1] / (r2 * Math.Log(2))];
                }
            },
        };
    }
}
