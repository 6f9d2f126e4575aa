using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Fluxion.Generator.Diagnostics;
using Fluxion.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Fluxion.Generator.Frontend
{
    /// <summary>
    /// Reuses a method's <see cref="ParseResult"/> across compilations. <c>ForAttributeWithMetadataName</c> hands every attributed
    /// method to the frontend again whenever anything in the compilation changes (its semantic model is new), which made an edit
    /// cost as much as a build. A method is read again only when its own text changed or when the compilation's
    /// <see cref="DeclarationShape"/> did (an edit outside method bodies, options, references): a body binds against declarations
    /// alone. A method that only moved (text typed above it) gets its result with every location moved the same way, unless the
    /// result holds positions outside the method, or line numbers of its own and the method changed lines.
    /// </summary>
    internal sealed class ParseCache
    {
        private readonly object gate = new object();
        private readonly Dictionary<SyntaxNode, Entry> byNode = new Dictionary<SyntaxNode, Entry>();
        private readonly Dictionary<string, Entry> byText = new Dictionary<string, Entry>(System.StringComparer.Ordinal);
        private DeclarationShape? shape;
        private int generation;

        /// <summary>How many methods the frontend has read (not reused) since this cache was made.</summary>
        public int MethodsParsed { get; private set; }

        public ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            DeclarationShape current = DeclarationShape.Of(context.SemanticModel.Compilation);
            SyntaxNode node = context.TargetNode;
            lock (gate)
            {
                MoveTo(current);
                if (Reuse(node) is { } reused)
                {
                    return reused;
                }
            }

            ParseResult result = MethodParser.Parse(node, context.TargetSymbol, context.SemanticModel, context.Attributes, cancellationToken);
            lock (gate)
            {
                MethodsParsed++;
                if (ReferenceEquals(shape, current))
                {
                    Remember(new Entry(node, KeyOf(node, current), result, Movable(result, node)));
                }
            }

            return result;
        }

        /// <summary>Starts a new compilation: entries of an equal shape carry over (those the last one still used), others are dropped.</summary>
        private void MoveTo(DeclarationShape current)
        {
            if (ReferenceEquals(shape, current))
            {
                return;
            }

            if (shape is null || !shape.Equals(current))
            {
                byNode.Clear();
                byText.Clear();
            }
            else
            {
                foreach (Entry stale in byNode.Values.Where(entry => entry.LastUsed < generation).ToList())
                {
                    byNode.Remove(stale.Node);
                    if (byText.TryGetValue(stale.Key, out Entry? byKey) && ReferenceEquals(byKey, stale))
                    {
                        byText.Remove(stale.Key);
                    }
                }
            }

            shape = current;
            generation++;
        }

        private ParseResult? Reuse(SyntaxNode node)
        {
            if (byNode.TryGetValue(node, out Entry? same))
            {
                same.LastUsed = generation;
                return same.Result;
            }

            // The method's file changed: an entry for the same text at the same place, or moved whole.
            if (!byText.TryGetValue(KeyOf(node, shape!), out Entry? before))
            {
                return null;
            }

            LinePosition was = StartOf(before.Node);
            LinePosition now = StartOf(node);
            ParseResult result;
            if (before.Node.SpanStart == node.SpanStart && was == now)
            {
                result = before.Result;
            }
            else if (before.Movable && was.Character == now.Character && (now.Line == was.Line || !before.Result.HoldsLineNumbers))
            {
                result = Moved(before.Result, node.SpanStart - before.Node.SpanStart, now.Line - was.Line);
            }
            else
            {
                return null;
            }

            Remember(new Entry(node, before.Key, result, before.Movable));
            return result;
        }

        private void Remember(Entry entry)
        {
            entry.LastUsed = generation;
            byNode[entry.Node] = entry;
            byText[entry.Key] = entry;
        }

        /// <summary>The file, the types around the method and its whole text, comments and directives included.</summary>
        private static string KeyOf(SyntaxNode node, DeclarationShape shape)
        {
            var key = new StringBuilder(node.SyntaxTree.FilePath).Append('\n').Append(shape.IndexOf(node.SyntaxTree)).Append('\n');
            // Under equal shapes the same declaration sits at the same place among its ancestors' children, in the same tree.
            for (SyntaxNode at = node; at.Parent is { } parent; at = parent)
            {
                key.Append(parent.ChildNodes().TakeWhile(child => child != at).Count()).Append('.');
            }

            key.Append('\n');
            foreach (SyntaxNode ancestor in node.Ancestors())
            {
                switch (ancestor)
                {
                    case BaseTypeDeclarationSyntax type:
                        key.Append(type.Kind()).Append(' ').Append(type.Identifier.Text)
                            .Append((type as TypeDeclarationSyntax)?.TypeParameterList).Append('\n');
                        break;
                    case BaseNamespaceDeclarationSyntax space:
                        key.Append(space.Name).Append('\n');
                        break;
                }
            }

            return key.Append(node.ToFullString()).ToString();
        }

        private static LinePosition StartOf(SyntaxNode node) => node.SyntaxTree.GetLineSpan(new TextSpan(node.SpanStart, 0)).StartLinePosition;

        /// <summary>True when every location the result holds lies in the method, so that moving the method moves them all alike.</summary>
        private static bool Movable(ParseResult result, SyntaxNode node) =>
            Locations(result).All(location => location is null
                || location.FilePath == node.SyntaxTree.FilePath && node.FullSpan.Contains(location.Span));

        private static IEnumerable<LocationInfo?> Locations(ParseResult result) =>
            result.Diagnostics.Select(diagnostic => diagnostic.Location)
                .Concat(result.Calls.Select(call => call.Location))
                .Append(result.Method?.Location.Value);

        private static ParseResult Moved(ParseResult result, int offset, int lines)
        {
            LocationInfo? Move(LocationInfo? location) => location is null ? null : location with
            {
                Span = new TextSpan(location.Span.Start + offset, location.Span.Length),
                LineSpan = new LinePositionSpan(
                    new LinePosition(location.LineSpan.Start.Line + lines, location.LineSpan.Start.Character),
                    new LinePosition(location.LineSpan.End.Line + lines, location.LineSpan.End.Character)),
            };

            return result with
            {
                Method = result.Method is { } model ? model with { Location = new UncomparedLocation(Move(model.Location.Value)) } : null,
                Calls = result.Calls.Select(call => call with { Location = Move(call.Location) }).ToEquatableArray(),
                Diagnostics = result.Diagnostics.Select(diagnostic => diagnostic with { Location = Move(diagnostic.Location) }).ToEquatableArray(),
            };
        }

        private sealed class Entry
        {
            public Entry(SyntaxNode node, string key, ParseResult result, bool movable)
            {
                Node = node;
                Key = key;
                Result = result;
                Movable = movable;
            }

            public SyntaxNode Node { get; }

            public string Key { get; }

            public ParseResult Result { get; }

            public bool Movable { get; }

            public int LastUsed { get; set; }
        }
    }
}
