// Max(x, x), Min(x, x), Clamp(x, x, x): the tie rule applies (dx = 1) and the gradient compiles
// without warnings (no comparison of a variable with itself).
using System;
using System.Collections.Generic;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    public static partial class Ties
    {
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double MaxOfSameVariable(double x) => Math.Max(x, x);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double MinOfSameVariable(double x) => Math.Min(x, x);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ClampOfSameVariable(double x) => Math.Clamp(x, x, x);
    }

    public static class TieCases
    {
        public static IEnumerable<GradientCase> All() => new CaseList(typeof(Ties))
        {
            { nameof(Ties.MaxOfSameVariable), D(U(-5, 5)), p => [1] },
            { nameof(Ties.MinOfSameVariable), D(U(-5, 5)), p => [1] },
            { nameof(Ties.ClampOfSameVariable), D(U(-5, 5)), p => [1] },
        };
    }
}
