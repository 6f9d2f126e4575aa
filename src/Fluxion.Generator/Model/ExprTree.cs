using System;
using System.Collections.Generic;
using System.Linq;

namespace Fluxion.Generator.Model
{
    /// <summary>Generic walks over expression trees, shared by the stages after parsing.</summary>
    internal static class ExprTree
    {
        /// <summary>The direct operands of a node, in order.</summary>
        public static IReadOnlyList<Expr> Operands(Expr expression) => expression switch
        {
            Unary unary => new[] { unary.Operand },
            ElementRead element => new[] { element.Index },
            Binary binary => new[] { binary.Left, binary.Right },
            NumericConversion conversion => new[] { conversion.Operand },
            Conditional conditional => new[] { conditional.Condition, conditional.WhenTrue, conditional.WhenFalse },
            MathCall call => call.Arguments.AsImmutableArray(),
            DifferentiableCall call => call.Arguments.AsImmutableArray(),
            PassiveCall call => call.Arguments.AsImmutableArray(),
            GradientInvocation call => call.Arguments.AsImmutableArray(),
            _ => Array.Empty<Expr>(),
        };

        /// <summary>The same node with new operands.</summary>
        public static Expr WithOperands(Expr expression, IReadOnlyList<Expr> operands) => expression switch
        {
            Unary unary => unary with { Operand = operands[0] },
            ElementRead element => element with { Index = operands[0] },
            Binary binary => binary with { Left = operands[0], Right = operands[1] },
            NumericConversion conversion => conversion with { Operand = operands[0] },
            Conditional conditional => conditional with { Condition = operands[0], WhenTrue = operands[1], WhenFalse = operands[2] },
            MathCall call => call with { Arguments = operands.ToEquatableArray() },
            DifferentiableCall call => call with { Arguments = operands.ToEquatableArray() },
            PassiveCall call => call with { Arguments = operands.ToEquatableArray() },
            GradientInvocation call => call with { Arguments = operands.ToEquatableArray() },
            _ => expression,
        };

        /// <summary>Rewrites bottom-up; <paramref name="replace"/> returns null to keep a node.</summary>
        public static Expr Rewrite(Expr expression, Func<Expr, Expr?> replace)
        {
            IReadOnlyList<Expr> operands = Operands(expression);
            Expr rebuilt = operands.Count == 0 ? expression : WithOperands(expression, operands.Select(o => Rewrite(o, replace)).ToArray());
            return replace(rebuilt) ?? rebuilt;
        }

        /// <summary>
        /// An expression whose derivative no mode needs (a condition, a value that depends on no differentiated input):
        /// each <c>[Differentiable]</c> call in it is a call of the method itself.
        /// </summary>
        public static Expr CalledForValue(Expr expression) => Rewrite(
            expression,
            e => e is DifferentiableCall call ? new PassiveCall(call.Callee.QualifiedName, call.Callee.Name, call.Arguments, ScalarType.Double,
                IsPure: true) : null);

        /// <summary>The element reads in an expression, its own and its operands'.</summary>
        public static IEnumerable<ElementRead> ElementReads(Expr expression) =>
            (expression is ElementRead read ? new[] { read } : Enumerable.Empty<ElementRead>()).Concat(Operands(expression).SelectMany(ElementReads));

        /// <summary>The names of the variables an expression reads.</summary>
        public static IEnumerable<string> VariablesOf(Expr expression) =>
            expression is Variable variable ? new[] { variable.Name } : Operands(expression).SelectMany(VariablesOf);
    }
}
