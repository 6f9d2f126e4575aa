using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Fluxion.Generator.Tests
{
    /// <summary>Declarations Fluxion cannot extend: a diagnostic on the attribute, or nothing where the compiler reports the code (issue 12).</summary>
    public partial class ReviewRegressionTests
    {
        [Fact]
        public void HalfTypedTypeDeclarationGetsNoGeneratedFile()
        {
            GenerationResult result = GeneratorHarness.Run(Usings + "public static partial class M\n[Differentiable] public static double F(double x) => x * x;");
            Assert.Empty(result.Sources);
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.DoesNotContain(result.CompilationDiagnostics, d => d.Location.SourceTree?.FilePath.Contains("Fluxion.Generator") == true);
        }

        [Fact]
        public void OperatorsConversionsAndAccessorsAreReportedOnTheAttribute()
        {
            string source = Usings + """
                public partial struct V
                {
                    public double A;
                    [Differentiable] public static V operator +(V a, V b) => a;
                    [Differentiable] public static implicit operator double(V v) => v.A;
                    public static double P { [Differentiable] get => 1.0; }
                }
                """;
            GenerationResult result = GeneratorHarness.Run(source);
            Assert.Empty(result.Sources);
            Assert.Equal(3, result.GeneratorDiagnostics.Length);
            Assert.All(result.GeneratorDiagnostics, d =>
            {
                Assert.Equal("FLX0012", d.Id);
                Assert.Equal("Differentiable", source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length));
            });
        }

        [Fact]
        public void PropertyIsLeftToTheCompiler()
        {
            GenerationResult result = GeneratorHarness.Run(Usings + "public static partial class M { [Differentiable] public static double P => 1.0; }");
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Contains(result.CompilationDiagnostics, d => d.Id == "CS0592");
        }

        [Fact]
        public void ExplicitInterfaceImplementationIsReportedOnTheAttribute()
        {
            string source = Usings + """
                public interface IEval { static abstract double Eval(double x); }
                public partial class C : IEval { [Differentiable] static double IEval.Eval(double x) => x * x; }
                """;
            GenerationResult result = GeneratorHarness.Run(source);
            Diagnostic diagnostic = Assert.Single(result.GeneratorDiagnostics);
            Assert.Equal("FLX0012", diagnostic.Id);
            Assert.Contains("explicit interface implementation", diagnostic.GetMessage());
            Assert.Equal("Differentiable", source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
            Assert.Empty(result.Sources);
            Assert.Empty(result.CompilationDiagnostics);
        }

        [Fact]
        public void UnreachableSectionReadingAnotherSectionsArrayIsReported()
        {
            string source = Usings + """
                public static partial class M
                {
                    [Differentiable] public static double F(double x, int n)
                    {
                        double r = 0;
                        switch (n) { case 1: double[] a = new double[2]; a[0] = x; r = a[0]; break; default: break; case 2 when false: r = a[1] * x; break; }
                        return r;
                    }
                }
                """;
            GenerationResult result = GeneratorHarness.Run(source);
            Diagnostic diagnostic = Assert.Single(result.GeneratorDiagnostics);
            Assert.Equal("FLX0006", diagnostic.Id);
            Assert.Equal(source.LastIndexOf("a[1]", StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
            Assert.Empty(result.Sources);
            Assert.Empty(result.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        }

        [Fact]
        public void BitReinterpretationOfADifferentiatedValueIsReported()
        {
            string source = Usings + """
                public static partial class M
                {
                    [Differentiable] public static double F(double x) => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(x));
                    [Differentiable(nameof(x))] public static double G(double x, double c) => x * (BitConverter.DoubleToInt64Bits(c) > 0 ? 1.0 : 2.0);
                }
                """;
            GenerationResult result = GeneratorHarness.Run(source);
            Diagnostic diagnostic = Assert.Single(result.GeneratorDiagnostics);
            Assert.Equal("FLX0006", diagnostic.Id);
            Assert.Equal("BitConverter.DoubleToInt64Bits(x)", source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
            Assert.Single(result.Sources);
            Assert.Empty(result.CompilationDiagnostics);
        }

        [Fact]
        public void MessagesOfFlx0008AndFlx0010SayWhatIsAllowed()
        {
            GenerationResult result = GeneratorHarness.Run(Usings + """
                public static partial class M
                {
                    [Differentiable] public static double F(double x) { Span<double> s = stackalloc double[2]; s[0] = x; return x; }
                    [Differentiable(nameof(w), nameof(n))] public static double G(double[] w, int n) => w[0] * n;
                }
                """);
            // The span's declaration is what is reported, with what to use instead; its element writes are no writes outside the method.
            Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "FLX0008");
            Assert.Contains("a local array (new double[n])", Assert.Single(result.GeneratorDiagnostics, d => d.Id == "FLX0005").GetMessage());
            Diagnostic name = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "FLX0010");
            Assert.StartsWith("'n' is not a differentiable parameter", name.GetMessage());
            Assert.Contains("arrays or spans of double", name.GetMessage());
        }

        [Fact]
        public void MethodTheCompilerRejectsAndItsCallersGetNoFluxionDiagnostic()
        {
            string source = Usings + """
                public static partial class M
                {
                    [Differentiable] public static double G(double x) { if (x > 0) { return x; } }
                    [Differentiable] public static double F(double x) => G(x) * 2;
                    [Differentiable] public static double H(double x) => F(x) + 1;
                    [Differentiable] public static double K(double x) { try { return x; } finally { } }
                    [Differentiable] public static double Both(double x) => G(x) + K(x);
                    [Differentiable] public static double Fine(double x) => x * x;
                }
                """;
            GenerationResult result = GeneratorHarness.Run(source);
            Assert.Equal(new[] { "CS0161" }, result.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id));
            // K's own problem is Fluxion's to report, and so is the call of K; the calls of G the compiler explains.
            Assert.Equal(new[] { "FLX0005", "FLX0014" }, result.GeneratorDiagnostics.Select(d => d.Id).OrderBy(id => id));
            Diagnostic call = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "FLX0014");
            Assert.Equal("K(x)", source.Substring(call.Location.SourceSpan.Start, call.Location.SourceSpan.Length));
            Assert.Single(result.Sources);
        }

        [Fact]
        public void WarningMadeAnErrorDoesNotSkipTheMethod()
        {
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Usings
                + "public static partial class M { [Differentiable] public static double F(double x) { double unused; return x * x; } }");
            compilation = compilation.WithOptions(compilation.Options.WithGeneralDiagnosticOption(ReportDiagnostic.Error));
            GenerationResult result = GeneratorHarness.Run(compilation);
            Assert.Single(result.Sources);
            Assert.Empty(result.GeneratorDiagnostics);
        }
    }
}
