using System;
using System.Collections.Generic;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>Kinds of partial type that hold differentiable methods, and accessibility.</summary>
    public partial record RecordHolder(double Scale)
    {
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Quartic(double x) => x * x * x * x;
    }

    public partial record struct RecordStructHolder(double Scale)
    {
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Cosine(double x) => Math.Cos(2 * x);
    }

    public static partial class GenericHolder<T>
    {
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Logistic(double x) => 1 / (1 + Math.Exp(-2 * x));
    }

    internal static partial class InternalHolder
    {
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        private static double PrivateSquare(double x) => x * x;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        internal static double CallsPrivate(double x) => PrivateSquare(x) + Math.Sin(x);
    }

    public static class ContainerCases
    {
        public static IEnumerable<GradientCase> All() => new CaseList(typeof(RecordHolder))
        {
            { nameof(RecordHolder.Quartic), D(U(-3, 3)), p => [4 * p[0] * p[0] * p[0]] },
            { typeof(RecordStructHolder), nameof(RecordStructHolder.Cosine), D(U(-3, 3)), p => [-2 * Math.Sin(2 * p[0])] },
            {
                typeof(GenericHolder<int>),
                nameof(GenericHolder<int>.Logistic),
                D(U(-5, 5)),
                p =>
                {
                    double s = 1 / (1 + Math.Exp(-2 * p[0]));
                    return [2 * s * (1 - s)];
                }
            },
            { typeof(InternalHolder), "PrivateSquare", D(U(-3, 3)), p => [2 * p[0]] },
            { typeof(InternalHolder), nameof(InternalHolder.CallsPrivate), D(U(-3, 3)), p => [2 * p[0] + Math.Cos(p[0])] },
        };
    }
}
