using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Generator.Model;
using static Fluxion.Generator.Model.CodeTree;
using static Fluxion.Generator.Model.ExprTree;

namespace Fluxion.Generator.Optimization
{
    /// <summary>Expression rewrites: constant folding, signs, and the identities that drop terms.</summary>
    internal static partial class Simplifier
    {
        public static Expr SimplifyExpression(Expr expression, bool exactOnly) => Rewrite(expression, e => SimplifyNode(e, exactOnly));

        /// <summary>One rewrite of a node whose operands are already simplified; null keeps it.</summary>
        private static Expr? SimplifyNode(Expr node, bool exactOnly)
        {
            switch (node)
            {
                case Unary { Operator: UnaryOperator.Negate, Operand: Constant c }:
                    return new Constant(-c.Value);
                case Unary { Operator: UnaryOperator.Negate, Operand: Unary { Operator: UnaryOperator.Negate } inner }:
                    return inner.Operand;
                case NumericConversion { Operand: IntegerConstant i, TargetType: ScalarType.Double }:
                    return new Constant(i.Value);
                case Binary { Type: ScalarType.Double } binary:
                    return SimplifyArithmetic(binary, exactOnly);
                case MathCall { Function: "Pow" } power when IsConstant(power.Arguments[1], 1.0):
                    return power.Arguments[0];
                case Binary { Type: ScalarType.Boolean } comparison when !exactOnly && comparison.Left.Equals(comparison.Right)
                    && IsReflexive(comparison.Operator) is bool holds:
                    // The rules of Max(x, x) and friends compare a value with itself: decided here (NaN aside), and C#
                    // warns on it (CS1718). Only in the backward sweep: the user's own `x != x` is a NaN test.
                    return new BooleanConstant(holds);
                case Binary { Type: ScalarType.Boolean, Left: Constant left, Right: Constant right } comparison when Compare(comparison.Operator,
                    left.Value, right.Value) is bool holds:
                    return new BooleanConstant(holds);
                case MathCall call when !exactOnly && call.Arguments.All(a => a is Constant) && FoldMath(call.Function, call.Arguments.Select(a
                    => ((Constant)a).Value).ToArray()) is double folded:
                    // Only in the backward sweep, where a last-bit difference from the runtime's own result is harmless.
                    return new Constant(folded);
                case Conditional { Condition: BooleanConstant condition } conditional when !exactOnly:
                    // Not in the forward sweep: `c < (false ? b : c)` would become `c < c`, which C# warns about.
                    return condition.Value ? conditional.WhenTrue : conditional.WhenFalse;
                case Conditional conditional when !exactOnly && conditional.WhenTrue.Equals(conditional.WhenFalse):
                    return conditional.WhenTrue;
                default:
                    return null;
            }
        }

