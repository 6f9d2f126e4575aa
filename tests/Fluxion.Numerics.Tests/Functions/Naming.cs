using System;
using System.Collections.Generic;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>Parameters named like derivatives (dx, dt), whose derivative parameters the attribute names otherwise.</summary>
    public static partial class Naming
    {
        /// <summary>A step of x' = −x·t with step dt, from a position x with velocity dx: the generated outputs are grad_x, grad_dx, ….</summary>
        [Differentiable(DerivativePrefix = "grad_", Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public static double Advance(double x, double dx, double t, double dt) => x + dx * dt - 0.5 * x * t * dt * dt + Math.Sin(dt) * x;

        /// <summary>The same with a suffix: xBar, dxBar.</summary>
        [Differentiable(DerivativePrefix = "", DerivativeSuffix = "Bar", Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public static double Kinetic(double x, double dx) => 0.5 * dx * dx + x * x * x;
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
        };
    }
}
