// A value set in a branch that never reaches the result: its parameter gets a zero gradient.
using System;
using System.Collections.Generic;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    public static partial class UnusedBranchValues
    {
        /// <summary>The smallest reproduction above: the value computed in the branch does not reach the result.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double BranchValueUnused(double x, double y)
        {
            double t = y;
            if (y > 0) t = Math.Exp(y);
            return x * x;
        }

        /// <summary>The merged value reaches the result only through Floor.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double BranchValueIntoFloor(double x, double y)
        {
            double t = y;
            if (y > 0) t = y * y;
            return x + Math.Floor(t);
        }
    }

    public static class BranchValueCases
    {
        public static IEnumerable<GradientCase> All() => new CaseList(typeof(UnusedBranchValues))
        {
            {
                nameof(UnusedBranchValues.BranchValueUnused),
                D(U(-3, 3), U(-3, 3)).AwayFrom(1, 0.0).Branch("y > 0", p => p[1] > 0).Branch("y <= 0", p => p[1] <= 0),
                p => [2 * p[0], 0]
            },
            {
                nameof(UnusedBranchValues.BranchValueIntoFloor),
                D(U(-3, 3), U(-2, 2)).AwayFrom(1, 0.0)
                    .AwayFrom(p => p[1] > 0 ? p[1] * p[1] : p[1], p => Math.Round(p[1] > 0 ? p[1] * p[1] : p[1]))
                    .Branch("y > 0", p => p[1] > 0).Branch("y <= 0", p => p[1] <= 0),
                p => [1, 0]
            },
        };
    }
}
