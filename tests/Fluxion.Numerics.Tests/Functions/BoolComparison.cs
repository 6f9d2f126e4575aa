// == and != between bools in conditions.
using System;
using System.Collections.Generic;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    public static partial class BoolComparisons
    {
        /// <summary>The smallest reproduction above.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SignMatchesFlag(double x, bool flag)
        {
            if ((x > 0) == flag) return x * x;
            return -x;
        }

        /// <summary>!= between two bool locals: the two signs differ.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SignsDiffer(double x, double y)
        {
            bool a = x > 0;
            bool b = y > 0;
            return a != b ? x * y : x + y;
        }
    }

    public static class BoolComparisonCases
    {
        public static IEnumerable<GradientCase> All() => new CaseList(typeof(BoolComparisons))
        {
            {
                nameof(BoolComparisons.SignMatchesFlag),
                D(U(-3, 3), Flag).AwayFrom(0, 0.0)
                    .Branch("x > 0, flag", p => p[0] > 0 && p[1] != 0).Branch("x <= 0, !flag", p => p[0] <= 0 && p[1] == 0)
                    .Branch("x > 0, !flag", p => p[0] > 0 && p[1] == 0).Branch("x <= 0, flag", p => p[0] <= 0 && p[1] != 0),
                p => [(p[0] > 0) == (p[1] != 0) ? 2 * p[0] : -1]
            },
            {
                nameof(BoolComparisons.SignsDiffer),
                D(U(-3, 3), U(-3, 3)).AwayFrom(0, 0.0).AwayFrom(1, 0.0)
                    .Branch("signs differ", p => (p[0] > 0) != (p[1] > 0)).Branch("signs agree", p => (p[0] > 0) == (p[1] > 0)),
                p => (p[0] > 0) != (p[1] > 0) ? [p[1], p[0]] : [1, 1]
            },
        };
    }
}
