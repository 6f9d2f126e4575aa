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
            { nameof(Naming.Scaled), D(U(0.5, 2), U(-2, 2), Int(1, 4)), p => [p[2] * Math.Pow(p[0], p[2] - 1) * p[1], Math.Pow(p[0], p[2])] },
        };
    }
}
