using System.Collections.Generic;
using System.Linq;
using Fluxion.Generator.Diagnostics;
using Fluxion.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Fluxion.Generator.Frontend
{
    /// <summary>
    /// Statements kept for their effect alone: a call whose value goes unused (<c>Debug.Assert</c>, <c>Console.WriteLine</c>, the
    /// <c>ThrowIf…</c> helpers, a method of the user's) and a throw, also one a conditional's side makes. Every mode runs them where the
    /// method does, so a gradient asserts, logs and throws exactly as the method; none differentiates them. They may read the method's
    /// values but not change them.
    /// </summary>
    internal sealed partial class BodyParser
    {
        private const string EffectAdvice = "a statement kept for its effect (an assertion, a log line, a guard) may read the method's values but not ";

        /// <summary>Parses <paramref name="effect"/>, a call or a throw, into an effect statement; reports what it may not do.</summary>
        private void ParseEffect(IOperation effect, List<Statement> target)
        {
            if (EffectProblem(effect) is var (at, what, why))
            {
                Unsupported(at, DiagnosticDescriptors.UnsupportedStatement, what, why);
                return;
            }

            var holes = new Dictionary<SyntaxNode, Expr>();
            var literals = new Dictionary<SyntaxNode, string>();
            foreach (IOperation operation in effect.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case ILocalReferenceOperation { Local.IsConst: true } constant:
                        AddConstant(constant, holes, literals);
                        break;
                    case INameOfOperation name when name.ConstantValue is { HasValue: true, Value: string text }:
                        literals[name.Syntax] = SymbolDisplay.FormatLiteral(text, quote: true);
                        break;
                    case ILocalReferenceOperation local when names.TryGetValue(local.Local, out string? localName):
                        if (localArrays.ContainsKey(local.Local))
                        {
                            holes[local.Syntax] = new SequenceArgument(localName);
                        }
                        else if (KnownSymbols.ToScalarType(local.Type) is { } localType)
                        {
                            holes[local.Syntax] = new Variable(localName, localType);
                        }
                        else
                        {
                            // A local of a type the method cannot have (a string): its declaration is reported already.
                            return;
                        }

                        break;
                    case IParameterReferenceOperation parameter when names.TryGetValue(parameter.Parameter, out string? parameterName):
                        if (KnownSymbols.ToScalarType(parameter.Type) is { } type)
                        {
                            holes[parameter.Syntax] = new Variable(parameterName, type);
                        }
                        else if (KnownSymbols.ToSequence(parameter.Type) is not null)
                        {
                            holes[parameter.Syntax] = new SequenceArgument(parameterName);
                        }
                        else
                        {
                            // A parameter of another type keeps its name in every generated method.
                            literals[parameter.Syntax] = Identifiers.Identifier(parameterName);
                        }

                        break;
                }
            }

            var writer = new EffectWriter(effect, holes, literals);
            EffectCode code = writer.Write();
            WritesLineNumbers |= writer.WritesLineNumber;
            bool nullableOff = effect.Syntax.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp8 }
                && effect.SemanticModel?.GetNullableContext(effect.Syntax.SpanStart).WarningsEnabled() == false;
            target.Add(new Effect(code with { Suppressed = SuppressedWarnings(effect).ToEquatableArray(), NullableWarningsOff = nullableOff }));
        }

        /// <summary>
        /// The warnings an effect's obsolete or experimental members give in the generated file: its site was allowed them (a pragma, an
        /// obsolete method around it), or reports them itself.
        /// </summary>
        private static List<string> SuppressedWarnings(IOperation effect)
        {
            var warnings = new SortedSet<string>(System.StringComparer.Ordinal);
            foreach (ISymbol member in EffectOperations(effect).Select(ReferencedMember).Where(member => member is not null)!)
            {
                for (ISymbol? symbol = member; symbol is not null; symbol = symbol.ContainingType)
                {
                    foreach (AttributeData attribute in symbol.GetAttributes())
                    {
                        switch (attribute.AttributeClass?.ToDisplayString())
                        {
                            case "System.ObsoleteAttribute":
                                warnings.Add("CS0612");
                                warnings.Add("CS0618");
                                break;
                            case "System.Diagnostics.CodeAnalysis.ExperimentalAttribute" when attribute.ConstructorArguments.Length == 1
                                && attribute.ConstructorArguments[0].Value is string id:
                                warnings.Add(id);
                                break;
                        }
                    }
                }
            }

            return warnings.ToList();
        }

        /// <summary>A const local read by an effect: its value, since the generated method does not declare it.</summary>
        private static void AddConstant(ILocalReferenceOperation constant, Dictionary<SyntaxNode, Expr> holes, Dictionary<SyntaxNode, string> literals)
        {
            object? value = constant.Local.ConstantValue;
            if (FoldConstant(value, constant.Type) is { } folded)
            {
                holes[constant.Syntax] = folded;
                return;
            }

            if (constant.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
            {
                // The member with that value, by name: the enum's type and its name survive (a log line prints "Slow", not 1).
                string type = enumType.ToDisplayString(KnownSymbols.QualifiedFormat);
                literals[constant.Syntax] = enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue,
                    value)) is { } member ? type + "." + Identifiers.Identifier(member.Name)
                    : "((" + type + ")" + SymbolDisplay.FormatPrimitive(value!, quoteStrings: false, useHexadecimalNumbers: false) + ")";
                return;
            }

            string suffix = constant.Type?.SpecialType switch
            {
                SpecialType.System_Single => "F",
                SpecialType.System_Decimal => "M",
                _ => string.Empty,
            };
            literals[constant.Syntax] = value is null ? "null" : SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false)
                + suffix;
        }

        /// <summary>What keeps <paramref name="effect"/> from running as written: where, what and why; null when nothing does.</summary>
        private (IOperation At, string What, string Why)? EffectProblem(IOperation effect)
        {
            foreach (IOperation operation in EffectOperations(effect))
            {
                switch (operation)
                {
                    case var _ when ReferencedMember(operation) is { } member && KnownSymbols.IsInFileLocalType(member):
                        return (operation, "use of '" + member.Name + "'", "it belongs to a file-local type, which the generated file cannot name");
                    case IInvocationOperation { Instance: { Type: { } receiver } } call when !IsMemberOf(call.TargetMethod.ContainingType, receiver):
                        return (call, "call of '" + call.TargetMethod.Name + "'", "call the extension member as a static method");
                    case IPropertyReferenceOperation { Instance: { Type: { } owner } } property when !IsMemberOf(property.Property.ContainingType, owner):
                        return (property, "use of '" + property.Property.Name + "'", "read the extension property through its static form");
                    case IAnonymousFunctionOperation or IDelegateCreationOperation or ILocalFunctionOperation:
                        return (operation, "lambda", EffectAdvice + "declare lambdas; write the check with a loop before it");
                    case IDeclarationExpressionOperation or IDeclarationPatternOperation { DeclaredSymbol: not null } or IVariableDeclaratorOperation:
                        return (operation, "declaration", EffectAdvice + "declare variables; declare them in statements of their own");
                    case ISimpleAssignmentOperation or ICompoundAssignmentOperation or IIncrementOrDecrementOperation or IDeconstructionAssignmentOperation
                        or ICoalesceAssignmentOperation when WrittenVariable(operation) is { } written:
                        return (operation, "write to '" + written + "'", EffectAdvice + "change them; assign in a statement of its own");
                    case IArgumentOperation { Parameter.RefKind: not RefKind.None } argument when WrittenVariable(argument.Value) is { } passed:
                        return (argument, "'" + passed + "' passed by reference", EffectAdvice + "change them; pass a copy");
                    case IInvocationOperation { TargetMethod.IsExtensionMethod: true, Syntax: InvocationExpressionSyntax { Expression: not
                        (MemberAccessExpressionSyntax or SimpleNameSyntax) } } extension:
                        return (extension, "call of '" + extension.TargetMethod.Name + "'", "call the extension method as a static method");
                    case ILocalReferenceOperation or IParameterReferenceOperation when SequenceVariable(operation) is { } sequence
                        && !IsReadOnlyUse(operation):
                        return (operation, "array '" + sequence + "' passed on", EffectAdvice
                            + "change them, and a method given the array itself could; pass it as a ReadOnlySpan or an IEnumerable");
                }
            }

            return null;
        }

        /// <summary>The operations of an effect, without what <c>nameof</c> names (which it only names).</summary>
        private static IEnumerable<IOperation> EffectOperations(IOperation effect)
        {
            var pending = new Stack<IOperation>();
            pending.Push(effect);
            while (pending.Count > 0)
            {
                IOperation operation = pending.Pop();
                yield return operation;
                if (operation is not INameOfOperation)
                {
                    foreach (IOperation child in operation.ChildOperations.Reverse())
                    {
                        pending.Push(child);
                    }
                }
            }
        }

        private static ISymbol? ReferencedMember(IOperation operation) => operation switch
        {
            IInvocationOperation call => call.TargetMethod,
            IMemberReferenceOperation member => member.Member,
            IObjectCreationOperation creation => creation.Type,
            ITypeOfOperation type => type.TypeOperand,
            _ => null,
        };

        /// <summary>True when <paramref name="container"/> declares members of <paramref name="receiver"/>: its type, a base type or an interface.</summary>
        private static bool IsMemberOf(ITypeSymbol container, ITypeSymbol receiver)
        {
            for (ITypeSymbol? type = receiver; type is not null; type = type.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, container.OriginalDefinition))
                {
                    return true;
                }
            }

            return container.SpecialType == SpecialType.System_Object || container.SpecialType == SpecialType.System_ValueType
                || receiver.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, container.OriginalDefinition))
                || (receiver is IArrayTypeSymbol && container.SpecialType == SpecialType.System_Array);
        }

        /// <summary>The method's local, parameter or array that a write or a by-reference argument changes; null for anything else.</summary>
        private string? WrittenVariable(IOperation operation)
        {
            IOperation? written = operation switch
            {
                IAssignmentOperation assignment => assignment.Target,
                IIncrementOrDecrementOperation increment => increment.Target,
                _ => operation,
            };
            written = written switch
            {
                IArrayElementReferenceOperation element => element.ArrayReference,
                IPropertyReferenceOperation { Property.IsIndexer: true } indexer => indexer.Instance,
                _ => written,
            };
            return Unwrap(written!) switch
            {
                ILocalReferenceOperation local when names.ContainsKey(local.Local) => local.Local.Name,
                IParameterReferenceOperation parameter when names.ContainsKey(parameter.Parameter) => parameter.Parameter.Name,
                ITupleOperation tuple => tuple.Elements.Select(WrittenVariable).FirstOrDefault(name => name is not null),
                _ => null,
            };
        }

        private static bool IsReadOnlySpan(ITypeSymbol? type) =>
            type is INamedTypeSymbol span && span.OriginalDefinition.ToDisplayString() == "System.ReadOnlySpan<T>";

        /// <summary>The name of the method's local array, or array or span parameter, that <paramref name="reference"/> reads whole.</summary>
        private string? SequenceVariable(IOperation reference) => reference switch
        {
            ILocalReferenceOperation local when localArrays.ContainsKey(local.Local) => local.Local.Name,
            IParameterReferenceOperation parameter when names.ContainsKey(parameter.Parameter) && KnownSymbols.ToSequence(parameter.Type) is not null
                => parameter.Parameter.Name,
            _ => null,
        };

        /// <summary>
        /// True when a whole array is only read where it is used: its length or an element taken, or converted to a read-only view
        /// (<c>ReadOnlySpan</c>, <c>IEnumerable</c>, <c>IReadOnlyList</c>, <c>IReadOnlyCollection</c>), as a string formatter or LINQ takes it.
        /// </summary>
        private static bool IsReadOnlyUse(IOperation reference) => IsReadOnlySpan(reference.Type) || reference.Parent switch
        {
            // Object's own members, and the System namespace's methods taking an object (ThrowIfNull), never write an array.
            IInvocationOperation { TargetMethod.ContainingType.SpecialType: SpecialType.System_Object } => true,
            IConversionOperation { Type.SpecialType: SpecialType.System_Object, Parent: IArgumentOperation { Parent: IInvocationOperation call } }
                => KnownSymbols.IsInSystem(call.TargetMethod.ContainingType),
            IArrayElementReferenceOperation element => element.ArrayReference == reference,
            IPropertyReferenceOperation { Property.Name: "Length" or "IsEmpty" } or IPropertyReferenceOperation { Property.IsIndexer: true } => true,
            IArgumentOperation { Parameter.Type: var parameterType } => IsReadOnlySpan(parameterType),
            IConversionOperation { Type: INamedTypeSymbol target } => target.OriginalDefinition.ToDisplayString() is "System.ReadOnlySpan<T>"
                or "System.Collections.Generic.IEnumerable<T>" or "System.Collections.Generic.IReadOnlyList<T>"
                or "System.Collections.Generic.IReadOnlyCollection<T>",
            _ => false,
        };
    }
}
