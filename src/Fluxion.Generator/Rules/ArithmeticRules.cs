using System.Collections.Generic;
using Fluxion.Generator.Model;

namespace Fluxion.Generator.Rules
{
    /// <summary>The rules of double arithmetic: the sum, difference, product and quotient rules, and negation.</summary>
    internal static class ArithmeticRules
    {
        /// <summary>The rule of a double <c>+ - * /</c> or negation, or null for any other node.</summary>
        public static PrimitiveRule? Find(Expr node) => node switch
        {
            Binary { Type: ScalarType.Double, Operator: BinaryOperator.Add } => Sum,
            Binary { Type: ScalarType.Double, Operator: BinaryOperator.Subtract } => Difference,
            Binary { Type: ScalarType.Double, Operator: BinaryOperator.Multiply } => Product,
            Binary { Type: ScalarType.Double, Operator: BinaryOperator.Divide } => Quotient,
            Unary { Type: ScalarType.Double, Operator: UnaryOperator.Negate } => Negation,
            _ => null,
        };

        private static readonly PrimitiveRule Sum = (a, r) => new[] { Partial.One, Partial.One };

        private static readonly PrimitiveRule Difference = (a, r) => new[] { Partial.One, Partial.MinusOne };

        private static readonly PrimitiveRule Negation = (a, r) => new[] { Partial.MinusOne };

        /// <summary>x · x gets one partial, 2·x (bit for bit the sum of the two product-rule terms), through its left side.</summary>
        private static readonly PrimitiveRule Product = (a, r) => a[0].Equals(a[1])
            ? new Partial?[] { new Partial.Factor(Algebra.Multiply(new Constant(2.0), a[0])), null }
            : new Partial?[] { new Partial.Factor(a[1]), new Partial.Factor(a[0]) };

        /// <summary>∂(a/b)/∂a = 1/b, applied as a division; ∂(a/b)/∂b = −(a/b)/b, and for 1/b the product −(1/b)².</summary>
        private static readonly PrimitiveRule Quotient = (a, r) => new Partial?[]
        {
            new Partial.Divisor(a[1]),
            new Partial.Factor(Algebra.Negate(a[0] is Constant { Value: 1.0 } ? Algebra.Multiply(r, r) : Algebra.Divide(r, a[1])),
                IsUnbounded: a[1] is not Constant { Value: not 0.0 }),
        };
    }
}
