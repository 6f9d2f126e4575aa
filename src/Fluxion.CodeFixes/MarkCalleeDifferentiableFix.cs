using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Fluxion.CodeFixes
{
    /// <summary>
    /// FLX0007 on a call of a method of the user's own code: marks that method <c>[Differentiable]</c>, so the caller's gradient calls
    /// its gradient. Fix-all marks each such method once, however many calls name it.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MarkCalleeDifferentiableFix)), Shared]
    public sealed class MarkCalleeDifferentiableFix : CodeFixProvider
    {
        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.NoKnownDerivative);

        /// <inheritdoc/>
        public override FixAllProvider GetFixAllProvider() => new MarkEveryCallee();

        /// <inheritdoc/>
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (await CalleeAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is not { } callee)
                {
                    continue;
                }

                Solution solution = context.Document.Project.Solution;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Mark '" + callee.ContainingType.Name + "." + callee.Name + "' [Differentiable]",
                        cancellationToken => MarkAsync(solution, new[] { callee }, cancellationToken),
                        equivalenceKey: nameof(MarkCalleeDifferentiableFix)),
                    diagnostic);
            }
        }

        /// <summary>The called method, when it is a method of the solution's source that is not <c>[Differentiable]</c> yet.</summary>
        private static async Task<IMethodSymbol?> CalleeAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>()
                    is not { } invocation
                || model?.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
            {
                return null;
            }

            IMethodSymbol callee = method.ReducedFrom ?? method.OriginalDefinition;
            bool inSource = callee.DeclaringSyntaxReferences.Any(reference => reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax);
            bool marked = callee.GetAttributes().Any(attribute => attribute.AttributeClass is
                { Name: "DifferentiableAttribute", ContainingNamespace: { Name: "Fluxion", ContainingNamespace.IsGlobalNamespace: true } });
            return inSource && !marked ? callee : null;
        }

        private static async Task<Solution> MarkAsync(Solution solution, IEnumerable<IMethodSymbol> callees, CancellationToken cancellationToken)
        {
            // One edit per document, every method of it at once.
            var declarations = callees
                .SelectMany(callee => callee.DeclaringSyntaxReferences.Take(1))
                .Select(reference => reference.GetSyntax(cancellationToken))
                .OfType<MethodDeclarationSyntax>()
                .Distinct()
                .GroupBy(method => method.SyntaxTree);
            foreach (IGrouping<SyntaxTree, MethodDeclarationSyntax> file in declarations)
            {
                if (solution.GetDocument(file.Key) is not { } document)
                {
                    continue;
                }

                SyntaxNode root = await file.Key.GetRootAsync(cancellationToken).ConfigureAwait(false);
                solution = solution.WithDocumentSyntaxRoot(document.Id, root.ReplaceNodes(file, (_, method) => WithAttribute(method, root)));
            }

            return solution;
        }

        /// <summary>The method with <c>[Differentiable]</c> on a line of its own above it, its comments and indentation kept.</summary>
        private static MethodDeclarationSyntax WithAttribute(MethodDeclarationSyntax method, SyntaxNode root)
        {
            SyntaxTriviaList leading = method.GetLeadingTrivia();
            SyntaxTrivia indentation = leading.Count > 0 && leading.Last().IsKind(SyntaxKind.WhitespaceTrivia) ? leading.Last() : default;
            SyntaxTrivia newLine = root.DescendantTrivia().FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
            AttributeListSyntax attribute = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(
                    SyntaxFactory.Attribute(SyntaxFactory.ParseName("global::Fluxion.Differentiable")).WithAdditionalAnnotations(Simplifier.Annotation)))
                .WithLeadingTrivia(leading)
                .WithTrailingTrivia(newLine == default ? SyntaxFactory.CarriageReturnLineFeed : newLine);
            MethodDeclarationSyntax rest = method.WithLeadingTrivia(
                indentation == default ? SyntaxFactory.TriviaList() : SyntaxFactory.TriviaList(indentation));
            return rest.WithAttributeLists(rest.AttributeLists.Insert(0, attribute));
        }

        /// <summary>Collects the callees of every FLX0007 in the scope and marks each once.</summary>
        private sealed class MarkEveryCallee : FixAllProvider
        {
            public override async Task<CodeAction?> GetFixAsync(FixAllContext context)
            {
                IEnumerable<Document> documents = context.Scope switch
                {
                    FixAllScope.Document when context.Document is { } document => new[] { document },
                    FixAllScope.Project => context.Project.Documents,
                    FixAllScope.Solution => context.Solution.Projects.SelectMany(project => project.Documents),
                    _ => Enumerable.Empty<Document>(),
                };
                var callees = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
                foreach (Document document in documents)
                {
                    foreach (Diagnostic diagnostic in await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false))
                    {
                        if (await CalleeAsync(document, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } callee)
                        {
                            callees.Add(callee);
                        }
                    }
                }

                return callees.Count == 0 ? null
                    : CodeAction.Create(
                        "Mark every called method [Differentiable]",
                        cancellationToken => MarkAsync(context.Solution, callees, cancellationToken),
                        equivalenceKey: nameof(MarkCalleeDifferentiableFix));
            }
        }
    }
}
