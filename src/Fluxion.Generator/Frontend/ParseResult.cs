using Fluxion.Generator.Diagnostics;
using Fluxion.Generator.Model;

namespace Fluxion.Generator.Frontend
{
    /// <summary>What the parser made of one <c>[Differentiable]</c> method: a model, or the reasons there is none.</summary>
    internal sealed record ParseResult(MethodModel? Method, EquatableArray<DiagnosticInfo> Diagnostics)
    {
        public static readonly ParseResult Nothing = new ParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
    }
}
