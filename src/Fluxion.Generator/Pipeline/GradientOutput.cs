using System.Linq;
using Fluxion.Generator.Diagnostics;
using Fluxion.Generator.Model;

namespace Fluxion.Generator.Pipeline
{
    /// <summary>
    /// What the compilation gets for one method: its generated file and diagnostics when every <c>[Differentiable]</c>
    /// method it calls gets a gradient too, else FLX0014 at each call of one that does not. Equal from run to run unless
    /// this method or the availability of its callees changed, so the source output of every other method stays cached.
    /// </summary>
    internal sealed record GradientOutput(string HintName, string FullName, string? Text, EquatableArray<DiagnosticInfo> Diagnostics, UncomparedLocation Location)
    {
        public static GradientOutput Decide(GeneratedGradient gradient, EquatableArray<string> available)
        {
            if (available.Contains(gradient.Key))
            {
                return new GradientOutput(gradient.HintName, gradient.FullName, gradient.Text, gradient.Diagnostics, gradient.Location);
            }

            var missing = gradient.Calls
                .Where(call => !available.Contains(call.CalleeKey))
                .Select(call => new DiagnosticInfo(
                    DiagnosticDescriptors.CalleeHasNoGradient,
                    call.Location.Value,
                    EquatableArray.Create(call.CalleeName, "see the diagnostics on that method or the methods it calls")));
            return new GradientOutput(gradient.HintName, gradient.FullName, null, missing.ToEquatableArray(), gradient.Location);
        }
    }
}
