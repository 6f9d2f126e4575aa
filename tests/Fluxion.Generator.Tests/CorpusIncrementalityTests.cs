using System.Collections.Generic;
using System.Linq;
using Fluxion.GeneratorBenchmarks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Fluxion.Generator.Tests
{
    /// <summary>
    /// The generator benchmark's claim that an edit costs about one method, checked with tracked steps on its corpus
    /// (smaller: 60 methods over 3 partial classes): after a one-line edit in one method, that method alone is differentiated
    /// again and gets a new file; after a keystroke in plain code, none is. The frontend itself reads only the edited method again,
    /// and nothing after the keystroke, though that moved every method below it.
    /// </summary>
    public class CorpusIncrementalityTests
    {
        private const int EditedMethod = 27;

        private static readonly IncrementalStepRunReason[] Reused = { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged };

        private readonly Corpus corpus = Corpus.Create(methodCount: 60, fileCount: 3);

        private readonly DifferentiableGenerator generator = new();

        [Fact]
        public void TheCorpusGeneratesEveryMethodCleanly()
        {
            GeneratorRunResult result = CreateDriver().RunGenerators(corpus.Compilation).GetRunResult().Results.Single();

            Assert.Null(result.Exception);
            Assert.Empty(result.Diagnostics);
            Assert.Equal(corpus.MethodCount, result.GeneratedSources.Length);
            Assert.Contains("1.0027", result.GeneratedSources.Single(s => s.HintName.Contains(".M" + EditedMethod + "_")).SourceText.ToString());
        }

        [Fact]
        public void AOneLineEditDifferentiatesOnlyTheEditedMethod()
        {
            GeneratorRunResult result = RunAfterEdit(corpus.OneLineEdit(EditedMethod));
            string edited = corpus.FullNameOf(EditedMethod);

            Dictionary<string, IncrementalStepRunReason> generated = Reasons(result, DifferentiableGenerator.GenerateStep,
                value => ((Pipeline.GeneratedGradient)value).FullName);
            Assert.Equal(corpus.MethodCount, generated.Count);
            Assert.Equal(IncrementalStepRunReason.Modified, generated[edited]);
            Assert.All(generated.Where(pair => pair.Key != edited), pair => Assert.Contains(pair.Value, Reused));

            Dictionary<string, IncrementalStepRunReason> outputs = Reasons(result, DifferentiableGenerator.OutputStep,
                value => ((Pipeline.GradientOutput)value).FullName);
            Assert.Equal(IncrementalStepRunReason.Modified, outputs[edited]);
            Assert.All(outputs.Where(pair => pair.Key != edited), pair => Assert.Contains(pair.Value, Reused));

            // The new constant (1.0027 was 2.0000) reaches the edited method's file.
            string file = result.GeneratedSources.Single(s => s.HintName.Contains(".M" + EditedMethod + "_")).SourceText.ToString();
            Assert.DoesNotContain("1.0027", file);
            Assert.Contains("2.0", file);
            Assert.Equal(corpus.MethodCount + 1, generator.MethodsParsed);
        }

        [Fact]
        public void AKeystrokeInPlainCodeDifferentiatesNothing()
        {
            GeneratorRunResult result = RunAfterEdit(corpus.KeystrokeInPlainMethod(1));

            Dictionary<string, IncrementalStepRunReason> generated = Reasons(result, DifferentiableGenerator.GenerateStep,
                value => ((Pipeline.GeneratedGradient)value).FullName);
            Assert.Equal(corpus.MethodCount, generated.Count);
            Assert.All(generated, pair => Assert.Contains(pair.Value, Reused));
            Assert.All(result.TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(step => step.Outputs),
                output => Assert.Contains(output.Reason, Reused));
            Assert.Equal(corpus.MethodCount, generator.MethodsParsed);
        }

        private GeneratorRunResult RunAfterEdit((SyntaxTree Old, SyntaxTree New) edit)
        {
            GeneratorDriver driver = CreateDriver().RunGenerators(corpus.Compilation);
            return driver.RunGenerators(corpus.Compilation.ReplaceSyntaxTree(edit.Old, edit.New)).GetRunResult().Results.Single();
        }

        private GeneratorDriver CreateDriver() =>
            CSharpGeneratorDriver.Create(
                new[] { generator.AsSourceGenerator() },
                parseOptions: Corpus.ParseOptions,
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

        /// <summary>Why each method's step ran (or did not), by the method's full name.</summary>
        private static Dictionary<string, IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step, System.Func<object, string> name) =>
            result.TrackedSteps[step].SelectMany(run => run.Outputs).ToDictionary(output => name(output.Value), output => output.Reason);
    }
}
