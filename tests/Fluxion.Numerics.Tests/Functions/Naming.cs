using System;
using System.Collections.Generic;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>
    /// Signatures as people write them: parameters named like derivatives (dx, dt), whose derivative parameters the attribute names
    /// otherwise, and parameters with default values, which F_Grad's overloads keep.
    /// </summary>
    public static partial class Naming
    {
        /// <summary>A step of x' = −x·t with step dt, from a position x with velocity dx: the generated outputs are grad_x, grad_dx, ….</summary>
        [Differentiable(DerivativePrefix = "grad_", Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public static double Advance(double x, double dx, double t, double dt) => x + dx * dt - 0.5 * x * t * dt * dt + Math.Sin(dt) * x;

        /// <summary>The same with a suffix: xBar, dxBar.</summary>
        [Differentiable(DerivativePrefix = "", DerivativeSuffix = "Bar", Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public static double Kinetic(double x, double dx) => 0.5 * dx * dx + x * x * x;
    }

    public static partial class Naming
    {
        /// <summary>y·xⁿ with y and n defaulted: F_Grad(x, out dx, out dy) and F_Grad(x, y, out dx, out dy) exist too.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double Scaled(double x, double y = 1.5, int n = 3) => Math.Pow(x, n) * y;
    }

    public static partial class Naming
    {
        public static double Gravity => 9.80665;

        public static double Drag { get; } = 0.47;

        public static double Scale { get; set; } = 2.0;

        /// <summary>Static properties read like static fields: constants for differentiation.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double Fall(double v, double t) => v * t - 0.5 * Gravity * t * t - Drag * v * v * Scale;

        /// <summary>A params array parameter: F_Grad takes the array and a span for its gradient.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double Weighted(double x, params double[] w)
        {
            double sum = 0;
            foreach (double weight in w)
            {
                sum = sum * x + weight;
            }

            return sum;
        }
    }

    public static class NamingArrayCases
    {
        public static IEnumerable<ArrayCase> All() => new ArrayCaseList(typeof(Naming))
        {
            {
                nameof(Naming.Weighted),
                rng => [rng.Uniform(-2, 2), rng.Vector(rng.Int(0, 5), -2, 2)],
                p =>
                {
                    double[] w = p.V(1);
                    double x = p.S(0);
                    double dx = 0;
                    double sum = 0;
                    var dw = new double[w.Length];
                    for (int i = 0; i < w.Length; i++)
                    {
                        dx = dx * x + sum;
                        sum = sum * x + w[i];
                        dw[i] = Math.Pow(x, w.Length - 1 - i);
                    }

                    return new[] { new[] { dx }, dw };
                }
            },
        };
    }

    public static class NamingCases
    {
        public static IEnumerable<GradientCase> All() => new CaseList(typeof(Naming))
        {
            {
                nameof(Naming.Advance),
                D(U(-2, 2), U(-2, 2), U(-2, 2), U(0.01, 0.5)),
                p =>
                {
                    (double x, double dx, double t, double dt) = (p[0], p[1], p[2], p[3]);
                    return [1 - 0.5 * t * dt * dt + Math.Sin(dt), dt, -0.5 * x * dt * dt, dx - x * t * dt + Math.Cos(dt) * x];
                }
            },
            { nameof(Naming.Kinetic), D(U(-2, 2), U(-2, 2)), p => [3 * p[0] * p[0], p[1]] },
            { nameof(Naming.Fall), D(U(-2, 2), U(0, 3)), p => [p[1] - 2 * Naming.Drag * p[0] * Naming.Scale, p[0] - Naming.Gravity * p[1]] },
            { nameof(Naming.Scaled), D(U(0.5, 2), U(-2, 2), Int(1, 4)), p => [p[2] * Math.Pow(p[0], p[2] - 1) * p[1], Math.Pow(p[0], p[2])] },
        };
    }
}
