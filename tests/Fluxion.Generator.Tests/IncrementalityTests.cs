using System.Collections.Generic;
using System.Linq;
using Fluxion.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Fluxion.Generator.Tests
{
    /// <summary>Edits elsewhere must not regenerate a method's gradient: the pipeline's models compare by value.</summary>
    public class IncrementalityTests
    {
        private const string ModelFile = """
            using System;
            using Fluxion;
            namespace Demo;
            public static partial class Model
            {
                public static double Helper(double x) => x + 1;

                [Differentiable]
                public static double F(double x, double y) => x * Math.Sin(y);
            }
            """;

        private const string OtherModelFile = """
            using System;
            using Fluxion;
            namespace Demo;
            public static partial class Other
            {
                [Differentiable]
                public static double G(double x) => Math.Exp(x) * x;
            }
            """;

        private const string UnrelatedFile = """
            namespace Demo;
            public static class Unrelated
            {
                public static int Answer() => 42;
            }
            """;

        [Fact]
        public void EditingAnUnrelatedFileRegeneratesNothing()
        {
            (GeneratorDriverRunResult result, _) = RunTwice(
                c => Replace(c, 2, UnrelatedFile.Replace("42", "43") + "\npublic static class Added { public static double V => 1.0; }\n"));

            AssertAllOutputs(result, DifferentiableGenerator.ModelStep, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
            AssertAllSourceOutputs(result, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        }

        [Fact]
        public void EditingAnUnrelatedMethodInTheSameFileRegeneratesNothing()
        {
            // The edit moves F further down the file: the model has no locations, so it stays equal.
            (GeneratorDriverRunResult result, _) = RunTwice(
                c => Replace(c, 0, ModelFile.Replace("public static double Helper(double x) => x + 1;", "public static double Helper(double x)\n    {\n        return x + 2;\n    }\n")));

            AssertAllOutputs(result, DifferentiableGenerator.ModelStep, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
            AssertAllSourceOutputs(result, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        }

        [Fact]
        public void EditingADifferentiableMethodRegeneratesOnlyThatMethod()
        {
            (GeneratorDriverRunResult result, _) = RunTwice(c => Replace(c, 0, ModelFile.Replace("x * Math.Sin(y)", "x * Math.Cos(y)")));

            var outputs = result.Results.Single().TrackedSteps[DifferentiableGenerator.ModelStep]
                .SelectMany(step => step.Outputs)
                .ToDictionary(o => ((MethodModel)o.Value).Name, o => o.Reason);
            Assert.Equal(IncrementalStepRunReason.Modified, outputs["F"]);
            Assert.Contains(outputs["G"], new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged });
            Assert.Contains("Cos", result.Results.Single().GeneratedSources.Single(s => s.HintName.Contains(".F_")).SourceText.ToString());
        }

        [Fact]
        public void ChangingACalleeInAnotherFileUpdatesTheCaller()
        {
            const string Caller = "using Fluxion;\nnamespace Demo;\npublic static partial class Caller\n{\n    [Differentiable]\n    public static double F(double x) => Callee.G(x, 2.0) * x;\n}\n";
            const string Callee = "using Fluxion;\nnamespace Demo;\npublic static partial class Callee\n{\n    [Differentiable]\n    public static double G(double a, double b) => a * b;\n}\n";
            Compilation compilation = GeneratorHarness.CreateCompilation(Caller, Callee);
            GeneratorDriver driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);
            Assert.Contains("out _", driver.GetRunResult().GeneratedTrees.Single(t => t.FilePath.Contains("Caller.F")).ToString());

            // G now differentiates only a: its gradient has one output, and the caller must follow.
            driver = driver.RunGenerators(Replace(compilation, 1, Callee.Replace("[Differentiable]", "[Differentiable(nameof(a))]")));

            string caller = driver.GetRunResult().GeneratedTrees.Single(t => t.FilePath.Contains("Caller.F")).ToString();
            Assert.DoesNotContain("out _", caller);
            Assert.Contains("G_Grad(x, 2.0, out double g_da)", caller);
        }

        [Fact]
        public void SupplyingADerivativeInAnotherFileUpdatesTheCaller()
        {
            const string Caller = "using Fluxion;\nnamespace Demo;\npublic static partial class Caller\n{\n    [Differentiable]\n"
                + "    public static double F(double x) => Library.Square(x) * x;\n}\n";
            const string Library = "namespace Demo;\npublic static class Library\n{\n    public static double Square(double x) => x * x;\n}\n";
            const string Rules = "using Fluxion;\nnamespace Demo;\npublic static class Rules\n{\n"
                + "    [DerivativeOf(typeof(Library), nameof(Library.Square))]\n"
                + "    public static double SquareDerivative(double x, out double dx) { dx = 2 * x; return x * x; }\n}\n";
            Compilation compilation = GeneratorHarness.CreateCompilation(Caller, Library, "namespace Demo;\n");
            GeneratorDriver driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);
            Assert.Contains(GeneratorHarness.Analyze(compilation).Diagnostics, d => d.Id == "FLX0007");
            Assert.Empty(driver.GetRunResult().GeneratedTrees);

            compilation = Replace(compilation, 2, Rules);
            driver = driver.RunGenerators(compilation);

            Assert.Empty(GeneratorHarness.Analyze(compilation).Diagnostics);
            Assert.Empty(driver.GetRunResult().Diagnostics);
            string caller = driver.GetRunResult().GeneratedTrees.Single(t => t.FilePath.Contains("Caller.F")).ToString();
            Assert.Contains("global::Demo.Rules.SquareDerivative(x, out double square_dx)", caller);
        }

        [Fact]
        public void AddingAMethodDifferentiatesOnlyThatMethod()
        {
            (GeneratorDriverRunResult result, _) = RunTwice(
                c => Replace(c, 2, UnrelatedFile + "\npublic static partial class Added\n{\n    [Fluxion.Differentiable]\n    public static double H(double x) => x * x;\n}\n"));

            Dictionary<string, IncrementalStepRunReason> generated = GeneratedReasons(result);
            Assert.Equal(IncrementalStepRunReason.New, generated["Demo.Added.H"]);
            Assert.Contains(generated["Demo.Model.F"], Reused);
            Assert.Contains(generated["Demo.Other.G"], Reused);
            Assert.All(OutputReasons(result).Where(o => o.Key != "Demo.Added.H"), o => Assert.Contains(o.Value, Reused));
        }

        [Fact]
        public void BreakingAMethodDifferentiatesNothingElse()
        {
            // G now writes a static field (FLX0008): it has no model and no gradient, the others stay as they were.
            (GeneratorDriverRunResult result, Compilation edited) = RunTwice(
                c => Replace(c, 1, OtherModelFile.Replace("{\n    [Differentiable]", "{\n    private static double last;\n    [Differentiable]")
                    .Replace("=> Math.Exp(x) * x;", "{ last = x; return Math.Exp(x) * x; }")));

            Dictionary<string, IncrementalStepRunReason> generated = GeneratedReasons(result);
            Assert.Contains(generated["Demo.Model.F"], Reused);
            Assert.False(generated.ContainsKey("Demo.Other.G") && generated["Demo.Other.G"] != IncrementalStepRunReason.Removed);
            Assert.Contains(OutputReasons(result)["Demo.Model.F"], Reused);
            Assert.Contains(GeneratorHarness.Analyze(edited).Diagnostics, d => d.Id == "FLX0008");
        }

        [Fact]
        public void BreakingACalleeReportsAtTheCallerWithoutDifferentiatingItAgain()
        {
            const string Caller = "using Fluxion;\nnamespace Demo;\npublic static partial class Caller\n{\n    [Differentiable]\n    public static double F(double x) => Callee.G(x) * x;\n}\n";
            const string Callee = "using Fluxion;\nnamespace Demo;\npublic static partial class Callee\n{\n    [Differentiable]\n    public static double G(double a) => a * a;\n}\n";
            Compilation compilation = GeneratorHarness.CreateCompilation(Caller, Callee);
            GeneratorDriver driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);

            // G's body now calls a non-deterministic function: G gets FLX0009 and no gradient, F gets FLX0014 at its call.
            Compilation withBrokenCallee = Replace(compilation, 1, Callee.Replace("a * a", "a * System.Random.Shared.NextDouble()"));
            driver = driver.RunGenerators(withBrokenCallee);
            GeneratorDriverRunResult broken = driver.GetRunResult();
            Assert.Contains(GeneratedReasons(broken)["Demo.Caller.F"], Reused);
            Assert.Equal(IncrementalStepRunReason.Modified, OutputReasons(broken)["Demo.Caller.F"]);
            Assert.Equal(new[] { "FLX0009", "FLX0014" }, GeneratorHarness.Analyze(withBrokenCallee).Diagnostics.Select(d => d.Id).OrderBy(id => id));
            Assert.Empty(broken.Diagnostics);
            Assert.DoesNotContain(broken.GeneratedTrees, t => t.FilePath.Contains("Caller.F"));

            // Mended, with a different body: F is still not differentiated again, and gets its file back.
            driver = driver.RunGenerators(Replace(compilation, 1, Callee.Replace("a * a", "a * a * a")));
            GeneratorDriverRunResult mended = driver.GetRunResult();
            Assert.Contains(GeneratedReasons(mended)["Demo.Caller.F"], Reused);
            Assert.Equal(IncrementalStepRunReason.Modified, OutputReasons(mended)["Demo.Caller.F"]);
            Assert.Empty(mended.Diagnostics);
            Assert.Contains(mended.GeneratedTrees, t => t.FilePath.Contains("Caller.F"));
        }

        [Fact]
        public void EditingACalleesBodyLeavesTheCallerAlone()
        {
            const string Caller = "using Fluxion;\nnamespace Demo;\npublic static partial class Caller\n{\n    [Differentiable]\n    public static double F(double x) => Callee.G(x) * x;\n}\n";
            const string Callee = "using Fluxion;\nnamespace Demo;\npublic static partial class Callee\n{\n    [Differentiable]\n    public static double G(double a) => a * a;\n}\n";
            Compilation compilation = GeneratorHarness.CreateCompilation(Caller, Callee);
            GeneratorDriver driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);

            driver = driver.RunGenerators(Replace(compilation, 1, Callee.Replace("a * a", "System.Math.Sin(a)")));
            GeneratorDriverRunResult result = driver.GetRunResult();

            Assert.Equal(IncrementalStepRunReason.Modified, GeneratedReasons(result)["Demo.Callee.G"]);
            Assert.Contains(GeneratedReasons(result)["Demo.Caller.F"], Reused);
            Assert.Contains(OutputReasons(result)["Demo.Caller.F"], Reused);
        }

        [Fact]
        public void ParsedModelsCompareByValue()
        {
            GeneratorDriver driver = GeneratorHarness.CreateDriver(trackSteps: true);
            Compilation compilation = GeneratorHarness.CreateCompilation(ModelFile, OtherModelFile, UnrelatedFile);
            var first = driver.RunGenerators(compilation).GetRunResult().Results.Single().TrackedSteps[DifferentiableGenerator.ModelStep]
                .SelectMany(s => s.Outputs).Select(o => o.Value).ToList();
            var second = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(GeneratorHarness.CreateCompilation(ModelFile, OtherModelFile, UnrelatedFile))
                .GetRunResult().Results.Single().TrackedSteps[DifferentiableGenerator.ModelStep]
                .SelectMany(s => s.Outputs).Select(o => o.Value).ToList();

            Assert.Equal(2, first.Count);
            Assert.Equal(first, second);
            Assert.Equal(first.Select(m => m.GetHashCode()), second.Select(m => m.GetHashCode()));
        }

        private static readonly IncrementalStepRunReason[] Reused = { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged };

        /// <summary>Why each method's generation step ran (or did not), by the method's full name.</summary>
        private static Dictionary<string, IncrementalStepRunReason> GeneratedReasons(GeneratorDriverRunResult result) =>
            result.Results.Single().TrackedSteps[DifferentiableGenerator.GenerateStep]
                .SelectMany(step => step.Outputs)
                .ToDictionary(o => ((Pipeline.GeneratedGradient)o.Value).FullName, o => o.Reason);

        /// <summary>Why each method's output decision ran (or did not), by the method's full name.</summary>
        private static Dictionary<string, IncrementalStepRunReason> OutputReasons(GeneratorDriverRunResult result) =>
            result.Results.Single().TrackedSteps[DifferentiableGenerator.OutputStep]
                .SelectMany(step => step.Outputs)
                .ToDictionary(o => ((Pipeline.GradientOutput)o.Value).FullName, o => o.Reason);

        private static (GeneratorDriverRunResult Result, Compilation Edited) RunTwice(System.Func<Compilation, Compilation> edit)
        {
            Compilation compilation = GeneratorHarness.CreateCompilation(ModelFile, OtherModelFile, UnrelatedFile);
            GeneratorDriver driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);
            Compilation edited = edit(compilation);
            driver = driver.RunGenerators(edited);
            return (driver.GetRunResult(), edited);
        }

        private static Compilation Replace(Compilation compilation, int index, string text)
        {
            SyntaxTree old = compilation.SyntaxTrees.ElementAt(index);
            return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions, old.FilePath));
        }

        private static void AssertAllOutputs(GeneratorDriverRunResult result, string stepName, params IncrementalStepRunReason[] allowed)
        {
            var outputs = result.Results.Single().TrackedSteps[stepName].SelectMany(step => step.Outputs).ToList();
            Assert.Equal(2, outputs.Count);
            Assert.All(outputs, output => Assert.Contains(output.Reason, allowed));
        }

        private static void AssertAllSourceOutputs(GeneratorDriverRunResult result, params IncrementalStepRunReason[] allowed)
        {
            IEnumerable<(object Value, IncrementalStepRunReason Reason)> outputs = result.Results.Single().TrackedOutputSteps
                .SelectMany(pair => pair.Value)
                .SelectMany(step => step.Outputs)
                .ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, output => Assert.Contains(output.Reason, allowed));
        }
    }
}
