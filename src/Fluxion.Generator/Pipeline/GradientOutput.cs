using System.Linq;
using Fluxion.Generator.Model;

namespace Fluxion.Generator.Pipeline
{
    /// <summary>
    /// What the compilation gets for one method: each generated file whose kind every <c>[Differentiable]</c> callee has too (a
    /// caller of a method without one gets FLX0014 from the analyzer). Equal from run to run unless this method or the availability
    /// of its callees changed, so the source output of every other method stays cached.
    /// </summary>
    internal sealed record GradientOutput(string FullName, EquatableArray<GeneratedFile> Files, UncomparedLocation Location)
    {
        public static GradientOutput Decide(GeneratedGradient gradient, EquatableArray<string> available)
        {
            // A file may hold several kinds (Hvp and Hessian): it is available when each of them is. A file whose generation failed
            // is kept for its diagnostic (FLX0015); its callers see it as unavailable.
            bool Available(GeneratedFile file) =>
                file.Kind.Each().All(kind => AvailableGradients.Contains(available, AvailableGradients.KeyOf(kind, gradient.Key)));
            return new GradientOutput(gradient.FullName, gradient.Files.Where(file => file.Text is null || Available(file)).ToEquatableArray(),
                gradient.Location);
        }
    }
}
