using System;
using Fluxion.Generator.Diagnostics;
using Fluxion.Generator.Emission;
using Fluxion.Generator.Model;
using Fluxion.Generator.Modes.Reverse;
using Fluxion.Generator.Optimization;

namespace Fluxion.Generator.Pipeline
{
    /// <summary>
    /// One method's generated file, or the diagnostic that says why there is none. It compares by value, so the
    /// pipeline keeps it while the method's model stays equal: an edit elsewhere differentiates nothing again.
    /// </summary>
    /// <param name="Text">The generated file, or null when generation failed.</param>
    /// <param name="Calls">The method's calls of <c>[Differentiable]</c> methods, for FLX0014 when a callee gets no gradient.</param>
    internal sealed record GeneratedGradient(
        string Key,
        string FullName,
        string HintName,
        string? Text,
        EquatableArray<DiagnosticInfo> Diagnostics,
        EquatableArray<CallSite> Calls,
        UncomparedLocation Location);

    /// <summary>The stages after the frontend, for one method: differentiate, simplify, emit. Never throws.</summary>
    internal static class GradientGeneration
    {
        /// <param name="nullableDirective">Whether the file may start with <c>#nullable enable</c> (C# 8 and later).</param>
        public static GeneratedGradient Generate(MethodModel method, bool nullableDirective)
        {
            string? text = null;
            var diagnostics = EquatableArray<DiagnosticInfo>.Empty;
            try
            {
                GradientMethod gradient = ReverseModeDifferentiator.Differentiate(method);
                text = Emitter.Emit(Simplifier.Simplify(gradient), nullableDirective);
            }
            catch (Exception exception)
            {
                string reason = exception.GetType().Name + ": " + exception.Message;
                diagnostics = EquatableArray.Create(new DiagnosticInfo(DiagnosticDescriptors.InternalError, method.Location.Value, EquatableArray.Create(method.FullName, reason)));
            }

            return new GeneratedGradient(method.Key, method.FullName, method.HintName, text, diagnostics, method.Calls, method.Location);
        }
    }
}
