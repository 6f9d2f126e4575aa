using Fluxion;
using System;
using System.Collections.Generic;
using Fluxion.Numerics.Tests.Functions;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

/// <summary>A differentiable method in the global namespace.</summary>
public static partial class GlobalKernels
{
    [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
    public static double TwiceSine(double x) => 2 * Math.Sin(x);

    /// <summary>Calls into a namespace from the global namespace.</summary>
    [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
    public static double CallsIntoNamespace(double x) => Kernels.Square(x) + TwiceSine(x);
}

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>Small differentiable building blocks that other methods call.</summary>
    public static partial class Kernels
    {
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Square(double x) => x * x;

        /// <summary>Calls a sibling without qualification.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Cube(double x) => x * Square(x);

        /// <summary>Calls siblings with and without qualification.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Poly(double x, double y) => Square(x) + Kernels.Cube(y);
    }

    /// <summary>A non-static partial class with nested partial types.</summary>
    public partial class Outer
    {
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Helper(double x) => Math.Exp(-x * x);

        public static partial class Inner
        {
            [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
            public static double Scale(double y) => 3 * y + Math.Sin(y);

            /// <summary>Calls a method of the containing type by its simple name.</summary>
            [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
            public static double UsesOuter(double x) => Helper(x) * x;

            public partial class Deeper
            {
                /// <summary>Calls methods of both containing types by their simple names.</summary>
                [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
                public static double Gauss(double x, double y) => Helper(x) * Scale(y);
            }
        }
    }

    /// <summary>A partial struct may hold differentiable methods too.</summary>
    public partial struct VectorMath
    {
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Norm(double x, double y) => Math.Sqrt(x * x + y * y);
    }

    /// <summary>Calls across classes, nested types, namespaces, with constant and shared arguments.</summary>
    public static partial class CrossCalls
    {
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double OtherClass(double x, double y) => Kernels.Square(x) * Outer.Inner.Scale(y);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double NestedTwice(double x) => Kernels.Square(Kernels.Square(x));

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ConstantArguments(double x) => Kernels.Square(3.0) * x + Kernels.Poly(x, 2.0);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SameArgumentTwice(double x) => Kernels.Poly(x, x);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double ExpressionArguments(double x, double y) => Kernels.Square(Math.Sin(x) + y);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double DeepNested(double x, double y) => Outer.Inner.Deeper.Gauss(x, y) + Outer.Inner.UsesOuter(y);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double GlobalNamespace(double x) => GlobalKernels.TwiceSine(x) * GlobalKernels.CallsIntoNamespace(x);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double StructMethod(double x, double y) => VectorMath.Norm(x, y) * x;

        /// <summary>A constant goes to the parameter the callee excludes.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double SubsetCalleeWithConstant(double t) => Subsets.Decay(t, 2.0);

        /// <summary>A value this method does not differentiate goes to the parameter the callee excludes.</summary>
        [Differentiable(nameof(t), Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double SubsetCalleeWithFixedParameter(double t, double k) => Subsets.Decay(t * t, k);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double IntArgument(double x) => Conversions.ScaleByInt(x, 3) + Conversions.PowIntExponent(x, 2);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double CallsInBlock(double x, double y)
        {
            double s = Kernels.Square(x);
            s += Kernels.Cube(y);
            s *= Outer.Inner.Scale(x);
            double t = Elementary.Atan2(y, x);
            return s + t;
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Chain1(double x) => Math.Sin(x) + x;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double Chain2(double x) => Math.Sin(Chain1(x)) + x;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double Chain3(double x) => Math.Sin(Chain2(x)) + x;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double Chain4(double x) => Math.Sin(Chain3(x)) + x;
    }

    public static class CrossCallCases
    {
        public static IEnumerable<GradientCase> All()
        {
            var c = new CaseList(typeof(CrossCalls))
            {
                { typeof(GlobalKernels), nameof(GlobalKernels.TwiceSine), D(U(-10, 10)), p => [2 * Math.Cos(p[0])] },
                { typeof(GlobalKernels), nameof(GlobalKernels.CallsIntoNamespace), D(U(-10, 10)), p => [2 * p[0] + 2 * Math.Cos(p[0])] },
                { typeof(Kernels), nameof(Kernels.Square), D(U(-10, 10)), p => [2 * p[0]] },
                { typeof(Kernels), nameof(Kernels.Cube), D(U(-10, 10)), p => [3 * p[0] * p[0]] },
                { typeof(Kernels), nameof(Kernels.Poly), D(U(-10, 10), U(-10, 10)), p => [2 * p[0], 3 * p[1] * p[1]] },
                { typeof(Outer), nameof(Outer.Helper), D(U(-3, 3)), p => [-2 * p[0] * Math.Exp(-p[0] * p[0])] },
                { typeof(Outer.Inner), nameof(Outer.Inner.Scale), D(U(-10, 10)), p => [3 + Math.Cos(p[0])] },
                { typeof(Outer.Inner), nameof(Outer.Inner.UsesOuter), D(U(-3, 3)), p => [Math.Exp(-p[0] * p[0]) * (1 - 2 * p[0] * p[0])] },
                {
                    typeof(Outer.Inner.Deeper),
                    nameof(Outer.Inner.Deeper.Gauss),
                    D(U(-3, 3), U(-5, 5)),
                    p =>
                    {
                        double e = Math.Exp(-p[0] * p[0]);
                        return [-2 * p[0] * e * (3 * p[1] + Math.Sin(p[1])), e * (3 + Math.Cos(p[1]))];
                    }
                },
                {
                    typeof(VectorMath),
                    nameof(VectorMath.Norm),
                    D(U(-5, 5), U(-5, 5)).Where(p => Math.Abs(p[0]) + Math.Abs(p[1]) > 0.2),
                    p => [p[0] / Math.Sqrt(p[0] * p[0] + p[1] * p[1]), p[1] / Math.Sqrt(p[0] * p[0] + p[1] * p[1])]
                },
                {
                    nameof(CrossCalls.OtherClass),
                    D(U(-5, 5), U(-5, 5)),
                    p => [2 * p[0] * (3 * p[1] + Math.Sin(p[1])), p[0] * p[0] * (3 + Math.Cos(p[1]))]
                },
                { nameof(CrossCalls.NestedTwice), D(U(-5, 5)), p => [4 * p[0] * p[0] * p[0]] },
                { nameof(CrossCalls.ConstantArguments), D(U(-5, 5)), p => [9 + 2 * p[0]] },
                { nameof(CrossCalls.SameArgumentTwice), D(U(-5, 5)), p => [2 * p[0] + 3 * p[0] * p[0]] },
                {
                    nameof(CrossCalls.ExpressionArguments),
                    D(U(-5, 5), U(-5, 5)),
                    p =>
                    {
                        double u = Math.Sin(p[0]) + p[1];
                        return [2 * u * Math.Cos(p[0]), 2 * u];
                    }
                },
                {
                    nameof(CrossCalls.DeepNested),
                    D(U(-3, 3), U(-3, 3)),
                    p =>
                    {
                        var (x, y) = (p[0], p[1]);
                        double ex = Math.Exp(-x * x);
                        double ey = Math.Exp(-y * y);
                        return [-2 * x * ex * (3 * y + Math.Sin(y)), ex * (3 + Math.Cos(y)) + ey * (1 - 2 * y * y)];
                    }
                },
                {
                    nameof(CrossCalls.GlobalNamespace),
                    D(U(-5, 5)),
                    p =>
                    {
                        double x = p[0];
                        double f = 2 * Math.Sin(x);
                        double g = x * x + 2 * Math.Sin(x);
                        return [2 * Math.Cos(x) * g + f * (2 * x + 2 * Math.Cos(x))];
                    }
                },
                {
                    nameof(CrossCalls.StructMethod),
                    D(U(-5, 5), U(-5, 5)).Where(p => Math.Abs(p[0]) + Math.Abs(p[1]) > 0.2),
                    p =>
                    {
                        double r = Math.Sqrt(p[0] * p[0] + p[1] * p[1]);
                        return [r + p[0] * p[0] / r, p[0] * p[1] / r];
                    }
                },
                { nameof(CrossCalls.SubsetCalleeWithConstant), D(U(0, 3)), p => [-2 * Math.Exp(-2 * p[0])] },
                {
                    nameof(CrossCalls.SubsetCalleeWithFixedParameter),
                    D(U(-2, 2), U(0.1, 2)),
                    p => [-p[1] * 2 * p[0] * Math.Exp(-p[1] * p[0] * p[0])]
                },
                { nameof(CrossCalls.IntArgument), D(U(0.1, 5)), p => [3 + 2 * p[0]] },
                {
                    nameof(CrossCalls.CallsInBlock),
                    D(U(-3, 3), U(-3, 3)).Where(p => Math.Sqrt(p[0] * p[0] + p[1] * p[1]) > 0.2 && !(p[0] < 0 && Math.Abs(p[1]) < 0.05)),
                    p =>
                    {
                        var (x, y) = (p[0], p[1]);
                        double s = x * x + y * y * y;
                        double k = 3 * x + Math.Sin(x);
                        double r2 = x * x + y * y;
                        return [2 * x * k + s * (3 + Math.Cos(x)) - y / r2, 3 * y * y * k + x / r2];
                    }
                },
            };
            c.Add(nameof(CrossCalls.Chain1), D(U(-3, 3)), p => [ChainDerivative(p[0], 1)]);
            c.Add(nameof(CrossCalls.Chain2), D(U(-3, 3)), p => [ChainDerivative(p[0], 2)]);
            c.Add(nameof(CrossCalls.Chain3), D(U(-3, 3)), p => [ChainDerivative(p[0], 3)]);
            c.Add(nameof(CrossCalls.Chain4), D(U(-3, 3)), p => [ChainDerivative(p[0], 4)]);
            return c;
        }

        /// <summary>f₀ = x, f_k = sin(f_{k−1}) + x; f_k' = cos(f_{k−1})·f_{k−1}' + 1, carried forward.</summary>
        private static double ChainDerivative(double x, int depth)
        {
            double f = x;
            double df = 1;
            for (int k = 0; k < depth; k++)
            {
                df = Math.Cos(f) * df + 1;
                f = Math.Sin(f) + x;
            }

            return df;
        }
    }
}
