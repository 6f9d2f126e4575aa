using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Fluxion.Generator.Parsing
{
    /// <summary>
    /// Tracks, statement by statement, which locals and parameters hold a value that depends on a
    /// differentiated parameter. The parser asks it which calls need a derivative: a call none of
    /// whose arguments is active at that point is a constant, whatever the variables hold elsewhere.
    /// </summary>
    internal sealed class ActivityAnalysis
    {
        private readonly HashSet<ISymbol> active = new HashSet<ISymbol>(SymbolEqualityComparer.Default);

        public ActivityAnalysis(IEnumerable<IParameterSymbol> differentiableParameters)
        {
            foreach (IParameterSymbol parameter in differentiableParameters)
            {
                active.Add(parameter);
            }
        }

        /// <summary>True when <paramref name="operation"/> is a double that depends on a differentiated parameter here.</summary>
        public bool IsActive(IOperation operation) =>
            operation.Type?.SpecialType == SpecialType.System_Double
            && !operation.ConstantValue.HasValue
            && ReferencesActive(operation);

        /// <summary>Records an assignment; a compound assignment also keeps what the target held.</summary>
        public void Assign(ISymbol target, bool valueIsActive, bool combinesWithOldValue)
        {
            if (valueIsActive || (combinesWithOldValue && active.Contains(target)))
            {
                active.Add(target);
            }
            else
            {
                active.Remove(target);
            }
        }

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
    }
}
