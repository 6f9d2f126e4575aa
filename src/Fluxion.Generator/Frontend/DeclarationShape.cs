using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Fluxion.Generator.Frontend
{
    /// <summary>
    /// Everything in a compilation that the meaning of a method body can depend on, other than the body itself: options, references,
    /// and every file's text with the bodies of methods, constructors, operators and accessors left out (their preprocessor directives
    /// kept: a <c>#pragma</c> or <c>#nullable</c> inside one reaches the code after it). C# binds a body against declarations, so two
    /// compilations of equal shape bind an unchanged method identically; <see cref="ParseCache"/> relies on that. (Since C# 12 a body can
    /// change what the compiler makes of a declaration, a primary constructor parameter it captures, but nothing the frontend reads.)
    /// </summary>
    internal sealed class DeclarationShape : IEquatable<DeclarationShape>
    {
        private static readonly ConditionalWeakTable<Compilation, DeclarationShape> Shapes = new ConditionalWeakTable<Compilation, DeclarationShape>();

        // Each file's shape is computed once: a compilation after an edit shares every unchanged tree object with the one before.
        private static readonly ConditionalWeakTable<SyntaxTree, string> TreeShapes = new ConditionalWeakTable<SyntaxTree, string>();

        private readonly string? assemblyName;
        private readonly CompilationOptions options;
        private readonly MetadataReference[] references;
        private readonly string[] trees;
        private readonly SyntaxTree[] syntaxTrees;

        private DeclarationShape(Compilation compilation)
        {
            assemblyName = compilation.AssemblyName;
            options = compilation.Options;
            references = compilation.References.ToArray();
            syntaxTrees = compilation.SyntaxTrees.ToArray();
            trees = compilation.SyntaxTrees.Select(tree => TreeShapes.GetValue(tree, Describe)).ToArray();
        }

        public static DeclarationShape Of(Compilation compilation) => Shapes.GetValue(compilation, c => new DeclarationShape(c));

        public bool Equals(DeclarationShape? other) =>
            ReferenceEquals(this, other)
            || other is not null && assemblyName == other.assemblyName && options.Equals(other.options)
                && references.SequenceEqual(other.references, ReferenceComparer.Instance) && trees.SequenceEqual(other.trees, StringComparer.Ordinal);

        public int IndexOf(SyntaxTree tree) => Array.IndexOf(syntaxTrees, tree);

        public override bool Equals(object? obj) => Equals(obj as DeclarationShape);

        public override int GetHashCode() => trees.Length;

        private static string Describe(SyntaxTree tree)
        {
            var text = new StringBuilder();
            text.Append(tree.FilePath).Append('\n');
            if (tree.Options is CSharpParseOptions options)
            {
                text.Append(options.Kind).Append(' ').Append(options.LanguageVersion).Append(' ').Append(options.DocumentationMode)
                    .Append(' ').Append(string.Join(";", options.PreprocessorSymbolNames))
                    .Append(' ').Append(string.Join(";", options.Features.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + f.Value)))
                    .Append('\n');
            }

            Append(tree.GetRoot(), text);
            return text.ToString();
        }

        private static void Append(SyntaxNode node, StringBuilder text)
        {
            foreach (SyntaxNodeOrToken child in node.ChildNodesAndTokens())
            {
                if (child.AsNode() is not { } childNode)
                {
                    Append(child.AsToken(), text);
                }
                else if (IsBody(childNode))
                {
                    text.Append(childNode is BlockSyntax ? "{…}" : "=>…").Append('\u0001');
                    if (childNode.ContainsDirectives)
                    {
                        foreach (SyntaxTrivia directive in childNode.DescendantTrivia(descendIntoTrivia: false).Where(t => t.IsDirective))
                        {
                            text.Append(directive.ToString()).Append('\u0001');
                        }
                    }
                }
                else
                {
                    Append(childNode, text);
                }
            }
        }

        private static void Append(SyntaxToken token, StringBuilder text)
        {
            if (token.ContainsDirectives || token.HasStructuredTrivia)
            {
                AppendStructured(token.LeadingTrivia, text);
            }

            text.Append(token.Text).Append('\u0001');
            if (token.ContainsDirectives || token.HasStructuredTrivia)
            {
                AppendStructured(token.TrailingTrivia, text);
            }
        }

        // Directives, and tokens the parser skipped (a broken file stays broken in the shape until it is mended).
        private static void AppendStructured(SyntaxTriviaList trivia, StringBuilder text)
        {
            foreach (SyntaxTrivia item in trivia.Where(t => t.IsDirective || t.IsKind(SyntaxKind.SkippedTokensTrivia)))
            {
                text.Append(item.ToString()).Append('\u0001');
            }
        }

        /// <summary>A body no other member's binding can see: a method's, constructor's, operator's or accessor's, or a property's arrow.</summary>
        private static bool IsBody(SyntaxNode node) =>
            node is BlockSyntax or ArrowExpressionClauseSyntax
            && node.Parent is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or BasePropertyDeclarationSyntax;

        private sealed class ReferenceComparer : IEqualityComparer<MetadataReference>
        {
            public static readonly ReferenceComparer Instance = new ReferenceComparer();

            public bool Equals(MetadataReference? x, MetadataReference? y) => ReferenceEquals(x, y);

            public int GetHashCode(MetadataReference obj) => RuntimeHelpers.GetHashCode(obj);
        }
    }
}
