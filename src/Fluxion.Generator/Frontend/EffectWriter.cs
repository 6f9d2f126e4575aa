using System.Collections.Generic;
using System.Linq;
using System.Text;
using Fluxion.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Fluxion.Generator.Frontend
{
    /// <summary>
    /// Writes a statement kept for its effect as C# the generated file can hold: the source's own tokens, with every type and static
    /// member it names fully qualified (the generated file has no usings), extension methods called as the static methods they are, and
    /// the caller information the compiler would fill in (a <c>ThrowIf…</c> helper's parameter name, an assertion's condition text)
    /// passed explicitly, so the generated method's names never show. The method's variables are holes each mode fills.
    /// </summary>
    internal sealed class EffectWriter
    {
        private readonly IOperation effect;
        private readonly SemanticModel model;
        private readonly IReadOnlyDictionary<SyntaxNode, Expr> holes;
        private readonly IReadOnlyDictionary<SyntaxNode, string> literals;
        private readonly List<string> pieces = new List<string>();
        private readonly List<Expr> filled = new List<Expr>();
        private readonly StringBuilder piece = new StringBuilder();
        private bool spaceOwed;

        /// <summary>True once a call's <c>[CallerLineNumber]</c> argument is written: the code then changes when the method moves.</summary>
        public bool WritesLineNumber { get; private set; }

        /// <summary>True right after a qualifier written before a name: no space between them, whatever preceded the name.</summary>
        private bool glued;

        public EffectWriter(IOperation effect, IReadOnlyDictionary<SyntaxNode, Expr> holes, IReadOnlyDictionary<SyntaxNode, string> literals)
        {
            this.effect = effect;
            model = effect.SemanticModel!;
            this.holes = holes;
            this.literals = literals;
        }

        public EffectCode Write()
        {
            if (effect is IThrowOperation { Exception: { } exception })
            {
                Text("throw", spaceBefore: false, spaceAfter: true);
                Node(exception.Syntax);
            }
            else
            {
                Node(effect.Syntax);
            }

            pieces.Add(piece.ToString());
            return new EffectCode(pieces.ToEquatableArray(), filled.ToEquatableArray(), Throws: effect is IThrowOperation);
        }

        private void Node(SyntaxNode node)
        {
            bool before = node.GetFirstToken().HasLeadingTrivia;
            bool after = node.GetLastToken().HasTrailingTrivia;
            if (holes.TryGetValue(node, out Expr? hole))
            {
                Text(string.Empty, before, after);
                pieces.Add(piece.ToString());
                piece.Clear();
                filled.Add(hole);
            }
            else if (literals.TryGetValue(node, out string? literal) || (literal = QualifiedName(node)) is not null)
            {
                Text(literal, before, after);
            }
            else if (node is SimpleNameSyntax name && StaticMemberContainer(name) is { } container)
            {
                Text(container + ".", before, spaceAfter: false);
                glued = true;
                Raw(name);
            }
            else if (node is InterpolationSyntax { Expression: var inserted } interpolation && !holes.ContainsKey(inserted))
            {
                // A qualified name's "::" would read as the start of a format string.
                foreach (SyntaxNodeOrToken child in interpolation.ChildNodesAndTokens())
                {
                    if (child.AsNode() == inserted)
                    {
                        Text("(", spaceBefore: false, spaceAfter: false);
                        Node(inserted);
                        Text(")", spaceBefore: false, spaceAfter: false);
                    }
                    else if (child.AsNode() is { } other)
                    {
                        Node(other);
                    }
                    else
                    {
                        Token(child.AsToken(), interpolation);
                    }
                }
            }
            else if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax receiverCall } call
                && model.GetOperation(call) is IInvocationOperation { TargetMethod: { IsExtensionMethod: true } extension })
            {
                StaticCallOf(call, receiverCall, extension, before);
            }
            else
            {
                foreach (SyntaxNodeOrToken child in node.ChildNodesAndTokens())
                {
                    if (child.AsNode() is { } inner)
                    {
                        Child(inner);
                    }
                    else
                    {
                        Token(child.AsToken(), node);
                    }
                }
            }
        }

        /// <summary>A child node; the name after a dot is the member's own name, never qualified itself.</summary>
        private void Child(SyntaxNode inner)
        {
            if (inner is SimpleNameSyntax name && inner.Parent is MemberAccessExpressionSyntax access && access.Name == name)
            {
                Raw(name);
            }
            else
            {
                Node(inner);
            }
        }

        /// <summary>A name as written, its type arguments qualified.</summary>
        private void Raw(SimpleNameSyntax name)
        {
            Token(name.Identifier, name);
            if (name is GenericNameSyntax generic)
            {
                Node(generic.TypeArgumentList);
            }
        }

        /// <summary><c>receiver.Method(args)</c> of an extension method as <c>global::Type.Method(receiver, args)</c>.</summary>
        private void StaticCallOf(InvocationExpressionSyntax call, MemberAccessExpressionSyntax receiverCall, IMethodSymbol extension, bool spaceBefore)
        {
            Text(extension.ContainingType.ToDisplayString(KnownSymbols.QualifiedFormat) + ".", spaceBefore, spaceAfter: false);
            Raw(receiverCall.Name);
            Text("(", spaceBefore: false, spaceAfter: false);
            Node(receiverCall.Expression);
            foreach (ArgumentSyntax argument in call.ArgumentList.Arguments)
            {
                Text(",", spaceBefore: false, spaceAfter: true);
                Node(argument);
            }

            CallerInformation(call.ArgumentList, leading: true);
            Text(")", spaceBefore: false, call.HasTrailingTrivia);
        }

        private void Token(SyntaxToken token, SyntaxNode parent)
        {
            if (token.IsKind(SyntaxKind.CloseParenToken) && parent is ArgumentListSyntax arguments)
            {
                CallerInformation(arguments, leading: arguments.Arguments.Count > 0);
            }

            Text(token.Text, token.HasLeadingTrivia, token.HasTrailingTrivia);
        }

        /// <summary>Writes <paramref name="text"/>; whitespace or comments between two tokens of the source become one space.</summary>
        private void Text(string text, bool spaceBefore, bool spaceAfter)
        {
            if ((spaceOwed || spaceBefore) && !glued && (piece.Length > 0 || pieces.Count > 0))
            {
                piece.Append(' ');
            }

            glued = false;

            piece.Append(text);
            spaceOwed = spaceAfter;
        }

        /// <summary>
        /// The arguments the compiler fills in from the call site (<c>[CallerArgumentExpression]</c>, <c>[CallerMemberName]</c>, …), passed by
        /// name with the values the method's own call gets.
        /// </summary>
        private void CallerInformation(ArgumentListSyntax arguments, bool leading)
        {
            IEnumerable<IArgumentOperation> filledIn = model.GetOperation(arguments.Parent!) switch
            {
                IInvocationOperation invocation => invocation.Arguments,
                IObjectCreationOperation creation => creation.Arguments,
                _ => Enumerable.Empty<IArgumentOperation>(),
            };
            foreach (IArgumentOperation argument in filledIn.Where(a => a.ArgumentKind == ArgumentKind.DefaultValue && a.Parameter is { } parameter
                && parameter.GetAttributes().Any(IsCallerInformation) && a.Value.ConstantValue.HasValue))
            {
                WritesLineNumber |= argument.Parameter!.GetAttributes().Any(IsCallerLineNumber);
                Text((leading ? ", " : string.Empty) + Identifiers.Identifier(argument.Parameter!.Name) + ": "
                    + SymbolDisplay.FormatPrimitive(argument.Value.ConstantValue.Value!, quoteStrings: true, useHexadecimalNumbers: false), false, false);
                leading = true;
            }
        }

        private static bool IsCallerLineNumber(AttributeData attribute) =>
            attribute.AttributeClass?.ToDisplayString() == "System.Runtime.CompilerServices.CallerLineNumberAttribute";

        private static bool IsCallerInformation(AttributeData attribute) => attribute.AttributeClass?.ToDisplayString() is
            "System.Runtime.CompilerServices.CallerArgumentExpressionAttribute" or "System.Runtime.CompilerServices.CallerMemberNameAttribute"
            or "System.Runtime.CompilerServices.CallerFilePathAttribute" or "System.Runtime.CompilerServices.CallerLineNumberAttribute";

        /// <summary>A type or namespace name, fully qualified; null for anything else.</summary>
        private string? QualifiedName(SyntaxNode node) =>
            node is NameSyntax or MemberAccessExpressionSyntax && Symbol(node) is INamespaceOrTypeSymbol type
                ? type.ToDisplayString(KnownSymbols.QualifiedFormat)
                : null;

        /// <summary>
        /// What a member named without its owner is reached through: its type, fully qualified, for a static member (in its own class,
        /// or through <c>using static</c>); <c>this</c> for a member of the instance, which a generated local could otherwise hide.
        /// </summary>
        private string? StaticMemberContainer(SimpleNameSyntax name) =>
            !(name.Parent is MemberAccessExpressionSyntax access && access.Name == name) && Symbol(name) is { ContainingType: { } } member
                and (IMethodSymbol { MethodKind: not MethodKind.LocalFunction } or IFieldSymbol or IPropertySymbol or IEventSymbol)
                ? BodyParser.Owner(member)
                : null;

        private ISymbol? Symbol(SyntaxNode node)
        {
            SymbolInfo info = model.GetSymbolInfo(node);
            return info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
        }
    }
}
