using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Fluxion.CodeFixes
{
    /// <summary>
    /// FLX0011 where a gradient output (<c>dx</c> for <c>x</c>) takes the name of a parameter of the method (<c>double dx</c>):
    /// names the outputs with another <c>DerivativePrefix</c>, one that gives none of them a parameter's name. The method's own
    /// parameters, which callers may name, stay as they are.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RenameDerivativeParametersFix)), Shared]
    public sealed class RenameDerivativeParametersFix : CodeFixProvider
    {
        private static readonly string[] Prefixes = { "grad_", "d_", "gradient_", "derivative_" };

        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.GeneratedNameCollision);

        /// <inheritdoc/>
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc/>
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (root?.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method
                    || Differentiable(method) is not { } attribute)
                {
                    continue;
                }

                var names = new HashSet<string>(method.ParameterList.Parameters.Select(p => p.Identifier.ValueText));
                string suffix = Named(attribute, "DerivativeSuffix") ?? string.Empty;
                bool collides(string prefix) => names.Any(name => names.Contains(prefix + name + suffix));
                if (!collides(Named(attribute, "DerivativePrefix") ?? "d") || Prefixes.FirstOrDefault(p => !collides(p)) is not { } free)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Name the gradient outputs " + free + "…",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(attribute, WithPrefix(attribute, free)))),
                        equivalenceKey: nameof(RenameDerivativeParametersFix)),
                    diagnostic);
            }
        }

        /// <summary>The method's <c>[Differentiable]</c>, recognised by name (the fix needs no semantic model to rename).</summary>
        private static AttributeSyntax? Differentiable(MethodDeclarationSyntax method) =>
            method.AttributeLists.SelectMany(list => list.Attributes).FirstOrDefault(attribute => (attribute.Name switch
            {
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => string.Empty,
            }) is "Differentiable" or "DifferentiableAttribute");

        /// <summary>The string a named argument of the attribute gives, or null.</summary>
        private static string? Named(AttributeSyntax attribute, string name) =>
            attribute.ArgumentList?.Arguments.FirstOrDefault(argument => argument.NameEquals?.Name.Identifier.ValueText == name)?.Expression
                is LiteralExpressionSyntax { Token.Value: string value } ? value : null;

        private static AttributeSyntax WithPrefix(AttributeSyntax attribute, string prefix)
        {
            AttributeArgumentSyntax argument = SyntaxFactory.AttributeArgument(
                SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName("DerivativePrefix")),
                null,
                SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(prefix)));
            AttributeArgumentListSyntax list = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
            AttributeArgumentSyntax? existing = list.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "DerivativePrefix");
            if (existing is not null)
            {
                return attribute.WithArgumentList(list.ReplaceNode(existing, argument.NormalizeWhitespace().WithTriviaFrom(existing)));
            }

            var arguments = list.Arguments.Append(argument.NormalizeWhitespace()).ToList();
            SyntaxToken comma = SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space);
            return attribute.WithArgumentList(list.WithArguments(SyntaxFactory.SeparatedList(arguments, Enumerable.Repeat(comma, arguments.Count - 1))));
        }
    }
}
