using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Generator.Model;

namespace Fluxion.Generator.Rules
{
    /// <summary>
    /// A primitive's derivative rule: the partial with respect to each operand, written with the operands <c>a</c> and the
    /// node's own result <c>r</c> (so <c>Exp</c> reuses its value); null where no derivative flows to that operand.
    /// </summary>
    internal delegate Partial?[] PrimitiveRule(IReadOnlyList<Expr> a, Expr r);

    /// <summary>
    /// The one place every mode asks for the derivative of an operation: arithmetic and the <c>Math</c> table today.
    /// Calls of other <c>[Differentiable]</c> methods go through their generated methods instead.
    /// </summary>
    internal static class RuleRegistry
    {
        private static readonly string[] OperandPlaceholders = { "$0", "$1", "$2" };
        private const string ResultPlaceholder = "$result";

        /// <summary>The rule of <paramref name="node"/>, or null when it has none (a leaf, a comparison, integer arithmetic, a call).</summary>
        public static PrimitiveRule? Find(Expr node) => node switch
        {
            MathCall call => MathRules.Find(call.Function, call.Arguments.Count),
            _ => ArithmeticRules.Find(node),
        };

        /// <summary>The partials of <paramref name="node"/> with respect to its operands; <paramref name="result"/> stands for its value.</summary>
        public static Partial?[] Partials(Expr node, Expr result) =>
            (Find(node) ?? throw new InvalidOperationException("no derivative rule for " + node.GetType().Name))(ExprTree.Operands(node), result);

        /// <summary>
        /// Which operands, and whether its own result, the partials with respect to the operands for which
        /// <paramref name="flows"/> holds read: what a mode must keep to apply the rule. A node whose partials read
        /// nothing is linear here (a sum, a product with a constant).
        /// </summary>
        public static (bool[] Operands, bool Result) Reads(Expr node, Func<Expr, bool> flows)
        {
            IReadOnlyList<Expr> operands = ExprTree.Operands(node);
            var operandsRead = new bool[operands.Count];
            PrimitiveRule? rule = Find(node);
            if (rule is null)
            {
                return (operandsRead, false);
            }

            // Operands become placeholders to see which the partials mention; a constant stays, for rules that look at it (1/b).
            Expr[] standIns = operands.Select((o, i) => o is Constant ? o : new Variable(OperandPlaceholders[i], o.Type)).ToArray();
            Partial?[] partials = rule(standIns, new Variable(ResultPlaceholder, ScalarType.Double));
            var read = new HashSet<string>(partials.Where((p, i) => p is not null && flows(operands[i])).SelectMany(p => ExprTree.VariablesOf(p!.Value)));
            for (int i = 0; i < operandsRead.Length; i++)
            {
                operandsRead[i] = read.Contains(OperandPlaceholders[i]);
            }

            return (operandsRead, read.Contains(ResultPlaceholder));
        }
    }
}
