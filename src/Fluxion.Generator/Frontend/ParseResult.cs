using Fluxion.Generator.Diagnostics;
using Fluxion.Generator.Model;

namespace Fluxion.Generator.Frontend
{
    /// <summary>What the parser made of one <c>[Differentiable]</c> method: a model, or the reasons there is none.</summary>
    /// <param name="RejectedKey">The key of a method the compiler rejects: no model and no diagnostic, nor FLX0014 for its callers.</param>
    internal sealed record ParseResult(MethodModel? Method, EquatableArray<DiagnosticInfo> Diagnostics, string? RejectedKey = null)
    {
        /// <summary>
        /// The method's calls of <c>[Differentiable]</c> methods of this compilation, each where it is. Unlike the model, whose equality
        /// leaves places out so that moving a method generates nothing again, these compare with their places: the analyzer puts FLX0014 on them.
        /// </summary>
        public EquatableArray<LocatedCall> Calls { get; init; } = EquatableArray<LocatedCall>.Empty;

        /// <summary>True when the model holds line numbers of the method's source (a kept call's <c>[CallerLineNumber]</c>).</summary>
        public bool HoldsLineNumbers { get; init; }

        public static readonly ParseResult Nothing = new ParseResult(null, EquatableArray<DiagnosticInfo>.Empty);

        public static ParseResult Rejected(string key) => new ParseResult(null, EquatableArray<DiagnosticInfo>.Empty, key);
    }

    /// <summary>A call of a <c>[Differentiable]</c> method of the same compilation, and where it is.</summary>
    internal sealed record LocatedCall(string CalleeKey, string CalleeName, LocationInfo? Location);
}
