using System.Collections.Generic;
using System.Linq;
using Fluxion.Generator.Diagnostics;
using Fluxion.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Fluxion.Generator.Frontend
{
    /// <summary>
    /// Local functions whose body is one value (<c>double Sq(double v) =&gt; v * v;</c>, or a block that only returns it), inlined
    /// where they are called: each argument is computed once into a local before the statement, in order, and the body reads those
    /// locals and, as the call would, the method's own variables it captures.
    /// </summary>
    internal sealed partial class BodyParser
    {
        /// <summary>The local functions being inlined, innermost last: one that calls itself is reported rather than expanded forever.</summary>
        private readonly List<IMethodSymbol> inlining = new List<IMethodSymbol>();

        private Expr? ParseLocalFunctionCall(IInvocationOperation invocation, IMethodSymbol function)
        {
            string what = "call of local function '" + function.Name + "'";
            if (LocalFunctionValue(invocation, function) is not { } value)
            {
                return Unsupported(invocation, DiagnosticDescriptors.UnsupportedExpression, what,
                    "only a local function whose body is one value (=> value, or { return value; }) can be differentiated; make it a static "
                    + "method marked [Differentiable]");
            }

            if (inlining.Any(f => SymbolEqualityComparer.Default.Equals(f, function)))
            {
                return Unsupported(invocation, DiagnosticDescriptors.UnsupportedExpression, what, "it calls itself; make it a static method");
            }

            if (embedded is null || IsConditional(invocation))
            {
                return Unsupported(invocation, DiagnosticDescriptors.UnsupportedExpression, what,
                    "its arguments are computed before the statement, which cannot be done on one side of ?:, && or ||; call it in a statement of its own");
            }

            var arguments = invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).ToList();
            if (arguments.Any(a => a.Parameter is null || a.Parameter.RefKind != RefKind.None || KnownSymbols.ToScalarType(a.Parameter.Type) is null))
            {
                return Unsupported(invocation, DiagnosticDescriptors.UnsupportedExpression, what, "its parameters must be doubles, integers or bools");
            }

            foreach (IArgumentOperation argument in arguments)
            {
                if (ParseValue(argument.Value, embedded) is not { } argumentValue)
                {
                    return null;
                }

                IParameterSymbol parameter = argument.Parameter!;
                string name = Fresh(parameter.Name);
                names[parameter] = name;
                embedded.Add(new Assignment(name, KnownSymbols.ToScalarType(parameter.Type)!.Value, argumentValue, Declares: true));
                activity.Assign(parameter, activity.IsActive(argument.Value), combinesWithOldValue: false);
            }

            inlining.Add(function);
            try
            {
                return TryParseExpression(value);
            }
            finally
            {
                inlining.RemoveAt(inlining.Count - 1);
            }
        }

        /// <summary>The one value a local function's body computes; null when its body does more.</summary>
        private static IOperation? LocalFunctionValue(IInvocationOperation invocation, IMethodSymbol function)
        {
            SyntaxNode? declaration = function.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
            if (declaration is null || invocation.SemanticModel?.GetOperation(declaration) is not ILocalFunctionOperation local)
            {
                return null;
            }

            return OnlyValue(local.Body ?? local.IgnoredBody);
        }

        /// <summary>The value a body of one return computes (a lambda's or a local function's); null for any other body.</summary>
        private static IOperation? OnlyValue(IBlockOperation? body) =>
            body is { Operations.Length: 1 } && body.Operations[0] is IReturnOperation { ReturnedValue: { } value } ? value : null;
    }
}
