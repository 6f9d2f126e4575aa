using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Fluxion.Generator.Diagnostics;
using Fluxion.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Fluxion.Generator.Frontend
{
    /// <summary>The first stage: a <c>[Differentiable]</c> method's symbol and syntax in, a <see cref="MethodModel"/> or diagnostics out.</summary>
    internal static class MethodParser
    {
        /// <param name="node">The declaration that carries the attribute.</param>
        /// <param name="attributes">Its <c>[Differentiable]</c> attributes (at most one compiles).</param>
        public static ParseResult Parse(SyntaxNode node, ISymbol? symbol, SemanticModel semanticModel, ImmutableArray<AttributeData> attributes,
            CancellationToken cancellationToken)
        {
            if (node is LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax && symbol is IMethodSymbol local)
            {
                Location where = node is LocalFunctionStatementSyntax function ? function.Identifier.GetLocation() : node.GetLocation();
                var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedMethodShape, where, local.Name,
                    "local functions and lambdas cannot be differentiated; make it a static method of a partial type");
                return new ParseResult(null, EquatableArray.Create(diagnostic));
            }

            // A member of a type the compiler made up for code it rejects (<invalid-global-code>) is the compiler's to report.
            if (symbol is IMethodSymbol { ContainingType.IsImplicitlyDeclared: true })
            {
                return ParseResult.Nothing;
            }

            if (symbol is IMethodSymbol member && UnsupportedMember(node, member) is string why && !attributes.IsEmpty)
            {
                Location attribute = attributes[0].ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? Location.None;
                var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedMethodShape, attribute,
                    member.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat), why);
                return new ParseResult(null, EquatableArray.Create(diagnostic));
            }

            if (symbol is not IMethodSymbol method || node is not MethodDeclarationSyntax syntax || attributes.IsEmpty)
            {
                return ParseResult.Nothing;
            }

            try
            {
                return Parse(semanticModel, method, syntax, attributes[0], cancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception exception)
            {
                var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, syntax.Identifier.GetLocation(), method.Name,
                    exception.GetType().Name + ": " + exception.Message);
                return new ParseResult(null, EquatableArray.Create(diagnostic));
            }
        }

        private static ParseResult Parse(SemanticModel semanticModel, IMethodSymbol method, MethodDeclarationSyntax syntax, AttributeData attribute,
            CancellationToken cancellationToken)
        {
            // Code the compiler rejects is the compiler's to report; a half-typed method gets no noise from us. Asking the compiler for
            // the body's errors binds it a second time (two thirds of the parse), so it is asked only before reporting something.
            if (syntax.ContainsDiagnostics || IsDuplicateDefinition(method) || HasUnresolvedTypes(method))
            {
                return ParseResult.Rejected(KeyOf(method));
            }

            List<DiagnosticInfo> diagnostics = SignatureChecks.Check(method, attribute);
            if (diagnostics.Count > 0)
            {
                return BodyHasErrors(semanticModel, syntax, cancellationToken) ? ParseResult.Rejected(KeyOf(method))
                    : new ParseResult(null, diagnostics.ToEquatableArray());
            }

            if (semanticModel.GetOperation(syntax, cancellationToken) is not IMethodBodyOperation body)
            {
                return ParseResult.Rejected(KeyOf(method));
            }

            // A path that falls off the end of a method with a value is the compiler's error (CS0161), not in the operations.
            if (!method.ReturnsVoid && syntax.Body is { } blockBody
                && semanticModel.AnalyzeControlFlow(blockBody) is { Succeeded: true, EndPointIsReachable: true })
            {
                return ParseResult.Rejected(KeyOf(method));
            }

            IBlockOperation? block = body.BlockBody ?? body.ExpressionBody;
            if (block is null)
            {
                return ParseResult.Nothing;
            }

            bool[] differentiable = KnownSymbols.DifferentiableParameters(method, attribute);
            // A vector-valued method's outputs depend on its inputs: reading one back reads a differentiated value.
            IParameterSymbol? output = KnownSymbols.OutputParameter(method);
            var activity = new ActivityAnalysis(method.Parameters.Where(p => differentiable[p.Ordinal] || SymbolEqualityComparer.Default.Equals(p, output)));
            DerivativeKinds requested = KnownSymbols.RequestedDerivatives(attribute);
            var parser = new BodyParser(semanticModel.Compilation, method, requested, activity, cancellationToken);
            EquatableArray<Statement> statements = parser.Parse(block);
            if (parser.HasCompilerErrors)
            {
                return ParseResult.Rejected(KeyOf(method));
            }

            if (parser.Diagnostics.Count > 0)
            {
                return BodyHasErrors(semanticModel, syntax, cancellationToken) ? ParseResult.Rejected(KeyOf(method))
                    : new ParseResult(null, parser.Diagnostics.ToEquatableArray());
            }

            (string prefix, string suffix) = KnownSymbols.DerivativeNaming(attribute);

            // F_Grad's overloads for default values could clash with another overload of F's gradient, or a member of the user's.
            bool keepsDefaults = method.ContainingType.GetMembers(method.Name).Length == 1
                && method.ContainingType.GetMembers(method.Name + MethodModel.GradientSuffix).IsEmpty;
            string? OutputOf(IParameterSymbol p) => prefix == "d" && suffix.Length == 0 ? null : prefix + p.Name + suffix;
            var parameters = method.Parameters
                .Select(p => KnownSymbols.ToSequence(p.Type) is var (kind, element)
                    ? new ParameterModel(p.Name, element, differentiable[p.Ordinal], kind, OutputOf(p))
                    : new ParameterModel(p.Name, KnownSymbols.ToScalarType(p.Type)!.Value, differentiable[p.Ordinal], Output: OutputOf(p),
                        Default: keepsDefaults && p.HasExplicitDefaultValue ? BodyParser.FoldConstant(p.ExplicitDefaultValue, p.Type) : null))
                .ToEquatableArray();
            var model = new MethodModel(
                Namespace: method.ContainingNamespace.IsGlobalNamespace ? string.Empty : method.ContainingNamespace.ToDisplayString(),
                ContainingTypes: ContainingTypes(method.ContainingType),
                Accessibility: AccessibilityText(method.DeclaredAccessibility),
                Name: method.Name,
                FullName: method.ContainingType.ToDisplayString() + "." + method.Name,
                HintName: HintName(method),
                Parameters: parameters,
                Body: statements,
                Location: new UncomparedLocation(LocationInfo.From(syntax.Identifier.GetLocation())),
                Key: KeyOf(method),
                Calls: parser.CallSites.Select(call => new CallSite(call.CalleeKey, call.CalleeName)).Distinct().ToEquatableArray(),
                Derivatives: requested,
                Output: output?.Name,
                DerivativePrefix: prefix,
                DerivativeSuffix: suffix,
                IsStatic: method.IsStatic);
            return new ParseResult(model, EquatableArray<DiagnosticInfo>.Empty)
            {
                Calls = parser.CallSites.ToEquatableArray(),
                HoldsLineNumbers = parser.WritesLineNumbers || block.Descendants().OfType<IArgumentOperation>().Any(argument =>
                    argument.ArgumentKind == ArgumentKind.DefaultValue && argument.Parameter is { } parameter && parameter.GetAttributes()
                        .Any(a => a.AttributeClass?.ToDisplayString() == "System.Runtime.CompilerServices.CallerLineNumberAttribute")),
            };
        }

        /// <summary>Why a member that is a method to the compiler is no method Fluxion can give a gradient beside it, or null.</summary>
        private static string? UnsupportedMember(SyntaxNode node, IMethodSymbol method) => node switch
        {
            OperatorDeclarationSyntax or ConversionOperatorDeclarationSyntax =>
                "operators and conversions cannot be differentiated; write the computation as a static method and differentiate that",
            AccessorDeclarationSyntax => "accessors cannot be differentiated; write the computation as a static method and differentiate that",
            _ when !method.ExplicitInterfaceImplementations.IsEmpty =>
                "explicit interface implementations cannot be differentiated; differentiate a static method the implementation calls",
            // C# 14 extension blocks are types of a kind this generator cannot declare a partial of.
            _ when method.ContainingType.TypeKind is not (TypeKind.Class or TypeKind.Struct or TypeKind.Interface) =>
                "only methods of classes, structs and interfaces can be differentiated, not of extension blocks; make it a static method of a partial class",
            _ => null,
        };

        /// <summary>The documentation ID that names a method in the whole compilation (callers store their callees' too).</summary>
        public static string KeyOf(IMethodSymbol method) =>
            method.OriginalDefinition.GetDocumentationCommentId() ?? method.OriginalDefinition.ToDisplayString();

        /// <summary>
        /// Errors the compiler finds in the method beyond its syntax: a path without a return, a local read unassigned (not warnings
        /// a project makes errors: the method is fine, and its gradient is needed to see whether the generated code warns too).
        /// </summary>
        private static bool BodyHasErrors(SemanticModel semanticModel, MethodDeclarationSyntax syntax, CancellationToken cancellationToken) =>
            semanticModel.GetDiagnostics(syntax.Span, cancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error && !d.IsWarningAsError);

        private static bool HasUnresolvedTypes(IMethodSymbol method) =>
            method.ReturnType.TypeKind == TypeKind.Error || method.Parameters.Any(p => p.Type.TypeKind == TypeKind.Error);

        /// <summary>Two methods with one signature (an error the compiler reports) would ask for one file name twice.</summary>
        private static bool IsDuplicateDefinition(IMethodSymbol method) =>
            method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>().Count(other =>
                other.Parameters.Length == method.Parameters.Length
                && other.Parameters.Select(p => p.RefKind).SequenceEqual(method.Parameters.Select(p => p.RefKind))
                && other.Parameters.Select(p => p.Type).SequenceEqual(method.Parameters.Select(p => p.Type), SymbolEqualityComparer.Default)) > 1;

        private static EquatableArray<ContainingType> ContainingTypes(INamedTypeSymbol innermost)
        {
            var types = new List<ContainingType>();
            for (INamedTypeSymbol? type = innermost; type is not null; type = type.ContainingType)
            {
                string keyword = type.IsRecord
                    ? (type.TypeKind == TypeKind.Struct ? "record struct" : "record")
                    : type.TypeKind switch
                    {
                        TypeKind.Struct => "struct",
                        TypeKind.Interface => "interface",
                        _ => "class",
                    };
                var typeParameters = type.TypeParameters
                    .Select(t => new TypeParameter(t.Variance switch { VarianceKind.In => "in", VarianceKind.Out => "out", _ => string.Empty }, t.Name))
                    .ToEquatableArray();
                types.Insert(0, new ContainingType(keyword, type.Name, typeParameters));
            }

            return types.ToEquatableArray();
        }

        private static string AccessibilityText(Accessibility accessibility) => accessibility switch
        {
            Accessibility.Public => "public",
            Accessibility.Internal => "internal",
            Accessibility.Protected => "protected",
            Accessibility.ProtectedOrInternal => "protected internal",
            Accessibility.ProtectedAndInternal => "private protected",
            _ => "private",
        };

        /// <summary>The readable part of a hint name, in UTF-8 bytes: with the hash and the longest kind's suffix, far from a file name's 255.</summary>
        private const int MaxReadableHintBytes = 120;

        /// <summary>
        /// Namespace, types, method and parameter types, for people; then a hash of the method's documentation ID,
        /// because file names compare without case and the readable part maps different signatures to one name
        /// (<c>F_double(double)</c> and <c>F(double, double)</c>).
        /// </summary>
        private static string HintName(IMethodSymbol method)
        {
            var builder = new StringBuilder();
            if (!method.ContainingNamespace.IsGlobalNamespace)
            {
                builder.Append(method.ContainingNamespace.ToDisplayString()).Append('.');
            }

            var types = new List<string>();
            for (INamedTypeSymbol? type = method.ContainingType; type is not null; type = type.ContainingType)
            {
                types.Insert(0, type.MetadataName);
            }

            builder.Append(string.Join(".", types)).Append('.').Append(method.Name);
            foreach (IParameterSymbol parameter in method.Parameters)
            {
                builder.Append('_').Append(parameter.Type.ToDisplayString());
            }

            for (int i = 0; i < builder.Length; i++)
            {
                if (!char.IsLetterOrDigit(builder[i]) && builder[i] != '.' && builder[i] != '_')
                {
                    builder[i] = '_';
                }
            }

            // A file name has at most 255 bytes, and the kinds add to it (".HessianAndHvp"): past the limit the readable part is cut, the
            // hash of the whole signature keeps the name unique.
            while (Encoding.UTF8.GetByteCount(builder.ToString()) > MaxReadableHintBytes)
            {
                builder.Length--;
            }

            uint hash = 2166136261;
            foreach (char c in method.GetDocumentationCommentId() ?? method.ToDisplayString())
            {
                hash = unchecked((hash ^ c) * 16777619);
            }

            return builder.Append('.').Append(hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture)).Append(".g.cs").ToString();
        }
    }
}
