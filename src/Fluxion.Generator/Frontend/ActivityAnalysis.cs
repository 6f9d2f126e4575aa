using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Fluxion.Generator.Frontend
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

        /// <summary>True when <paramref name="sequence"/> is an array or span parameter that gets a gradient.</summary>
        public bool IsActiveSequence(IParameterSymbol sequence) => KnownSymbols.ToSequence(sequence.Type) is not null && active.Contains(sequence);

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

        /// <summary>True when an element of the local array <paramref name="array"/> may hold an active value.</summary>
        public bool IsActiveArray(ILocalSymbol array) => active.Contains(array);

        /// <summary>Records a write to an element of a local array: the array is active once any element holds an active value.</summary>
        public void AssignElement(ILocalSymbol array, bool valueIsActive)
        {
            if (valueIsActive)
            {
                active.Add(array);
            }
        }

        /// <summary>
        /// Marks active every local or parameter that one of <paramref name="operations"/> assigns an active value
        /// (never the reverse): one round of the fixed point that finds what is active at the top of a loop.
        /// </summary>
        public void AssignAll(IEnumerable<IOperation> operations)
        {
            foreach (IOperation operation in operations)
            {
                if (operation is IForEachLoopOperation { LoopControlVariable: IVariableDeclaratorOperation element } forEach
                    && element.Symbol.Type.SpecialType == SpecialType.System_Double && IsActiveCollection(forEach.Collection))
                {
                    // The element of a foreach over a differentiated array is assigned no IAssignmentOperation, yet it is active.
                    active.Add(element.Symbol);
                    continue;
                }

                if (operation is IVariableDeclaratorOperation { Initializer.Value: IArrayCreationOperation { Initializer: { } elements } } declaration
                    && elements.ElementValues.Any(IsActive))
                {
                    // A local array initialized with differentiated elements ({ x, 1.0 }): its initializer is not a double.
                    active.Add(declaration.Symbol);
                    continue;
                }

                if (operation is IDeconstructionAssignmentOperation deconstruction)
                {
                    foreach ((IOperation assigned, IOperation assignedValue) in Deconstructed(deconstruction) ?? Array.Empty<(IOperation, IOperation)>())
                    {
                        if (assigned is ILocalReferenceOperation { Local: var local } && IsActive(assignedValue))
                        {
                            active.Add(local);
                        }
                        else if (assigned is IParameterReferenceOperation { Parameter: var parameter } && IsActive(assignedValue))
                        {
                            active.Add(parameter);
                        }
                    }

                    continue;
                }

                (ISymbol? target, IOperation? value) = operation switch
                {
                    IVariableDeclaratorOperation { Initializer: { } initializer } declarator => ((ISymbol?)declarator.Symbol, initializer.Value),
                    IAssignmentOperation { Target: ILocalReferenceOperation local } assignment => (local.Local, assignment.Value),
                    IAssignmentOperation { Target: IParameterReferenceOperation parameter } assignment => (parameter.Parameter, assignment.Value),
                    IAssignmentOperation { Target: IArrayElementReferenceOperation { ArrayReference: ILocalReferenceOperation array } } assignment
                        => (array.Local, assignment.Value),
                    _ => (null, null),
                };
                if (target is not null && value is not null && IsActive(value))
                {
                    active.Add(target);
                }
            }
        }

        /// <summary>
        /// The variables of <c>(a, b) = (x, y)</c> or <c>var (a, b) = (x, y)</c> paired with their values, in order (a declared variable or a
        /// discard as its reference); null when either side is not a flat tuple of the same length.
        /// </summary>
        public static IReadOnlyList<(IOperation Target, IOperation Value)>? Deconstructed(IDeconstructionAssignmentOperation deconstruction)
        {
            IOperation left = deconstruction.Target is IDeclarationExpressionOperation declaration ? declaration.Expression : deconstruction.Target;
            IOperation right = deconstruction.Value;
            while (right is IConversionOperation conversion)
            {
                right = conversion.Operand;
            }

            if (left is not ITupleOperation targets || right is not ITupleOperation values || targets.Elements.Length != values.Elements.Length)
            {
                return null;
            }

            return targets.Elements.Select((element, i) => (element is IDeclarationExpressionOperation declared ? declared.Expression : element,
                values.Elements[i])).ToList();
        }

        /// <summary>True when <paramref name="collection"/> is an array or span parameter, or a local array, that is active here.</summary>
        private bool IsActiveCollection(IOperation collection)
        {
            while (collection is IConversionOperation conversion)
            {
                collection = conversion.Operand;
            }

            return collection switch
            {
                IParameterReferenceOperation parameter => active.Contains(parameter.Parameter),
                ILocalReferenceOperation local => active.Contains(local.Local),
                _ => false,
            };
        }

        /// <summary>Saves which variables are active, to parse both branches of an if from the same state.</summary>
        public State Save() => new State(new HashSet<ISymbol>(active, SymbolEqualityComparer.Default));

        public void Restore(State state)
        {
            active.Clear();
            active.UnionWith(state.Active);
        }

        private bool ReferencesActive(IOperation operation)
        {
            switch (operation)
            {
                case IConditionalOperation conditional:
                    // The condition only picks a value; the value carries the derivative.
                    return ReferencesActive(conditional.WhenTrue) || (conditional.WhenFalse is { } whenFalse && ReferencesActive(whenFalse));
                case ISwitchExpressionOperation choice:
                    // Likewise the value switched on only picks an arm.
                    return choice.Arms.Any(arm => ReferencesActive(arm.Value));
                case IConversionOperation conversion when KnownSymbols.ToSequence(conversion.Type) is not null:
                    // An array passed where a span is taken (double[] to ReadOnlySpan<double>) carries the array's derivatives.
                    return ReferencesActive(conversion.Operand);
                case { Type: { } type } when type.SpecialType != SpecialType.System_Double
                    && operation is not (ILocalReferenceOperation or IParameterReferenceOperation):
                    // Only doubles carry derivatives: a bool, an integer index or a length does not.
                    return false;
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
    
        /// <summary>The active variables at one point of the method.</summary>
        public sealed class State
        {
            public State(HashSet<ISymbol> active) => Active = active;

            public HashSet<ISymbol> Active { get; }

            /// <summary>After an if whose branches both fall through: active if active on either path.</summary>
            public static State Union(State first, State second)
            {
                var union = new HashSet<ISymbol>(first.Active, SymbolEqualityComparer.Default);
                union.UnionWith(second.Active);
                return new State(union);
            }
        }
    }
}
