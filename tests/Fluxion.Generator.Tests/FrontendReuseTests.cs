using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Fluxion.Generator.Tests
{
    /// <summary>
    /// The frontend reuses a method's reading across compilations when neither its text nor any declaration changed. The oracle:
    /// after every edit of a sequence, a driver that has seen all the edits before produces exactly what a new driver produces on the
    /// same compilation (files, and the frontend's results with every place in them), and reads again only the methods the edit can
    /// have changed.
    /// </summary>
    public class FrontendReuseTests
    {
        private const string ModelFile = """
            using System;
            using Fluxion;
            namespace Demo;
            public static partial class Model
            {
                public static int Revision() { return 42; }

                [Differentiable]
                public static double F(double x, double y) => x * Math.Sin(y) * Constants.Scale;

                [Differentiable]
                public static double Logged(double x)
                {
                    Trace.Here("logged");
                    return x * x;
                }

                [Differentiable]
                public static double Broken(double x) => x * Other.Plain(x);

                [Differentiable]
                public static double CallsBroken(double x) => Broken(x) + 1.0;

                [Differentiable]
                public static double Caller(double x) => Other.G(x) + 1.0;
            }
            """;

        private const string OtherFile = """
            using System;
            using System.Runtime.CompilerServices;
            using Fluxion;
            namespace Demo;
            public static partial class Other
            {
                [Differentiable]
                public static double G(double x) => Math.Exp(x);

                public static double Plain(double x) => x;
            }

            public static class Constants
            {
                public const double Scale = 2.0;
            }

            public static class Trace
            {
                public static void Here(string what, [CallerLineNumber] int line = 0) => Console.WriteLine(what + line);
            }
            """;

        private const string ClosedFile = """
            using Fluxion;
            namespace Demo;
            public static class Closed
            {
                public static int Count() { return 7; }

                [Differentiable]
                public static double H(double x) => x * x;
            }
            """;

        private static readonly (string What, int File, string Old, string New, int Reads)[] Edits =
        {
            ("a keystroke above four methods moves them", 0, "return 42;", "return 421;", 0),
            ("a new line above them moves them down a line; Logged passes its line number", 0, "    public static int Revision()",
                "    // The revision of the model.\n    public static int Revision()", 1),
            ("an edit in one method's body", 0, "Math.Sin(y)", "Math.Cos(y)", 1),
            ("a constant in another file", 1, "Scale = 2.0", "Scale = 3.0", 7),
            ("a callee loses its attribute", 1, "    [Differentiable]\n    public static double G", "    public static double G", 6),
            ("a keystroke between a diagnostic outside the method and the method", 2, "return 7;", "return 77;", 1),
            ("a new line above the type the diagnostic points at", 2, "public static class Closed", "\npublic static class Closed", 1),
            ("a directive in a method body reaches the methods after it", 0, "return 421;", "return 421;\n#nullable disable\n", 6),
        };

        [Fact]
        public void AfterEveryEditTheDriverReportsWhatANewDriverReports()
        {
            var generator = new DifferentiableGenerator();
            GeneratorDriver driver = Driver(generator);
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(ModelFile, OtherFile, ClosedFile);
            driver = driver.RunGenerators(compilation);
            Assert.Equal(Describe(Driver(new DifferentiableGenerator()).RunGenerators(compilation)), Describe(driver));
            Assert.Contains(Describe(driver), line => line.Contains("FLX0007", StringComparison.Ordinal));
            Assert.Contains(Describe(driver), line => line.StartsWith("Demo.Model.Caller_", StringComparison.Ordinal));
            Assert.DoesNotContain(Describe(driver), line => line.Contains("Broken_", StringComparison.Ordinal));
            int reads = generator.MethodsParsed;

            foreach ((string what, int file, string old, string replacement, int expectedReads) in Edits)
            {
                SyntaxTree tree = compilation.SyntaxTrees.ElementAt(file);
                string text = tree.GetText().ToString().Replace("\r\n", "\n");
                Assert.True(text.Contains(old, StringComparison.Ordinal), what);
                compilation = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
                    text.Replace(old, replacement))));
                driver = driver.RunGenerators(compilation);

                AssertSame(Describe(Driver(new DifferentiableGenerator()).RunGenerators(compilation)), Describe(driver), what);
                Assert.True(expectedReads == generator.MethodsParsed - reads, $"{what}: {generator.MethodsParsed - reads} methods read");
                reads = generator.MethodsParsed;
            }
        }

        [Fact]
        public void NewOptionsOrReferencesReadEveryMethodAgain()
        {
            var generator = new DifferentiableGenerator();
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(ModelFile, OtherFile, ClosedFile);
            GeneratorDriver driver = Driver(generator).RunGenerators(compilation);
            int reads = generator.MethodsParsed;

            var changes = new Func<CSharpCompilation, CSharpCompilation>[]
            {
                c => c.WithOptions(c.Options.WithNullableContextOptions(NullableContextOptions.Disable)),
                c => c.RemoveReferences(c.References.Last()).AddReferences(MetadataReference.CreateFromFile(typeof(DifferentiableAttribute).Assembly.Location)),
                c => c.RemoveAllSyntaxTrees().AddSyntaxTrees(c.SyntaxTrees.Select(t => t.WithRootAndOptions(t.GetRoot(),
                    ((CSharpParseOptions)t.Options).WithPreprocessorSymbols("EXTRA")))),
            };
            foreach (Func<CSharpCompilation, CSharpCompilation> change in changes)
            {
                compilation = change(compilation);
                driver = driver.RunGenerators(compilation);

                AssertSame(Describe(Driver(new DifferentiableGenerator()).RunGenerators(compilation)), Describe(driver), "a new option");
                Assert.Equal(7, generator.MethodsParsed - reads);
                reads = generator.MethodsParsed;
            }
        }

        /// <summary>Equal lists; if not, the first line that differs, whole, and the edit after which it did.</summary>
        private static void AssertSame(List<string> expected, List<string> actual, string what)
        {
            int differs = Enumerable.Range(0, Math.Min(expected.Count, actual.Count)).FirstOrDefault(i => expected[i] != actual[i], -1);
            Assert.True(differs < 0 && expected.Count == actual.Count,
                differs < 0 ? $"{what}: {expected.Count} lines expected, {actual.Count} found"
                    : $"{what}:\nexpected {expected[differs]}\nfound    {actual[differs]}");
        }

        private static GeneratorDriver Driver(DifferentiableGenerator generator) =>
            CSharpGeneratorDriver.Create(new[] { generator.AsSourceGenerator() }, parseOptions: GeneratorHarness.ParseOptions,
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

        /// <summary>
        /// Every file with its text, every diagnostic, and what the frontend made of each method (reused or not): its diagnostics and
        /// calls, each with its place. (Not the method's own place: the pipeline compares models without it, so that moving a method
        /// generates nothing again, and keeps the one it first had.)
        /// </summary>
        private static List<string> Describe(GeneratorDriver driver)
        {
            GeneratorRunResult result = driver.GetRunResult().Results.Single();
            Assert.Null(result.Exception);
            static string Place(Diagnostics.LocationInfo? location) => location is null ? "nowhere" : location.ToString();
            IEnumerable<string> frontend = result.TrackedSteps[DifferentiableGenerator.ParseStep]
                .SelectMany(step => step.Outputs)
                .Where(output => output.Reason != IncrementalStepRunReason.Removed)
                .Select(output => (Frontend.ParseResult)output.Value)
                .Select(parsed => string.Join(" ", new[] { parsed.Method?.FullName ?? parsed.RejectedKey ?? "-" }
                    .Concat(parsed.Diagnostics.Select(d => d.Descriptor.Id + " " + string.Join("|", d.MessageArguments) + " " + Place(d.Location)))
                    .Concat(parsed.Calls.Select(call => call.CalleeKey + " " + Place(call.Location)))));
            return result.GeneratedSources.Select(source => source.HintName + "\n" + source.SourceText)
                .Concat(result.Diagnostics.Select(d => d.Id + " " + d.Location.GetLineSpan() + " " + d.Location.SourceSpan + " " + d.GetMessage()))
                .Concat(frontend)
                .OrderBy(line => line, StringComparer.Ordinal)
                .ToList();
        }
    }
}
