using System.Linq;
using Fluxion.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Fluxion.Generator.Frontend
{
    /// <summary>Questions the parser asks about types and symbols.</summary>
    internal static class KnownSymbols
    {
        public const string DifferentiableAttributeName = "Fluxion.DifferentiableAttribute";

        public static readonly SymbolDisplayFormat QualifiedFormat = SymbolDisplayFormat.FullyQualifiedFormat;

        /// <summary>Maps a type to the intermediate form's scalar types; null when the type is not one of them.</summary>
        public static ScalarType? ToScalarType(ITypeSymbol? type) => type?.SpecialType switch
        {
            SpecialType.System_Double => ScalarType.Double,
            SpecialType.System_Int32 => ScalarType.Int32,
            SpecialType.System_Int64 => ScalarType.Int64,
            SpecialType.System_Int16 => ScalarType.Int16,
            SpecialType.System_UInt16 => ScalarType.UInt16,
            SpecialType.System_UInt32 => ScalarType.UInt32,
            SpecialType.System_UInt64 => ScalarType.UInt64,
            SpecialType.System_Byte => ScalarType.Byte,
            SpecialType.System_SByte => ScalarType.SByte,
            SpecialType.System_Boolean => ScalarType.Boolean,
            _ => null,
        };

        /// <summary>True when the member or one of its containing types is file-local (<c>file class</c>): the generated file cannot name it.</summary>
        public static bool IsInFileLocalType(ISymbol member)
        {
            for (INamedTypeSymbol? type = member as INamedTypeSymbol ?? member.ContainingType; type is not null; type = type.ContainingType)
            {
                if (type.IsFileLocal)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>For <c>double[]</c>, <c>ReadOnlySpan&lt;double&gt;</c>, <c>Span&lt;double&gt;</c> (and of integers): how it is passed and its
        /// element type.</summary>
        public static (SequenceKind Kind, ScalarType Element)? ToSequence(ITypeSymbol? type)
        {
            switch (type)
            {
                case IArrayTypeSymbol { Rank: 1 } array when ToScalarType(array.ElementType) is { } element && element != ScalarType.Boolean:
                    return (SequenceKind.Array, element);
                case INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } span
                    when IsInSystem(span) && (span.Name == "Span" || span.Name == "ReadOnlySpan")
                    && ToScalarType(span.TypeArguments[0]) is { } spanElement && spanElement != ScalarType.Boolean:
                    return (span.Name == "Span" ? SequenceKind.Span : SequenceKind.ReadOnlySpan, spanElement);
                default:
                    return null;
            }
        }

        /// <summary>True for a double, or a double array or span: the parameters that can get a gradient.</summary>
        public static bool CanBeDifferentiated(ITypeSymbol type) =>
            type.SpecialType == SpecialType.System_Double || ToSequence(type) is (_, ScalarType.Double);

        public static AttributeData? FindDifferentiableAttribute(ISymbol symbol) => symbol.GetAttributes().FirstOrDefault(IsDifferentiableAttribute);

        public static bool IsDifferentiableAttribute(AttributeData attribute) =>
            attribute.AttributeClass is { Name: "DifferentiableAttribute", ContainingType: null,
                ContainingNamespace: { Name: "Fluxion", ContainingNamespace.IsGlobalNamespace: true } };

        /// <summary>True for a type of the System namespace (compared without building its name: this runs on every keystroke).</summary>
        public static bool IsInSystem(ITypeSymbol type) =>
            type.ContainingType is null && type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true };

        /// <summary>True for <c>Fluxion.Gradient.Stop</c>, whose argument is a constant for differentiation.</summary>
        public static bool IsStopGradient(IMethodSymbol method) =>
            method.Name == "Stop" && method.Parameters.Length == 1 && method.ContainingType is { Name: "Gradient", ContainingType: null,
                ContainingNamespace: { Name: "Fluxion", ContainingNamespace.IsGlobalNamespace: true } };

        /// <summary>System.Math, or double's own static math (double.Sin).</summary>
        public static bool IsMathType(ITypeSymbol type) =>
            type.SpecialType == SpecialType.System_Double || (type.Name == "Math" && IsInSystem(type));

        /// <summary>True for members whose value changes from call to call (random numbers, clocks, new identifiers).</summary>
        public static bool IsNonDeterministic(ISymbol member)
        {
            if ((member as ITypeSymbol ?? member.ContainingType) is not { } type)
            {
                return false;
            }

            if (!IsInSystem(type))
            {
                // Stopwatch and RandomNumberGenerator live deeper; only then is the name worth building.
                string name = type.ToDisplayString();
                return name == "System.Diagnostics.Stopwatch" || name == "System.Security.Cryptography.RandomNumberGenerator";
            }

            switch (type.Name)
            {
                case "Random":
                    return true;
                case "Guid":
                    return member.Name == "NewGuid" || member.Name == "CreateVersion7";
                case "DateTime":
                case "DateTimeOffset":
                    return member.Name == "Now" || member.Name == "UtcNow" || member.Name == "Today";
                case "Environment":
                    return member.Name == "TickCount" || member.Name == "TickCount64";
                default:
                    return false;
            }
        }

        /// <summary>
        /// True for methods that read or rebuild a value's bits (BitConverter, Unsafe, MemoryMarshal): a double rebuilt from the bits
        /// of a differentiated one depends on it, though the integer in between looks like a constant.
        /// </summary>
        public static bool ReinterpretsBits(IMethodSymbol method) =>
            (IsInSystem(method.ContainingType) && method.ContainingType.Name == "BitConverter")
            || method.ContainingType.ToDisplayString() is "System.Runtime.CompilerServices.Unsafe" or "System.Runtime.InteropServices.MemoryMarshal";

        /// <summary>The names of the parameters that <c>[Differentiable(...)]</c> lists; empty when it lists none.</summary>
        public static string[] ListedParameterNames(AttributeData attribute)
        {
            if (attribute.ConstructorArguments.Length != 1)
            {
                return new string[0];
            }

            TypedConstant argument = attribute.ConstructorArguments[0];
            if (argument.IsNull)
            {
                return new string[0];
            }

            return argument.Kind == TypedConstantKind.Array
                ? argument.Values.Select(v => v.Value as string ?? string.Empty).ToArray()
                : new[] { argument.Value as string ?? string.Empty };
        }

        /// <summary>The <c>Derivatives</c> the attribute asks for (<see cref="DerivativeKinds.Gradient"/> when it is left at its default).</summary>
        /// <summary>How the attribute names a parameter's derivative parameters: prefix + name + suffix (<c>dx</c> unless it says otherwise).</summary>
        public static (string Prefix, string Suffix) DerivativeNaming(AttributeData attribute)
        {
            string prefix = "d";
            string suffix = string.Empty;
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "DerivativePrefix" && named.Value.Value is string givenPrefix)
                {
                    prefix = givenPrefix;
                }
                else if (named.Key == "DerivativeSuffix" && named.Value.Value is string givenSuffix)
                {
                    suffix = givenSuffix;
                }
            }

            return (prefix, suffix);
        }

        /// <summary>The name the generated methods give the derivative parameter of <paramref name="parameter"/>.</summary>
        public static string DerivativeName(AttributeData attribute, string parameter)
        {
            (string prefix, string suffix) = DerivativeNaming(attribute);
            return prefix + parameter + suffix;
        }

        public static DerivativeKinds RequestedDerivatives(AttributeData attribute)
        {
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == DerivativesProperty && named.Value.Value is int value)
                {
                    return (DerivativeKinds)value;
                }
            }

            return DerivativeKinds.Gradient;
        }

        /// <summary>The syntax of the attribute's <c>Derivatives = …</c> argument, null when it is left at its default (read only to report on it).</summary>
        public static AttributeArgumentSyntax? DerivativesArgument(AttributeData attribute) =>
            ((attribute.ApplicationSyntaxReference?.GetSyntax() as AttributeSyntax)?.ArgumentList?.Arguments)?
                .FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == DerivativesProperty);

        private const string DerivativesProperty = "Derivatives";

        /// <summary>Whether each parameter of <paramref name="method"/> gets a gradient output (a vector-valued method's output never does).</summary>
        public static bool[] DifferentiableParameters(IMethodSymbol method, AttributeData attribute)
        {
            string[] listed = ListedParameterNames(attribute);
            IParameterSymbol? output = OutputParameter(method);
            return method.Parameters
                .Select(p => CanBeDifferentiated(p.Type) && (listed.Length == 0 || listed.Contains(p.Name))
                    && !SymbolEqualityComparer.Default.Equals(p, output))
                .ToArray();
        }

        /// <summary>
        /// The parameter a vector-valued method writes its outputs to: the last one of a <c>void</c> method, when it is a
        /// <c>Span&lt;double&gt;</c> passed by value. Null for any other method.
        /// </summary>
        public static IParameterSymbol? OutputParameter(IMethodSymbol method) =>
            method.ReturnsVoid && method.Parameters.Length > 0 && method.Parameters[method.Parameters.Length - 1] is { RefKind: RefKind.None } last
            && ToSequence(last.Type) is (SequenceKind.Span, ScalarType.Double) ? last : null;
    }
}
