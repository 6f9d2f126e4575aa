using System;
using System.Collections.Generic;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>Polynomials in one and several variables, and the classic optimisation test functions.</summary>
    public static partial class Polynomials
    {
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Cubic(double x) => 2 * x * x * x - 3 * x * x + x - 5;

        /// <summary>Horner's scheme with the coefficients as variables: ∂/∂a_k = x^k.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double HornerQuintic(double x, double a0, double a1, double a2, double a3, double a4, double a5) =>
            a0 + x * (a1 + x * (a2 + x * (a3 + x * (a4 + x * a5))));

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Rosenbrock(double x, double y) => (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Himmelblau(double x, double y) => Math.Pow(x * x + y - 11, 2) + Math.Pow(x + y * y - 7, 2);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Beale(double x, double y)
        {
            double a = 1.5 - x + x * y;
            double b = 2.25 - x + x * y * y;
            double c = 2.625 - x + x * y * y * y;
            return a * a + b * b + c * c;
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Booth(double x, double y) => Math.Pow(x + 2 * y - 7, 2) + Math.Pow(2 * x + y - 5, 2);

        /// <summary>The Chebyshev polynomial T₅ by its three-term recurrence; T₅' = 5·U₄.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Chebyshev5(double x)
        {
            double t0 = 1;
            double t1 = x;
            double t2 = 2 * x * t1 - t0;
            double t3 = 2 * x * t2 - t1;
            double t4 = 2 * x * t3 - t2;
            return 2 * x * t4 - t3;
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Legendre4(double x) => (35 * Math.Pow(x, 4) - 30 * x * x + 3) / 8;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double QuadraticForm(double x, double y, double a, double b, double c) => a * x * x + 2 * b * x * y + c * y * y;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double FactoredQuartic(double x) => (x - 1) * (x - 2) * (x - 3) * (x - 4);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Bivariate(double x, double y) => x * x * x * y * y - 4 * x * y + Math.Pow(y, 4);
    }

    public static class PolynomialCases
    {
        public static IEnumerable<GradientCase> All() => new CaseList(typeof(Polynomials))
        {
            { nameof(Polynomials.Cubic), D(U(-5, 5)), p => [6 * p[0] * p[0] - 6 * p[0] + 1] },
            {
                nameof(Polynomials.HornerQuintic),
                D(U(-2, 2), U(-3, 3), U(-3, 3), U(-3, 3), U(-3, 3), U(-3, 3), U(-3, 3)),
                p =>
                {
                    double x = p[0];
                    double dx = p[2] + 2 * p[3] * x + 3 * p[4] * x * x + 4 * p[5] * x * x * x + 5 * p[6] * x * x * x * x;
                    return [dx, 1, x, x * x, x * x * x, x * x * x * x, x * x * x * x * x];
                }
            },
            {
                nameof(Polynomials.Rosenbrock),
                D(U(-2, 2), U(-1, 3)),
                p => [-2 * (1 - p[0]) - 400 * p[0] * (p[1] - p[0] * p[0]), 200 * (p[1] - p[0] * p[0])]
            },
            {
                nameof(Polynomials.Himmelblau),
                D(U(-5, 5), U(-5, 5)),
                p =>
                {
                    double u = p[0] * p[0] + p[1] - 11, v = p[0] + p[1] * p[1] - 7;
                    return [4 * p[0] * u + 2 * v, 2 * u + 4 * p[1] * v];
                }
            },
            {
                nameof(Polynomials.Beale),
                D(U(-4.5, 4.5), U(-4.5, 4.5)),
                p =>
                {
                    double x = p[0], y = p[1];
                    double a = 1.5 - x + x * y, b = 2.25 - x + x * y * y, c = 2.625 - x + x * y * y * y;
                    return
                    [
                        2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y * y * y - 1),
                        2 * a * x + 2 * b * 2 * x * y + 2 * c * 3 * x * y * y,
                    ];
                }
            },
            {
                nameof(Polynomials.Booth),
                D(U(-10, 10), U(-10, 10)),
                p =>
                {
                    double u = p[0] + 2 * p[1] - 7, v = 2 * p[0] + p[1] - 5;
                    return [2 * u + 4 * v, 4 * u + 2 * v];
                }
            },
            {
                nameof(Polynomials.Chebyshev5),
                D(U(-1.2, 1.2)),
                p =>
                {
                    // T₅' = 5·U₄, U₄(x) = 16x⁴ − 12x² + 1.
                    double x = p[0];
                    return [5 * (16 * x * x * x * x - 12 * x * x + 1)];
                }
            },
            { nameof(Polynomials.Legendre4), D(U(-1.5, 1.5)), p => [(140 * p[0] * p[0] * p[0] - 60 * p[0]) / 8] },
            {
                nameof(Polynomials.QuadraticForm),
                D(U(-3, 3), U(-3, 3), U(-3, 3), U(-3, 3), U(-3, 3)),
                p =>
                {
                    var (x, y, a, b, c) = (p[0], p[1], p[2], p[3], p[4]);
                    return [2 * a * x + 2 * b * y, 2 * b * x + 2 * c * y, x * x, 2 * x * y, y * y];
                }
            },
            {
                nameof(Polynomials.FactoredQuartic),
                D(U(0, 5)),
                p =>
                {
                    double x = p[0];
                    return [(x - 2) * (x - 3) * (x - 4) + (x - 1) * (x - 3) * (x - 4) + (x - 1) * (x - 2) * (x - 4) + (x - 1) * (x - 2) * (x - 3)];
                }
            },
            {
                nameof(Polynomials.Bivariate),
                D(U(-3, 3), U(-3, 3)),
                p => [3 * p[0] * p[0] * p[1] * p[1] - 4 * p[1], 2 * p[0] * p[0] * p[0] * p[1] - 4 * p[0] + 4 * p[1] * p[1] * p[1]]
            },
        };
    }
}
