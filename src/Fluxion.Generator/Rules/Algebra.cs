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

        public static Expr Multiply(Expr left, Expr right) =>
            left is Constant { Value: 1.0 } ? right
            : right is Constant { Value: 1.0 } ? left
            : left is Constant l && right is Constant r ? new Constant(l.Value * r.Value)
            : new Binary(BinaryOperator.Multiply, left, right, ScalarType.Double);

        public static Expr Divide(Expr left, Expr right) =>
            left is Constant l && right is Constant r ? new Constant(l.Value / r.Value) : new Binary(BinaryOperator.Divide, left, right, ScalarType.Double);
    }
}
