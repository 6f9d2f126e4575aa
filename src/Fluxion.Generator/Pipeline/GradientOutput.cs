using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Fluxion.Generator.Diagnostics;
using Fluxion.Generator.Frontend;
using Fluxion.Generator.Model;

namespace Fluxion.Generator.Pipeline
{
    /// <summary>
    /// What the compilation gets for one method: each generated file whose kind every <c>[Differentiable]</c> callee has too,
    /// and the callees that get none (FLX0014 at their calls, see <see cref="MissingGradients"/>). Equal from run to run unless
    /// this method or the availability of its callees changed, so the source output of every other method stays cached.
    /// </summary>
    /// <param name="MissingCallees">The keys of the callees whose missing gradient keeps a file of this method out.</param>
    internal sealed record GradientOutput(string Key, string FullName, EquatableArray<GeneratedFile> Files, EquatableArray<string> MissingCallees,
        UncomparedLocation Location)
    {
        public static GradientOutput Decide(GeneratedGradient gradient, EquatableArray<string> available) =>
            Decide(gradient, available, EquatableArray<string>.Empty);

        /// <param name="silenced">Callees whose missing gradient the compiler's own error explains (see <see cref="AvailableGradients.Silenced"/>).</param>
        public static GradientOutput Decide(GeneratedGradient gradient, EquatableArray<string> available, EquatableArray<string> silenced)
        {
            // A file may hold several kinds (Hvp and Hessian): it is available when each of them is.
            bool Available(GeneratedFile file, string key) =>
                file.Kind.Each().All(kind => AvailableGradients.Contains(available, AvailableGradients.KeyOf(kind, key)));
            bool CalleeAvailable(GeneratedFile file, string calleeKey) =>
                file.Kind.Each().SelectMany(kind => kind.CalleeKinds().Each())
                    .All(kind => AvailableGradients.Contains(available, AvailableGradients.KeyOf(kind, calleeKey)));
            // A file whose generation failed is kept for its diagnostic (FLX0015); its callers see it as unavailable.
            var files = gradient.Files.Where(file => file.Text is null || Available(file, gradient.Key)).ToEquatableArray();
            var missing = gradient.Files
                .Where(file => file.Text is not null && !Available(file, gradient.Key))
                .SelectMany(file => gradient.Calls.Where(call => !CalleeAvailable(file, call.CalleeKey)
                    && !AvailableGradients.Contains(silenced, call.CalleeKey)))
                .Select(call => call.CalleeKey)
                .Distinct()
                .OrderBy(key => key, System.StringComparer.Ordinal);
            return new GradientOutput(gradient.Key, gradient.FullName, files, missing.ToEquatableArray(), gradient.Location);
        }

        /// <summary>
        /// FLX0014 at each call of a callee that gets no gradient, placed where the call is now: the outputs compare without places
        /// (a method moved by an edit above it generates nothing again), the call sites with them.
        /// </summary>
        public static EquatableArray<DiagnosticInfo> MissingGradients(ImmutableArray<GradientOutput> outputs, ImmutableArray<MethodCallSites> calls)
        {
            if (outputs.IsEmpty)
            {
                return EquatableArray<DiagnosticInfo>.Empty;
            }

            var callsOf = new Dictionary<string, EquatableArray<LocatedCall>>(System.StringComparer.Ordinal);
            foreach (MethodCallSites method in calls)
            {
                callsOf[method.Key] = method.Calls;
            }

            return outputs
                .SelectMany(output => callsOf.TryGetValue(output.Key, out EquatableArray<LocatedCall> sites)
                    ? sites.Where(call => output.MissingCallees.Contains(call.CalleeKey))
                    : Enumerable.Empty<LocatedCall>())
                .Select(call => new DiagnosticInfo(
                    DiagnosticDescriptors.CalleeHasNoGradient,
                    call.Location,
                    EquatableArray.Create(call.CalleeName, "see the diagnostics on that method or the methods it calls")))
                .Distinct()
                .ToEquatableArray();
        }
    }
}
