using System.Collections.Generic;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>The arithmetic operators one by one: linearity, product and quotient rules at their simplest.</summary>
    public static partial class Operators
    {
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Add(double x, double y) => x + y;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Subtract(double x, double y) => x - y;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Multiply(double x, double y) => x * y;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Divide(double x, double y) => x / y;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Negate(double x) => -x;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double UnaryPlus(double x, double y) => +x * -y;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Square(double x) => x * x;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Reciprocal(double x) => 1 / x;

        /// <summary>x − x: both operands are the same variable; the derivative is exactly 0.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SelfDifference(double x) => x - x;

        /// <summary>x / x: 1 everywhere it is defined; the derivative is 0.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SelfQuotient(double x) => x / x;

        /// <summary>Linearity with literals on both sides: (a·f + b·g)' = a·f' + b·g'.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LinearCombination(double x, double y) => 2 * x - x / 4 + 3.5 * y - 1;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Identity(double x) => x;

        /// <summary>x + 0.0 is x except at x = −0.0, where it is +0.0.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double AddZero(double x) => x + 0.0;

        /// <summary>A function that ignores its parameter: the derivative of a constant is 0.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ConstantFunction(double x) => 3.0;
    }

    public static class OperatorCases
    {
        public static IEnumerable<GradientCase> All() => new CaseList(typeof(Operators))
        {
            { nameof(Operators.Add), D(U(-10, 10), U(-10, 10)), p => [1, 1] },
            { nameof(Operators.Subtract), D(U(-10, 10), U(-10, 10)), p => [1, -1] },
            { nameof(Operators.Multiply), D(U(-10, 10), U(-10, 10)), p => [p[1], p[0]] },
            { nameof(Operators.Divide), D(U(-10, 10), Signed(0.1, 10)), p => [1 / p[1], -p[0] / (p[1] * p[1])] },
            { nameof(Operators.Negate), D(U(-10, 10)), p => [-1] },
            { nameof(Operators.UnaryPlus), D(U(-10, 10), U(-10, 10)), p => [-p[1], -p[0]] },
            { nameof(Operators.Square), D(U(-10, 10)), p => [2 * p[0]] },
            { nameof(Operators.Reciprocal), D(Signed(0.1, 10)), p => [-1 / (p[0] * p[0])] },
            { nameof(Operators.SelfDifference), D(U(-10, 10)), p => [0] },
            { nameof(Operators.SelfQuotient), D(Signed(0.1, 10)), p => [0] },
            { nameof(Operators.LinearCombination), D(U(-10, 10), U(-10, 10)), p => [2 - 0.25, 3.5] },
            { nameof(Operators.Identity), D(U(-10, 10)), p => [1] },
            { nameof(Operators.AddZero), D(U(-10, 10)), p => [1] },
            { nameof(Operators.ConstantFunction), D(U(-10, 10)), p => [0] },
        };
    }
}
