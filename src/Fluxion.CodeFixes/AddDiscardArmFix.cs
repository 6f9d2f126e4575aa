using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace Fluxion.CodeFixes
{
    /// <summary>
    /// FLX0006 on a <c>switch</c> expression that does not cover every value: adds <c>_ =&gt; throw …</c>, which throws for the values
    /// no arm matches, as the switch did, and which every generated method keeps.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddDiscardArmFix)), Shared]
    public sealed class AddDiscardArmFix : CodeFixProvider
    {
        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.UnsupportedExpression);

        /// <inheritdoc/>
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc/>
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                // The switch itself is the diagnostic's span, and the compiler agrees some value matches no arm.
                if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not SwitchExpressionSyntax choice
                    || choice.Span != diagnostic.Location.SourceSpan || choice.Arms.Count == 0
                    || model?.GetOperation(choice, context.CancellationToken) is not ISwitchExpressionOperation { IsExhaustive: false } operation)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Add '_ => throw' for the values no arm matches",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(choice, WithDiscardArm(choice, operation)))),
                        equivalenceKey: nameof(AddDiscardArmFix)),
                    diagnostic);
            }
        }

        private static SwitchExpressionSyntax WithDiscardArm(SwitchExpressionSyntax choice, ISwitchExpressionOperation operation)
        {
            // ArgumentOutOfRangeException names the parameter switched on; any other value gets InvalidOperationException.
            string exception = operation.Value is IParameterReferenceOperation parameter
                ? "new global::System.ArgumentOutOfRangeException(nameof(" + parameter.Parameter.Name + "))"
                : "new global::System.InvalidOperationException(\"No arm of the switch matches the value.\")";
            var parsed = (SwitchExpressionSyntax)SyntaxFactory.ParseExpression("0 switch { _ => throw " + exception + " }");
            SwitchExpressionArmSyntax last = choice.Arms.Last();
            SwitchExpressionArmSyntax arm = parsed.Arms[0];
            TypeSyntax exceptionType = arm.DescendantNodes().OfType<ObjectCreationExpressionSyntax>().Single().Type;
            arm = arm.ReplaceNode(exceptionType, exceptionType.WithAdditionalAnnotations(Simplifier.Annotation)).WithLeadingTrivia(last.GetLeadingTrivia());

            // Laid out like the arms before it: after a separator like theirs, on a line of its own when they are.
            SyntaxNodeOrTokenList items = choice.Arms.GetWithSeparators();
            SyntaxTriviaList afterSeparator = choice.Arms.SeparatorCount > 0
                ? choice.Arms.GetSeparator(0).TrailingTrivia
                : SyntaxFactory.TriviaList(SyntaxFactory.Space);
            if (choice.Arms.SeparatorCount == choice.Arms.Count)
            {
                items = items.Add(arm).Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(choice.Arms.GetSeparator(0).TrailingTrivia));
            }
            else
            {
                items = items
                    .Replace(items[items.Count - 1], last.WithoutTrailingTrivia())
                    .Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(afterSeparator))
                    .Add(arm.WithTrailingTrivia(last.GetTrailingTrivia()));
            }

            return choice.WithArms(SyntaxFactory.SeparatedList<SwitchExpressionArmSyntax>(items));
        }
    }
}
