using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Generator.Model;
using static Fluxion.Generator.Model.ExprTree;

namespace Fluxion.Generator.Simplification
{
    /// <summary>
    /// The third stage: folds constants and drops <c>* 1</c>, <c>+ 0</c> and <c>0 * x</c> terms, then
    /// removes the adjoint locals that only pass a value along. The forward sweep gets only the rewrites
    /// that keep every IEEE result bit for bit (it is the user's computation); the backward sweep gets
    /// all of them.
    /// </summary>
    internal static class Simplifier
    {
        public static GradientMethod Simplify(GradientMethod method)
        {
            var forward = method.Forward.Select(s => SimplifyStatement(s, exactOnly: true)).ToEquatableArray();
            var backward = method.Backward.Select(s => SimplifyStatement(s, exactOnly: false)).ToList();
            PropagateCopies(backward);
            return method with { Forward = forward, Backward = backward.ToEquatableArray() };
        }

        private static CodeStatement SimplifyStatement(CodeStatement statement, bool exactOnly) => statement switch
        {
            Declare declare => declare with { Value = SimplifyExpression(declare.Value, exactOnly) },
            Assign assign => assign with { Value = SimplifyExpression(assign.Value, exactOnly) },
            AddAssign add => add with { Value = SimplifyExpression(add.Value, exactOnly) },
            ReturnValue ret => ret with { Value = SimplifyExpression(ret.Value, exactOnly) },
            _ => statement,
        };

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
                case Conditional { Condition: BooleanConstant condition } conditional:
                    return condition.Value ? conditional.WhenTrue : conditional.WhenFalse;
                case Conditional conditional when conditional.WhenTrue.Equals(conditional.WhenFalse):
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

                    if (IsConstant(left, 0.0) && !exactOnly)
                    {
                        return Negate(right);
                    }

                    if (right is Unary { Operator: UnaryOperator.Negate } negated)
                    {
                        return node with { Operator = BinaryOperator.Add, Right = negated.Operand };
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

                    if (!exactOnly && (IsConstant(left, 0.0) || IsConstant(right, 0.0)))
                    {
                        return Constant.Zero;
                    }

                    if (!exactOnly && left is Binary { Operator: BinaryOperator.Divide, Left: Constant { Value: 1.0 } } reciprocalLeft)
                    {
                        return node with { Operator = BinaryOperator.Divide, Left = right, Right = reciprocalLeft.Right };
                    }

                    if (!exactOnly && right is Binary { Operator: BinaryOperator.Divide, Left: Constant { Value: 1.0 } } reciprocalRight)
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

                    if (!exactOnly && IsConstant(left, 0.0))
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

        /// <summary>
        /// Removes backward-sweep locals that only pass a value on: a local assigned once from a constant
        /// or a variable is replaced by that value, and a local assigned once and read once by a gradient
        /// output is written straight into that output. Contributions of zero are dropped.
        /// </summary>
        private static void PropagateCopies(List<CodeStatement> statements)
        {
            bool changed = true;
            while (changed)
            {
                changed = false;
                statements.RemoveAll(s => s is AddAssign { Value: Constant { Value: 0.0 } });
                for (int i = 0; i < statements.Count && !changed; i++)
                {
                    if (statements[i] is not Declare declare)
                    {
                        continue;
                    }

                    changed = IsReassigned(statements, declare.Name, i + 1)
                        ? TryDeclareAtFirstContribution(statements, i, declare)
                        : TryReplaceLocal(statements, i, declare);
                }
            }
        }

        private static bool TryReplaceLocal(List<CodeStatement> statements, int index, Declare declare)
        {
            var readers = Enumerable.Range(index + 1, statements.Count - index - 1)
                .Where(j => Reads(statements[j], declare.Name))
                .ToList();
            var valueVariables = new HashSet<string>(VariablesOf(declare.Value), StringComparer.Ordinal);
            bool valueStable = readers.Count == 0 || !Enumerable.Range(index + 1, readers.Last() - index)
                .Any(j => Writes(statements[j]) is { } written && valueVariables.Contains(written));
            if (!valueStable)
            {
                return false;
            }

            bool isCopy = declare.Value is Constant or Variable;
            bool feedsOneOutput = readers.Count == 1 && statements[readers[0]] is Assign { Value: Variable read } && read.Name == declare.Name;
            if (!isCopy && !feedsOneOutput && readers.Count > 0)
            {
                return false;
            }

            var replacement = declare.Value;
            foreach (int j in readers)
            {
                statements[j] = Substitute(statements[j], declare.Name, replacement);
            }

            statements.RemoveAt(index);
            return true;
        }

        /// <summary>A local that starts at zero is declared by its first real contribution instead.</summary>
        private static bool TryDeclareAtFirstContribution(List<CodeStatement> statements, int index, Declare declare)
        {
            if (!IsConstant(declare.Value, 0.0))
            {
                return false;
            }

            int first = Enumerable.Range(index + 1, statements.Count - index - 1).First(j => Reads(statements[j], declare.Name));
            if (statements[first] is not AddAssign add || add.Name != declare.Name || VariablesOf(add.Value).Contains(declare.Name))
            {
                return false;
            }

            statements[first] = new Declare(declare.Name, declare.Type, add.Value);
            statements.RemoveAt(index);
            return true;
        }

        private static CodeStatement Substitute(CodeStatement statement, string name, Expr replacement)
        {
            Expr Replace(Expr e) => SimplifyExpression(Rewrite(e, n => n is Variable v && v.Name == name ? replacement : null), exactOnly: false);
            return statement switch
            {
                Declare declare => declare with { Value = Replace(declare.Value) },
                Assign assign => assign with { Value = Replace(assign.Value) },
                AddAssign add => add with { Value = Replace(add.Value) },
                ReturnValue ret => ret with { Value = Replace(ret.Value) },
                _ => statement,
            };
        }

        private static bool IsReassigned(List<CodeStatement> statements, string name, int from) =>
            Enumerable.Range(from, statements.Count - from).Any(j => Writes(statements[j]) == name);

        private static string? Writes(CodeStatement statement) => statement switch
        {
            AddAssign add => add.Name,
            Assign assign => assign.Name,
            _ => null,
        };

        private static bool Reads(CodeStatement statement, string name) => statement switch
        {
            Declare declare => VariablesOf(declare.Value).Contains(name),
            Assign assign => VariablesOf(assign.Value).Contains(name),
            AddAssign add => add.Name == name || VariablesOf(add.Value).Contains(name),
            ReturnValue ret => VariablesOf(ret.Value).Contains(name),
            _ => false,
        };
    }
}
