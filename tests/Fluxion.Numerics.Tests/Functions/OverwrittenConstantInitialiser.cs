// A local initialised with a constant and overwritten before any read: the gradient must compile
// without warnings (no dead store of the first value) and differentiate the second value.
using System.Collections.Generic;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    public static partial class OverwrittenInitialisers
    {
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ConstantThenOverwritten(double x)
        {
            double a = 5.0;
            a = x * x;
            return a;
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double IntConstantThenOverwritten(double x, int n)
        {
            int k = 0;
            k = n + 1;
            return x * k;
        }
    }

    public static class OverwrittenInitialiserCases
    {
        public static IEnumerable<GradientCase> All() => new CaseList(typeof(OverwrittenInitialisers))
        {
            { nameof(OverwrittenInitialisers.ConstantThenOverwritten), D(U(-5, 5)), p => [2 * p[0]] },
            { nameof(OverwrittenInitialisers.IntConstantThenOverwritten), D(U(-5, 5), Int(-5, 5)), p => [p[1] + 1] },
        };
    }
}
