using System.Collections.Immutable;
using System.Linq;
using Fluxion.Generator.Diagnostics;
using Fluxion.Generator.Model;
using Fluxion.Generator.Pipeline;

namespace Fluxion.Generator.Tests
{
    /// <summary>Which generated methods the compilation gets: a callee whose generation failed takes its callers' with it.</summary>
    public class AvailabilityTests
    {
        private static readonly EquatableArray<DiagnosticInfo> NoDiagnostics = EquatableArray<DiagnosticInfo>.Empty;

        [Fact]
        public void ACalleeWhoseGenerationFailedTakesItsCallersGradientsWithIt()
        {
            var failure = new DiagnosticInfo(DiagnosticDescriptors.InternalError, null, EquatableArray.Create("Demo.G", "InvalidOperationException: …"));
            var callee = new GeneratedGradient(
                "M:G", "Demo.G", EquatableArray.Create(new GeneratedFile(DerivativeKinds.Gradient, "G.g.cs", null, EquatableArray.Create(failure))),
                EquatableArray<CallSite>.Empty, default);
            var caller = new GeneratedGradient(
                "M:F", "Demo.F", EquatableArray.Create(new GeneratedFile(DerivativeKinds.Gradient, "F.g.cs", "// F_Grad", NoDiagnostics)),
                EquatableArray.Create(new CallSite("M:G", "Demo.G")), default);

            EquatableArray<string> available = AvailableGradients.Compute(ImmutableArray.Create(AvailableGradients.CallsOf(callee), AvailableGradients.CallsOf(caller)));

            Assert.Empty(available);
            GradientOutput calleeOutput = GradientOutput.Decide(callee, available);
            Assert.Equal("FLX0015", Assert.Single(Assert.Single(calleeOutput.Files).Diagnostics).Descriptor.Id);
            Assert.Null(calleeOutput.Files[0].Text);
            GradientOutput callerOutput = GradientOutput.Decide(caller, available);
            Assert.Empty(callerOutput.Files);
        }

        [Fact]
        public void AKindGeneratedForTheCalleeButNotAnotherOnlyKeepsThatKind()
        {
            var callee = new GeneratedGradient(
                "M:G", "Demo.G",
                EquatableArray.Create(
                    new GeneratedFile(DerivativeKinds.Gradient, "G.g.cs", "// G_Grad", NoDiagnostics),
                    new GeneratedFile(DerivativeKinds.Jvp, "G.Jvp.g.cs", null, NoDiagnostics)),
                EquatableArray<CallSite>.Empty, default);
            var caller = new GeneratedGradient(
                "M:F", "Demo.F",
                EquatableArray.Create(
                    new GeneratedFile(DerivativeKinds.Gradient, "F.g.cs", "// F_Grad", NoDiagnostics),
                    new GeneratedFile(DerivativeKinds.Jvp, "F.Jvp.g.cs", "// F_Jvp", NoDiagnostics)),
                EquatableArray.Create(new CallSite("M:G", "Demo.G")), default);

            EquatableArray<string> available = AvailableGradients.Compute(ImmutableArray.Create(AvailableGradients.CallsOf(callee), AvailableGradients.CallsOf(caller)));

            GradientOutput callerOutput = GradientOutput.Decide(caller, available);
            Assert.Equal(new[] { DerivativeKinds.Gradient }, callerOutput.Files.Select(f => f.Kind));
        }
    }
}
