using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Fluxion.CodeFixes
{
    /// <summary>FLX0010: removes a name that is no differentiable parameter from <c>[Differentiable(...)]</c>.</summary>
    [ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(RemoveUnknownParameterNameFix)), Shared]
    public sealed class RemoveUnknownParameterNameFix : CodeFixProvider
    {
        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.UnknownParameterName);

        /// <inheritdoc/>
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc/>
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (root?.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<AttributeArgumentSyntax>() is not { } argument
                    || argument.Parent is not AttributeArgumentListSyntax list)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Remove " + argument.Expression + " from the parameters to differentiate",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(list.Arguments.Count == 1
                            ? root.RemoveNode(list, SyntaxRemoveOptions.KeepNoTrivia)!
                            : root.RemoveNode(argument, SyntaxRemoveOptions.KeepNoTrivia)!)),
                        equivalenceKey: nameof(RemoveUnknownParameterNameFix)),
                    diagnostic);
            }
        }
    }
}
