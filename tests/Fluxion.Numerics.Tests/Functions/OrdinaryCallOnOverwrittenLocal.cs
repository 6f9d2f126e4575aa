// A variable that holds a differentiated value at one point and a constant at another: an ordinary
// call on it where it is constant is a constant (no FLX0007), and the derivatives stay right.
using System.Collections.Generic;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    public static partial class OverwrittenLocals
    {
        /// <summary>x·2³: dx = 8.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ConstantAfterActive(double x)
        {
            double t = x;
            t = 2.0;
            return x * Helpers.Cube(t);
        }

        /// <summary>2³·x: dx = 8.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ActiveAfterConstant(double x)
        {
            double t = 2.0;
            double c = Helpers.Cube(t);
            t = x;
            return c * t;
        }

        /// <summary>2³ whatever x: dx = 0.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ParameterOverwrittenByConstant(double x)
        {
            x = 2.0;
            return Helpers.Cube(x);
        }

        /// <summary>x·k³ with k not differentiated: dx = k³.</summary>
        [Differentiable(nameof(x), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ExcludedAfterActive(double x, double k)
        {
            double t = x * k;
            t = k;
            return x * Helpers.Cube(t);
        }
    }

    public static class OverwrittenLocalCases
    {
        public static IEnumerable<GradientCase> All() => new CaseList(typeof(OverwrittenLocals))
        {
            { nameof(OverwrittenLocals.ConstantAfterActive), D(U(-5, 5)), p => [8] },
            { nameof(OverwrittenLocals.ActiveAfterConstant), D(U(-5, 5)), p => [8] },
            { nameof(OverwrittenLocals.ParameterOverwrittenByConstant), D(U(-5, 5)), p => [0] },
            { nameof(OverwrittenLocals.ExcludedAfterActive), D(U(-5, 5), U(-2, 2)), p => [p[1] * p[1] * p[1]] },
        };
    }
}