        private static Expr? SimplifyArithmetic(Binary node, bool exactOnly)
        {
            Expr left = node.Left;
            Expr right = node.Right;
            if (left is Constant l && right is Constant r)
            {
                return Fold(node.Operator, l.Value, r.Value) is double folded ? new Constant(folded) : null;
            }

            if (exactOnly)
            {
                // The user's own expression: only constants are folded, so it reads (and warns) as they wrote it.
                return null;
            }

            switch (node.Operator)
            {
                case BinaryOperator.Add:
                    if (IsConstant(right, 0.0))
                    {
                        return left;
                    }

                    if (IsConstant(left, 0.0))
                    {
                        return right;
                    }

                    if (left is Unary { Operator: UnaryOperator.Negate } bothLeft && right is Unary { Operator: UnaryOperator.Negate } bothRight)
                    {
                        return Negate(node with { Left = bothLeft.Operand, Right = bothRight.Operand });
                    }

                    if (right is Unary { Operator: UnaryOperator.Negate } negatedRight)
                    {
                        return node with { Operator = BinaryOperator.Subtract, Right = negatedRight.Operand };
                    }

                    if (right is Constant { Value: < 0.0 } negativeRight)
                    {
                        return node with { Operator = BinaryOperator.Subtract, Right = new Constant(-negativeRight.Value) };
                    }

                    if (left is Unary { Operator: UnaryOperator.Negate } negatedLeft)
                    {
                        return node with { Operator = BinaryOperator.Subtract, Left = right, Right = negatedLeft.Operand };
                    }

                    break;
                case BinaryOperator.Subtract:
                    if (IsConstant(right, 0.0))
                    {
                        return left;
                    }

                    if (IsConstant(left, 0.0))
                    {
                        return Negate(right);
                    }

                    if (right is Unary { Operator: UnaryOperator.Negate } negated)
                    {
                        return node with { Operator = BinaryOperator.Add, Right = negated.Operand };
                    }

                    if (left is Unary { Operator: UnaryOperator.Negate } negatedFirst)
                    {
                        // -a - b is -(a + b): a subtraction from a gradient reads as one.
                        return Negate(node with { Operator = BinaryOperator.Add, Left = negatedFirst.Operand });
                    }

                    break;
                case BinaryOperator.Multiply:
                    if (IsConstant(right, 1.0))
                    {
                        return left;
                    }

                    if (IsConstant(left, 1.0))
                    {
                        return right;
                    }

                    if (IsConstant(left, -1.0))
                    {
                        return Negate(right);
                    }

                    if (IsConstant(right, -1.0))
                    {
                        return Negate(left);
                    }

                    if (IsConstant(left, 0.0) || IsConstant(right, 0.0))
                    {
                        return Constant.Zero;
                    }

                    if (left is Binary { Operator: BinaryOperator.Divide, Left: Constant { Value: 1.0 } } reciprocalLeft)
                    {
                        return node with { Operator = BinaryOperator.Divide, Left = right, Right = reciprocalLeft.Right };
                    }

                    if (right is Binary { Operator: BinaryOperator.Divide, Left: Constant { Value: 1.0 } } reciprocalRight)
                    {
                        return node with { Operator = BinaryOperator.Divide, Right = reciprocalRight.Right };
                    }

                    return SimplifySigns(node);
                case BinaryOperator.Divide:
                    if (IsConstant(right, 1.0))
                    {
                        return left;
                    }

                    if (IsConstant(right, -1.0))
                    {
                        return Negate(left);
                    }

                    if (IsConstant(left, 0.0))
                    {
                        return Constant.Zero;
                    }

                    return SimplifySigns(node);
            }

            return null;
        }

        /// <summary>Moves a minus sign out of a product or quotient: <c>(-a) * b</c> is <c>-(a * b)</c>, <c>(-a) * (-b)</c> is <c>a * b</c>.</summary>
        private static Expr? SimplifySigns(Binary node)
        {
            bool leftNegated = node.Left is Unary { Operator: UnaryOperator.Negate };
            bool rightNegated = node.Right is Unary { Operator: UnaryOperator.Negate };
            if (!leftNegated && !rightNegated)
            {
                return null;
            }

            Expr left = leftNegated ? ((Unary)node.Left).Operand : node.Left;
            Expr right = rightNegated ? ((Unary)node.Right).Operand : node.Right;
            Expr unsigned = node with { Left = left, Right = right };
            return leftNegated && rightNegated ? unsigned : Negate(unsigned);
        }

        private static bool? IsReflexive(BinaryOperator comparison) => comparison switch
        {
            BinaryOperator.LessOrEqual or BinaryOperator.GreaterOrEqual or BinaryOperator.Equal => true,
            BinaryOperator.Less or BinaryOperator.Greater or BinaryOperator.NotEqual => false,
            _ => null,
        };

        private static bool? Compare(BinaryOperator op, double left, double right) => op switch
        {
            BinaryOperator.Less => left < right,
            BinaryOperator.LessOrEqual => left <= right,
            BinaryOperator.Greater => left > right,
            BinaryOperator.GreaterOrEqual => left >= right,
            BinaryOperator.Equal => left == right,
            BinaryOperator.NotEqual => left != right,
            _ => null,
        };

        private static double? FoldMath(string function, double[] arguments) => (function, arguments.Length) switch
        {
            ("Log", 1) => Math.Log(arguments[0]),
            ("Exp", 1) => Math.Exp(arguments[0]),
            ("Sqrt", 1) => Math.Sqrt(arguments[0]),
            ("Pow", 2) => Math.Pow(arguments[0], arguments[1]),
            _ => null,
        };

        private static double? Fold(BinaryOperator op, double left, double right) => op switch
        {
            BinaryOperator.Add => left + right,
            BinaryOperator.Subtract => left - right,
            BinaryOperator.Multiply => left * right,
            BinaryOperator.Divide => left / right,
            _ => null,
        };

        private static bool IsConstant(Expr expression, double value) => expression is Constant c && c.Value.Equals(value);

        private static Expr Negate(Expr operand) =>
            operand switch
            {
                Constant c => new Constant(-c.Value),
                Unary { Operator: UnaryOperator.Negate } negated => negated.Operand,
                _ => new Unary(UnaryOperator.Negate, operand, ScalarType.Double),
            };
    }
}
