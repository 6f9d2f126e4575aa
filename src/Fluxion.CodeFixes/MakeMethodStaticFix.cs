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
using Microsoft.CodeAnalysis.Operations;

namespace Fluxion.CodeFixes
{
    /// <summary>FLX0002: makes an interface's instance method static, offered only when its body reads no instance state.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeMethodStaticFix)), Shared]
    public sealed class MakeMethodStaticFix : CodeFixProvider
    {
        private static readonly SyntaxKind[] Accessibility =
        {
            SyntaxKind.PublicKeyword, SyntaxKind.InternalKeyword, SyntaxKind.ProtectedKeyword, SyntaxKind.PrivateKeyword,
        };

        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.MethodNotStatic);

        /// <inheritdoc/>
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc/>
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent is not MethodDeclarationSyntax method || model is null
                    || method.Modifiers.Any(SyntaxKind.StaticKeyword) || ReadsInstanceState(model, method, context.CancellationToken))
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Make '" + method.Identifier.ValueText + "' static",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(method, MakeStatic(method)))),
                        equivalenceKey: nameof(MakeMethodStaticFix)),
                    diagnostic);
            }
        }

        /// <summary>Whether the body uses <c>this</c>, said or implied (an instance member named alone), or has no body to tell.</summary>
        private static bool ReadsInstanceState(SemanticModel model, MethodDeclarationSyntax method, CancellationToken cancellationToken) =>
            model.GetOperation(method, cancellationToken) is not IMethodBodyOperation body
            || body.Descendants().Any(operation => operation is IInstanceReferenceOperation);

        /// <summary><c>static</c> after the accessibility, as C# code is usually written, or first when there is none.</summary>
        private static MethodDeclarationSyntax MakeStatic(MethodDeclarationSyntax method)
        {
            SyntaxToken keyword = SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.StaticKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            SyntaxTokenList modifiers = method.Modifiers;
            int accessibility = -1;
            for (int i = 0; i < modifiers.Count; i++)
            {
                accessibility = Accessibility.Contains(modifiers[i].Kind()) ? i : accessibility;
            }

            if (accessibility >= 0)
            {
                return method.WithModifiers(modifiers.Insert(accessibility + 1, keyword));
            }

            if (modifiers.Count > 0)
            {
                SyntaxToken first = modifiers[0];
                return method.WithModifiers(modifiers.RemoveAt(0)
                    .Insert(0, first.WithLeadingTrivia())
                    .Insert(0, keyword.WithLeadingTrivia(first.LeadingTrivia)));
            }

            return method
                .WithReturnType(method.ReturnType.WithoutLeadingTrivia())
                .WithModifiers(SyntaxFactory.TokenList(keyword.WithLeadingTrivia(method.ReturnType.GetLeadingTrivia())));
        }
    }
}
