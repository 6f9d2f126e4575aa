using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace Fluxion.Generator.Tests
{
    /// <summary>
    /// The diagnostics come from an analyzer, so a project decides what they are: <c>#pragma warning disable</c> and
    /// <c>.editorconfig</c> severities apply, and a method whose error is silenced simply gets no derivatives while the build goes on.
    /// (Every test of DiagnosticTests runs the analyzer beside the generator and pins its IDs and spans.)
    /// </summary>
    public class AnalyzerTests
    {
        private const string Model = """
            using System;
            using Fluxion;

            public static partial class Model
            {
                [Differentiable]
                public static double Unsupported(double x) => (x, 0.0).Item1;

                [Differentiable]
                public static double Good(double x) => x * x;
            }
            """;

        [Fact]
        public void APragmaSilencesTheErrorAndTheMethodGetsNoGradient()
        {
            GenerationResult result = GeneratorHarness.Run(Model.Replace(
                "    [Differentiable]\n    public static double Unsupported",
                "#pragma warning disable FLX0006 // the tuple is deliberate\n    [Differentiable]\n    public static double Unsupported"));

            Assert.Null(result.Exception);
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Single(result.Sources);
            Assert.Contains("Good_Grad", result.Single());
            Assert.Empty(result.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        }

        [Fact]
        public void WithoutThePragmaTheErrorIsInTheSourceWhereThePragmaWouldApply()
        {
            GenerationResult result = GeneratorHarness.Run(Model);

            Diagnostic diagnostic = Assert.Single(result.GeneratorDiagnostics);
            Assert.Equal("FLX0006", diagnostic.Id);
            Assert.True(diagnostic.Location.IsInSource);
            Assert.Equal("(x, 0.0).Item1", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
            Assert.Single(result.Sources);
        }

        [Fact]
        public void ASeverityFromTheProjectApplies()
        {
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Model);
            compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
                ImmutableDictionary<string, ReportDiagnostic>.Empty.Add("FLX0006", ReportDiagnostic.Warn)));

            Diagnostic diagnostic = Assert.Single(GeneratorHarness.Run(compilation).GeneratorDiagnostics);

            Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        }

        [Fact]
        public Task AnEditorConfigSeverityApplies()
        {
            var test = new FluxionTest
            {
                ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
                TestState =
                {
                    Sources = { Model.Replace("(x, 0.0).Item1", "{|#0:(x, 0.0).Item1|}") },
                    AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.FLX0006.severity = suggestion\n") },
                    AdditionalReferences = { MetadataReference.CreateFromFile(typeof(DifferentiableAttribute).Assembly.Location) },
                },
                TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck,
            };
            test.ExpectedDiagnostics.Add(new DiagnosticResult("FLX0006", DiagnosticSeverity.Info).WithLocation(0));
            return test.RunAsync();
        }

        [Fact]
        public void ACallerOfASilencedMethodStillSaysItGetsNoGradient()
        {
            GenerationResult result = GeneratorHarness.Run(Model.Replace(
                    "    [Differentiable]\n    public static double Unsupported",
                    "#pragma warning disable FLX0006\n    [Differentiable]\n    public static double Unsupported")
                .Replace("=> x * x;", "=> x * x;\n#pragma warning restore FLX0006\n\n"
                    + "    [Differentiable]\n    public static double Caller(double x) => Unsupported(x) + x;"));

            Diagnostic diagnostic = Assert.Single(result.GeneratorDiagnostics);
            Assert.Equal("FLX0014", diagnostic.Id);
            Assert.Equal("Unsupported(x)", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
            Assert.Equal(new[] { "Good_Grad" }, result.Sources.Values.Select(text => text.Contains("Good_Grad") ? "Good_Grad" : text));
        }
    }
}
