// A foreach element is a differentiated value whenever its array is one, and so is a local array whose initializer holds
// one: a value they are added to becomes differentiated, so a call on it earlier in the enclosing loop, on the next
// iteration, has a derivative too (the activity at the top of the loop must see it, not only the statement once it runs).
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

        /// <summary>
        /// Σₖ₌₀² exp(k·(x₀ + x₁)²): the array initialized in the loop holds a differentiated value, added to s after the call.
        /// </summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double InitializerFeedsCall(double[] x)
        {
            double s = 0.0;
            double t = 0.0;
            for (int k = 0; k < 3; k++)
            {
                t += Math.Exp(s);
                double sum = x[0] + x[1];
                double[] pair = { 1.0, sum * sum };
                s += pair[1];
            }

            return t;
        }
    }

    public static class ForEachActivityCases
    {
        /// <summary>d/du of exp(u²) + exp(2u²).</summary>
        private static double InitializerSlope(double u) => 2 * u * Math.Exp(u * u) + 4 * u * Math.Exp(2 * u * u);

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
            {
                nameof(ForEachActivity.InitializerFeedsCall),
                rng => [rng.Vector(2, -0.5, 0.5)],
                p => [Enumerable.Repeat(InitializerSlope(p.V(0)[0] + p.V(0)[1]), 2).ToArray()]
            },
        };
    }
}
