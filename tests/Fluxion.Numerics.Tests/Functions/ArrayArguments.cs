// Arrays passed whole to calls that get no gradient through them, and a static array table.
using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Numerics.Tests.Harness;

namespace Fluxion.Numerics.Tests.Functions
{
    public static partial class ArrayArguments
    {
        private static readonly double[] Coefficients = { 1.0, 0.5, 0.25, 0.125 };

        /// <summary>An ordinary method (not [Differentiable]) over an array.</summary>
        public static double Total(double[] data)
        {
            double s = 0.0;
            foreach (double v in data)
            {
                s += v;
            }

            return s;
        }

        /// <summary>A passed-through array handed to an ordinary helper.</summary>
        [Differentiable(nameof(x), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double PassiveArrayToHelper(double[] x, double[] data)
        {
            double s = 0.0;
            for (int i = 0; i < x.Length; i++)
            {
                s += x[i] * x[i] * Total(data);
            }

            return s;
        }

        /// <summary>A passed-through array handed to a [Differentiable] method.</summary>
        [Differentiable(nameof(x), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double PassiveArrayToDifferentiable(double[] x, double[] data)
        {
            double s = 0.0;
            for (int i = 0; i < x.Length; i++)
            {
                s += x[i] * Arrays.Dot(data, data);
            }

            return s;
        }

        /// <summary>Horner over a static readonly coefficient table.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double StaticReadonlyTable(double x)
        {
            double v = 0.0;
            for (int k = Coefficients.Length - 1; k >= 0; k--)
            {
                v = v * x + Coefficients[k];
            }

            return v;
        }
    }

    public static class ArrayArgumentCases
    {
        public static IEnumerable<ArrayCase> All() => new ArrayCaseList(typeof(ArrayArguments))
        {
            {
                nameof(ArrayArguments.PassiveArrayToHelper),
                rng => [rng.Vector(rng.Int(1, 8), -2, 2), rng.Vector(rng.Int(0, 5), -2, 2)],
                p => [p.V(0).Select(v => 2 * v * p.V(1).Sum()).ToArray()]
            },
            {
                nameof(ArrayArguments.PassiveArrayToDifferentiable),
                rng => [rng.Vector(rng.Int(1, 8), -2, 2), rng.Vector(rng.Int(0, 5), -2, 2)],
                p => [p.V(0).Select(_ => p.V(1).Sum(v => v * v)).ToArray()]
            },
            {
                nameof(ArrayArguments.StaticReadonlyTable),
                rng => [rng.Uniform(-2, 2)],
                p => [0.5 + 2 * 0.25 * p.S(0) + 3 * 0.125 * p.S(0) * p.S(0)]
            },
        };
    }
}
