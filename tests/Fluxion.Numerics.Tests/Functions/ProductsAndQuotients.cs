using System;
using System.Collections.Generic;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>Product rule (f·g)' = f'g + fg' and quotient rule (f/g)' = (f'g − fg')/g².</summary>
    public static partial class ProductsAndQuotients
    {
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double TripleProduct(double x, double y, double z) => x * y * z;

        /// <summary>The example of the generator's own documentation.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double DampedSine(double x, double y) => x * Math.Sin(y) / (1.0 + x * x);

        /// <summary>A Möbius transformation (a·x + b)/(c·x + d) in all five variables.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Mobius(double a, double b, double c, double d, double x) => (a * x + b) / (c * x + d);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ChainedQuotient(double x, double y, double z) => x / y / z;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double QuotientOfQuotients(double x, double y) => x / y / (y / x);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ExpSinProduct(double x) => x * Math.Exp(x) * Math.Sin(x);

        /// <summary>Two resistors in parallel: 1 / (1/x + 1/y).</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Parallel(double x, double y) => 1 / (1 / x + 1 / y);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Dot3(double a1, double a2, double a3, double b1, double b2, double b3) => a1 * b1 + a2 * b2 + a3 * b3;

        /// <summary>3×3 determinant by the rule of Sarrus: its gradient is the cofactor matrix.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Determinant3(double a, double b, double c, double d, double e, double f, double g, double h, double i) =>
            a * e * i + b * f * g + c * d * h - c * e * g - b * d * i - a * f * h;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double TanAsQuotient(double x) => Math.Sin(x) / Math.Cos(x);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double RatioOfSums(double x, double y) => (x + 2 * y) / (x * x + y * y + 1);
    }

    public static class ProductAndQuotientCases
    {
        public static IEnumerable<GradientCase> All() => new CaseList(typeof(ProductsAndQuotients))
        {
            { nameof(ProductsAndQuotients.TripleProduct), D(U(-5, 5), U(-5, 5), U(-5, 5)), p => [p[1] * p[2], p[0] * p[2], p[0] * p[1]] },
            {
                nameof(ProductsAndQuotients.DampedSine),
                D(U(-5, 5), U(-5, 5)),
                p =>
                {
                    var (x, y) = (p[0], p[1]);
                    double q = 1 + x * x;
                    return [Math.Sin(y) * (1 - x * x) / (q * q), x * Math.Cos(y) / q];
                }
            },
            {
                nameof(ProductsAndQuotients.Mobius),
                D(U(-3, 3), U(-3, 3), U(-3, 3), U(-3, 3), U(-3, 3)).Where(p => Math.Abs(p[2] * p[4] + p[3]) > 0.3),
                p =>
                {
                    var (a, b, c, d, x) = (p[0], p[1], p[2], p[3], p[4]);
                    double den = c * x + d;
                    double num = a * x + b;
                    return [x / den, 1 / den, -x * num / (den * den), -num / (den * den), (a * d - b * c) / (den * den)];
                }
            },
            {
                nameof(ProductsAndQuotients.ChainedQuotient),
                D(U(-5, 5), Signed(0.2, 5), Signed(0.2, 5)),
                p => [1 / (p[1] * p[2]), -p[0] / (p[1] * p[1] * p[2]), -p[0] / (p[1] * p[2] * p[2])]
            },
            {
                nameof(ProductsAndQuotients.QuotientOfQuotients),
                D(Signed(0.2, 5), Signed(0.2, 5)),
                p => [2 * p[0] / (p[1] * p[1]), -2 * p[0] * p[0] / (p[1] * p[1] * p[1])]
            },
            {
                nameof(ProductsAndQuotients.ExpSinProduct),
                D(U(-5, 3)),
                p => [Math.Exp(p[0]) * (Math.Sin(p[0]) + p[0] * Math.Sin(p[0]) + p[0] * Math.Cos(p[0]))]
            },
            {
                nameof(ProductsAndQuotients.Parallel),
                D(LogU(0.1, 100), LogU(0.1, 100)),
                p =>
                {
                    double r = p[0] * p[1] / (p[0] + p[1]);
                    return [r * r / (p[0] * p[0]), r * r / (p[1] * p[1])];
                }
            },
            {
                nameof(ProductsAndQuotients.Dot3),
                D(U(-5, 5), U(-5, 5), U(-5, 5), U(-5, 5), U(-5, 5), U(-5, 5)),
                p => [p[3], p[4], p[5], p[0], p[1], p[2]]
            },
            {
                nameof(ProductsAndQuotients.Determinant3),
                D(U(-3, 3), U(-3, 3), U(-3, 3), U(-3, 3), U(-3, 3), U(-3, 3), U(-3, 3), U(-3, 3), U(-3, 3)),
                p =>
                {
                    var (a, b, c, d, e, f, g, h, i) = (p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8]);
                    return
                    [
                        e * i - f * h, f * g - d * i, d * h - e * g,
                        c * h - b * i, a * i - c * g, b * g - a * h,
                        b * f - c * e, c * d - a * f, a * e - b * d,
                    ];
                }
            },
            { nameof(ProductsAndQuotients.TanAsQuotient), D(U(-1.4, 1.4)), p => [1 / (Math.Cos(p[0]) * Math.Cos(p[0]))] },
            {
                nameof(ProductsAndQuotients.RatioOfSums),
                D(U(-5, 5), U(-5, 5)),
                p =>
                {
                    var (x, y) = (p[0], p[1]);
                    double den = x * x + y * y + 1;
                    double num = x + 2 * y;
                    return [(den - 2 * x * num) / (den * den), (2 * den - 2 * y * num) / (den * den)];
                }
            },
        };
    }
}
