using System.Collections.Generic;
using System.Linq;
using Fluxion.Generator.Diagnostics;
using Fluxion.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Fluxion.Generator.Frontend
{
    /// <summary>
    /// LINQ's <c>Sum</c> and <c>Average</c> over an array or span, with or without a selector (<c>w.Sum(v =&gt; v * v)</c>): the loop they
    /// run, written before the statement, adding in the order LINQ adds from 0, so the value is LINQ's bit for bit (but for the sign
    /// of a zero average with a selector, which LINQ starts from the first element).
    /// </summary>
    internal sealed partial class BodyParser
    {
        /// <summary>Whether <paramref name="method"/> is an aggregate this lowers: Enumerable.Sum or Average of doubles.</summary>
        private static bool IsLoweredAggregate(IMethodSymbol method) =>
            method.Name is "Sum" or "Average" && method.ReturnType.SpecialType == SpecialType.System_Double
            && method.ContainingType is { Name: "Enumerable", ContainingNamespace: { Name: "Linq", ContainingNamespace: { Name: "System" } } };

        private Expr? ParseAggregate(IInvocationOperation invocation, IMethodSymbol method)
        {
            string what = "call of '" + method.Name + "'";
            IOperation source = invocation.Arguments[0].Value;
            string? sequence = SequenceName(source) ?? (LocalArrayOf(source) is { } array ? names[array] : null);
            ScalarType? element = KnownSymbols.ToSequence(Unwrap(source).Type) is var (_, type) ? type : null;
            if (sequence is null || element is null)
            {
                return Unsupported(invocation, DiagnosticDescriptors.UnsupportedExpression, what,
                    "Fluxion reads Sum and Average over an array or span of the method, or a local array; write the loop");
            }

            if (embedded is null || IsConditional(invocation))
            {
                return Unsupported(invocation, DiagnosticDescriptors.UnsupportedExpression, what,
                    "its loop runs before the statement, which cannot be done on one side of ?:, && or ||; compute it in a statement of its own");
            }

            IAnonymousFunctionOperation? selector = invocation.Arguments.Length == 2
                ? Unwrap(invocation.Arguments[1].Value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } ? lambda : null
                : null;
            IOperation? selected = OnlyValue(selector?.Body);
            if (invocation.Arguments.Length == 2 && selected is null)
            {
                return Unsupported(invocation.Arguments[1].Value, DiagnosticDescriptors.UnsupportedExpression, "selector",
                    "a selector must be a lambda whose body is one value (v => v * v)");
            }

            var index = new Variable(Fresh("index"), ScalarType.Int32);
            var total = new Variable(Fresh(method.Name == "Sum" ? "sum" : "total"), ScalarType.Double);
            Expr length = new SequenceLength(sequence);
            var zero = new IntegerConstant(0, ScalarType.Int32);
            if (method.Name == "Average")
            {
                // LINQ throws for an empty sequence before it adds anything.
                var empty = new Binary(BinaryOperator.Equal, length, zero, ScalarType.Boolean);
                var text = EquatableArray.Create("throw new global::System.InvalidOperationException(\"Sequence contains no elements\")");
                embedded.Add(new If(empty, EquatableArray.Create<Statement>(new Effect(new EffectCode(text, EquatableArray<Expr>.Empty, Throws: true))),
                    EquatableArray<Statement>.Empty));
            }

            embedded.Add(new Assignment(total.Name, ScalarType.Double, Constant.Zero, Declares: true));
            embedded.Add(new Assignment(index.Name, ScalarType.Int32, zero, Declares: true));
            var body = new List<Statement>();
            Expr read = new ElementRead(sequence, index, element.Value);
            Expr term = read.Type == ScalarType.Double ? read : new NumericConversion(read, ScalarType.Double);
            if (selector is not null)
            {
                IParameterSymbol parameter = selector.Symbol.Parameters[0];
                string name = Fresh(parameter.Name);
                names[parameter] = name;
                body.Add(new Assignment(name, element.Value, read, Declares: true));
                activity.Assign(parameter, IsActiveArgument(source), combinesWithOldValue: false);
                List<Statement>? outer = embedded;
                embedded = body;
                Expr? value = TryParseExpression(selected!);
                embedded = outer;
                if (value is null)
                {
                    return null;
                }

                term = value.Type == ScalarType.Double ? value : new NumericConversion(value, ScalarType.Double);
            }

            body.Add(new Assignment(total.Name, ScalarType.Double, new Binary(BinaryOperator.Add, total, term, ScalarType.Double), Declares: false));
            body.Add(new Assignment(index.Name, ScalarType.Int32, new Binary(BinaryOperator.Add, index, new IntegerConstant(1, ScalarType.Int32),
                ScalarType.Int32), Declares: false));
            embedded.Add(new Loop(new Binary(BinaryOperator.Less, index, length, ScalarType.Boolean), body.ToEquatableArray(), TestsFirst: true));
            return method.Name == "Sum" ? total : new Binary(BinaryOperator.Divide, total, new NumericConversion(length, ScalarType.Double),
                ScalarType.Double);
        }
    }
}
