using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Fluxion.Generator.Diagnostics;
using Fluxion.Generator.Frontend;
using Fluxion.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fluxion.Generator.Pipeline
{
    /// <summary>
    /// The analyzer's work for one compilation: each <c>[Differentiable]</c> method read by the generator's frontend (once, whoever
    /// asks first: the method itself or a caller), its diagnostics reported where they are, FLX0014 at each call of a method that
    /// gets no gradient, and FLX0018 on each <c>[DerivativeOf]</c> that does not fit its target.
    /// </summary>
    internal sealed class LiveDiagnostics
    {
        // Callees need no more than one kind: a callee that does not ask for a kind its caller needs is the frontend's diagnostic.
        private const DerivativeKinds AnyKind = DerivativeKinds.Gradient;

        private readonly Compilation compilation;
        private readonly ConcurrentDictionary<IMethodSymbol, ParseResult> parsed =
            new ConcurrentDictionary<IMethodSymbol, ParseResult>(SymbolEqualityComparer.Default);

        public LiveDiagnostics(Compilation compilation) => this.compilation = compilation;

        public void Analyze(SyntaxNodeAnalysisContext context)
        {
            SyntaxNode node = context.Node;
            if (!HasAttributes(node))
            {
                return;
            }

            CancellationToken cancellationToken = context.CancellationToken;
            ISymbol? symbol = node is AnonymousFunctionExpressionSyntax
                ? context.SemanticModel.GetSymbolInfo(node, cancellationToken).Symbol
                : context.SemanticModel.GetDeclaredSymbol(node, cancellationToken);
            if (symbol is not IMethodSymbol method)
            {
                return;
            }

            if (ResultOf(node, method, context.SemanticModel, cancellationToken) is { } result)
            {
                // What lies outside the method (FLX0001 on a type that is not partial) is the type's to report: see AnalyzeType.
                Report(context, result.Diagnostics.Where(diagnostic =>
                    diagnostic.Location is null || IsIn(diagnostic.Location, node.SyntaxTree, node.FullSpan)));
                Report(context, MissingGradients(result, cancellationToken));
            }

            ImmutableArray<AttributeData> supplied = AttributesOn(node, method, SuppliedDerivatives.IsDerivativeOf);
            if (!supplied.IsEmpty)
            {
                Report(context, SuppliedDerivatives.Diagnose(compilation, method, supplied, cancellationToken));
            }
        }

        /// <summary>
        /// A type that is not partial reports what its <c>[Differentiable]</c> methods found on its name (FLX0001): an analyzer's
        /// diagnostic belongs to the declaration it is on, where the editor shows it and a code fix can reach it.
        /// </summary>
        public void AnalyzeType(SyntaxNodeAnalysisContext context)
        {
            var type = (TypeDeclarationSyntax)context.Node;
            if (type.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return;
            }

            foreach (MethodDeclarationSyntax declaration in type.DescendantNodes().OfType<MethodDeclarationSyntax>().Where(HasAttributes))
            {
                if (context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is { } method
                    && ResultOf(declaration, method, context.SemanticModel, context.CancellationToken) is { } result)
                {
                    Report(context, result.Diagnostics.Where(diagnostic => diagnostic.Location is { } at && IsIn(at, type.SyntaxTree, type.Identifier.Span)));
                }
            }
        }

        /// <summary>The frontend's reading of a declaration with <c>[Differentiable]</c> on it, once per method; null without the attribute.</summary>
        private ParseResult? ResultOf(SyntaxNode node, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
        {
            ImmutableArray<AttributeData> attributes = AttributesOn(node, method, KnownSymbols.IsDifferentiableAttribute);
            return attributes.IsEmpty ? null : parsed.GetOrAdd(method, _ => MethodParser.Parse(node, method, model, attributes, cancellationToken));
        }

        private static bool IsIn(LocationInfo location, SyntaxTree tree, Microsoft.CodeAnalysis.Text.TextSpan span) =>
            location.FilePath == tree.FilePath && span.Contains(location.Span);

        private static bool HasAttributes(SyntaxNode node) => node switch
        {
            BaseMethodDeclarationSyntax method => method.AttributeLists.Count > 0,
            LocalFunctionStatementSyntax function => function.AttributeLists.Count > 0,
            LambdaExpressionSyntax lambda => lambda.AttributeLists.Count > 0,
            AccessorDeclarationSyntax accessor => accessor.AttributeLists.Count > 0,
            _ => false,
        };

        /// <summary>The symbol's attributes of one kind written on this declaration (a partial method has two).</summary>
        private static ImmutableArray<AttributeData> AttributesOn(SyntaxNode node, ISymbol symbol, Func<AttributeData, bool> kind) =>
            symbol.GetAttributes()
                .Where(attribute => kind(attribute) && attribute.ApplicationSyntaxReference is { } reference
                    && reference.SyntaxTree == node.SyntaxTree && node.Span.Contains(reference.Span))
                .ToImmutableArray();

        /// <summary>
        /// FLX0014 at each call of a method that gets no gradient (it has a diagnostic, or calls one that does), unless the compiler's
        /// own error explains it; decided as the generator decides which gradients exist, over the methods the calls reach.
        /// </summary>
        private IEnumerable<DiagnosticInfo> MissingGradients(ParseResult caller, CancellationToken cancellationToken)
        {
            if (caller.Calls.Count == 0)
            {
                return Enumerable.Empty<DiagnosticInfo>();
            }

            var reached = new Dictionary<string, ParseResult?>(StringComparer.Ordinal);
            var pending = new Stack<string>(caller.Calls.Select(call => call.CalleeKey));
            while (pending.Count > 0)
            {
                string key = pending.Pop();
                if (reached.ContainsKey(key))
                {
                    continue;
                }

                ParseResult? callee = ResultOf(key, cancellationToken);
                reached[key] = callee;
                foreach (CallSite call in callee?.Method?.Calls ?? EquatableArray<CallSite>.Empty)
                {
                    pending.Push(call.CalleeKey);
                }
            }

            ImmutableArray<EquatableArray<AvailableGradients.MethodCalls>> methods = reached
                .Where(pair => pair.Value?.Method is not null)
                .Select(pair => EquatableArray.Create(new AvailableGradients.MethodCalls(AvailableGradients.KeyOf(AnyKind, pair.Key),
                    pair.Value!.Method!.Calls.Select(call => AvailableGradients.KeyOf(AnyKind, call.CalleeKey)).Distinct().ToEquatableArray())))
                .ToImmutableArray();
            EquatableArray<string> available = AvailableGradients.Compute(methods);
            EquatableArray<string> silenced = AvailableGradients.Silenced(methods, available,
                reached.Values.Select(result => result?.RejectedKey).OfType<string>().ToImmutableArray());
            return caller.Calls
                .Where(call => !AvailableGradients.Contains(available, AvailableGradients.KeyOf(AnyKind, call.CalleeKey))
                    && !AvailableGradients.Contains(silenced, call.CalleeKey))
                .Select(call => new DiagnosticInfo(DiagnosticDescriptors.CalleeHasNoGradient, call.Location,
                    EquatableArray.Create(call.CalleeName, "see the diagnostics on that method or the methods it calls")))
                .Distinct();
        }

        /// <summary>What the frontend makes of the <c>[Differentiable]</c> method with this key, or null when there is none.</summary>
        private ParseResult? ResultOf(string key, CancellationToken cancellationToken)
        {
            if (DocumentationCommentId.GetFirstSymbolForDeclarationId(key, compilation) is not IMethodSymbol declared)
            {
                return null;
            }

            // A partial method's [Differentiable] is on the part with the body (FLX0012 says so for the other).
            IMethodSymbol method = declared.PartialImplementationPart ?? declared;

            foreach (SyntaxReference reference in method.DeclaringSyntaxReferences)
            {
                SyntaxNode node = reference.GetSyntax(cancellationToken);
#pragma warning disable RS1030 // A callee in another file is read with its file's model, as the generator reads it.
                if (ResultOf(node, method, compilation.GetSemanticModel(node.SyntaxTree), cancellationToken) is { } result)
#pragma warning restore RS1030
                {
                    return result;
                }
            }

            return null;
        }

        /// <summary>Reports with locations in the compilation's own trees, so that <c>#pragma warning</c> applies to them.</summary>
        private void Report(SyntaxNodeAnalysisContext context, IEnumerable<DiagnosticInfo> diagnostics)
        {
            foreach (DiagnosticInfo diagnostic in diagnostics)
            {
                LocationInfo? at = diagnostic.Location;
                // The analyzed declaration's own file first: paths can repeat (or be empty) across a compilation's trees.
                SyntaxTree? tree = at is null ? null : at.FilePath == context.Node.SyntaxTree.FilePath ? context.Node.SyntaxTree
                    : compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == at.FilePath);
                Location location = tree is null ? Location.None : Location.Create(tree, at!.Span);
                context.ReportDiagnostic(Diagnostic.Create(diagnostic.Descriptor, location, diagnostic.MessageArguments.Select(a => (object?)a).ToArray()));
            }
        }
    }
}
