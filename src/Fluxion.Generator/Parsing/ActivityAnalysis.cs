using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Fluxion.Generator.Parsing
{
    /// <summary>
    /// Finds the locals and parameters whose value can depend on a differentiated parameter
    /// (flow-insensitive, so it over-approximates). The parser uses it to decide which calls
    /// need a derivative: a call none of whose arguments is active is a constant.
    /// </summary>
    internal sealed class ActivityAnalysis
    {
        private readonly HashSet<ISymbol> active = new HashSet<ISymbol>(SymbolEqualityComparer.Default);

        public ActivityAnalysis(IOperation body, IEnumerable<IParameterSymbol> differentiableParameters)
        {
            foreach (IParameterSymbol parameter in differentiableParameters)
            {
                active.Add(parameter);
            }

            var writes = CollectWrites(body).ToList();
            bool changed = true;
            while (changed)
            {
                changed = false;
                foreach ((ISymbol target, IOperation value) in writes)
                {
                    if (!active.Contains(target) && IsActive(value))
                    {
                        active.Add(target);
                        changed = true;
                    }
                }
            }
        }

        /// <summary>True when <paramref name="operation"/> is a double that can depend on a differentiated parameter.</summary>
        public bool IsActive(IOperation operation) =>
            operation.Type?.SpecialType == SpecialType.System_Double
            && !operation.ConstantValue.HasValue
            && ReferencesActive(operation);

        private bool ReferencesActive(IOperation operation)
        {
            switch (operation)
            {
                case ILocalReferenceOperation local:
                    return active.Contains(local.Local);
                case IParameterReferenceOperation parameter:
                    return active.Contains(parameter.Parameter);
                case IConversionOperation conversion when conversion.Type?.SpecialType != SpecialType.System_Double:
                    // An integer (or other) result carries no derivative.
                    return false;
                case IInvocationOperation invocation when invocation.Type?.SpecialType != SpecialType.System_Double:
                    return false;
                default:
                    return operation.ChildOperations.Any(ReferencesActive);
            }
        }

        private static IEnumerable<(ISymbol Target, IOperation Value)> CollectWrites(IOperation body)
        {
            foreach (IOperation operation in body.Descendants())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when declarator.Initializer is not null:
                        yield return (declarator.Symbol, declarator.Initializer.Value);
                        break;
                    case IAssignmentOperation assignment when Target(assignment.Target) is { } target:
                        // For compound assignments the value combines with the old one, which is the target itself.
                        yield return (target, assignment.Value);
                        break;
                }
            }
        }

        private static ISymbol? Target(IOperation target) => target switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
    }
}
