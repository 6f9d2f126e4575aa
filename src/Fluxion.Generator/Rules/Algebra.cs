using System;
using Fluxion.Generator.Model;

namespace Fluxion.Generator.Rules
{
    /// <summary>
    /// Builders of double arithmetic that the rules and the modes share: they skip multiplying by one and fold constants,
    /// so a seed of 1 does not look like work worth sharing and no rule prints <c>1.0 * x</c>.
    /// </summary>
    internal static class Algebra
    {
        public static Expr Negate(Expr operand) =>
            operand is Constant c ? new Constant(-c.Value) : new Unary(UnaryOperator.Negate, operand, ScalarType.Double);

        /// <summary>
        /// <c>left · right</c>. A selector (<c>c ? 1 : 0</c>, the partial of Max, Min, Clamp) selects instead of multiplying, so
        /// that the side not taken contributes exactly zero even where the other factor is infinite (√ of a Max at 0).
        /// </summary>
        public static Expr Multiply(Expr left, Expr right) =>
            left is Constant { Value: 1.0 } ? right
            : right is Constant { Value: 1.0 } ? left
            : left is Constant l && right is Constant r ? new Constant(l.Value * r.Value)
            : right is not Constant && Selector(left) is { } selector ? Select(selector, right)
            : left is not Constant && Selector(right) is { } rightSelector ? Select(rightSelector, left)
            : new Binary(BinaryOperator.Multiply, left, right, ScalarType.Double);

        /// <summary><c>c ? 1 : 0</c> or <c>c ? 0 : 1</c>, nested in either side (Clamp's partials), or null.</summary>
        private static Conditional? Selector(Expr expression) => expression is Conditional { WhenTrue: var whenTrue, WhenFalse: var whenFalse } choice
            && IsSelected(whenTrue) && IsSelected(whenFalse) ? choice : null;

        private static bool IsSelected(Expr side) => side is Constant { Value: 0.0 or 1.0 } || Selector(side) is not null;

        /// <summary>The selector with each 1 replaced by <paramref name="value"/>.</summary>
        private static Expr Select(Expr selector, Expr value) => selector switch
        {
            Constant { Value: 1.0 } => value,
            Constant => Constant.Zero,
            Conditional choice => choice with { WhenTrue = Select(choice.WhenTrue, value), WhenFalse = Select(choice.WhenFalse, value) },
            _ => throw new InvalidOperationException("not a selector"),
        };

        public static Expr Divide(Expr left, Expr right) =>
            left is Constant l && right is Constant r ? new Constant(l.Value / r.Value) : new Binary(BinaryOperator.Divide, left, right, ScalarType.Double);
    }
}
