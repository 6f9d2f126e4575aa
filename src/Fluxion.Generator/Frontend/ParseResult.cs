using Fluxion.Generator.Diagnostics;
using Fluxion.Generator.Model;

namespace Fluxion.Generator.Frontend
{
    /// <summary>What the parser made of one <c>[Differentiable]</c> method: a model, or the reasons there is none.</summary>
    /// <param name="RejectedKey">The key of a method the compiler rejects: no model and no diagnostic, nor FLX0014 for its callers.</param>
    internal sealed record ParseResult(MethodModel? Method, EquatableArray<DiagnosticInfo> Diagnostics, string? RejectedKey = null)
    {
        public static readonly ParseResult Nothing = new ParseResult(null, EquatableArray<DiagnosticInfo>.Empty);

        public static ParseResult Rejected(string key) => new ParseResult(null, EquatableArray<DiagnosticInfo>.Empty, key);
    }
}
