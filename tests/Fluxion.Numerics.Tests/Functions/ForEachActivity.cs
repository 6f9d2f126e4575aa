// A foreach element is a differentiated value whenever its array is one: a value the foreach adds to becomes
// differentiated, so a call on it earlier in the enclosing loop, on the next iteration, has a derivative too
// (the activity at the top of the loop must see it, not only the foreach once it runs).
using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Numerics.Tests.Harness;

namespace Fluxion.Numerics.Tests.Functions
{
    public static partial class ForEachActivity
    {
        /// <summary>With S = Σa: Σₖ₌₀² exp(k·S), the sum of a added to s after the call of each iteration.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ParameterSumFeedsCall(double[] a)
        {
            double s = 0.0;
            double t = 0.0;
            for (int k = 0; k < 3; k++)
            {
                t += Math.Exp(s);
                foreach (double e in a)
                {
                    s += e;
                }
            }

            return t;
        }

        /// <summary>
        /// sin(0) + sin(0) + sin(S) with S = Σa: the local array holds a copy of a only from the second iteration on.
        /// </summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LocalSumFeedsCall(double[] a)
        {
            double[] copy = new double[a.Length];
            double s = 0.0;
            double t = 0.0;
            for (int k = 0; k < 3; k++)
            {
                t += Math.Sin(s);
                foreach (double e in copy)
                {
                    s += e;
                }

                for (int i = 0; i < a.Length; i++)
                {
                    copy[i] = a[i];
                }
            }

            return t;
        }
    }

    public static class ForEachActivityCases
    {
        public static IEnumerable<ArrayCase> All() => new ArrayCaseList(typeof(ForEachActivity))
        {
            {
                nameof(ForEachActivity.ParameterSumFeedsCall),
                rng => [rng.Vector(rng.Int(0, 6), -0.5, 0.5)],
                p => [p.V(0).Select(_ => Math.Exp(p.V(0).Sum()) + 2 * Math.Exp(2 * p.V(0).Sum())).ToArray()]
            },
            {
                nameof(ForEachActivity.LocalSumFeedsCall),
                rng => [rng.Vector(rng.Int(0, 6), -1, 1)],
                p => [p.V(0).Select(_ => Math.Cos(p.V(0).Sum())).ToArray()]
            },
        };
    }
}
