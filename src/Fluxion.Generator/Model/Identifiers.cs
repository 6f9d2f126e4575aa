using Microsoft.CodeAnalysis.CSharp;

namespace Fluxion.Generator.Model
{
    /// <summary>The one keyword escaper: every name the generator prints goes through it.</summary>
    internal static class Identifiers
    {
        /// <summary><paramref name="name"/> as C# source: <c>@</c> before a keyword and before <c>_</c> (a discard where an out argument stands).</summary>
        public static string Identifier(string name) =>
            SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.UnderscoreToken ? "@" + name : name;
    }
}
