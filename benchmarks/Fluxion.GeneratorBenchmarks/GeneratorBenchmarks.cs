using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Microsoft.CodeAnalysis;

namespace Fluxion.GeneratorBenchmarks
{
    /// <summary>The corpus every benchmark runs on: 1,000 methods over 50 files (20 per partial class).</summary>
    public static class Workload
    {
        /// <summary>How many <c>[Differentiable]</c> methods; the docs divide by it.</summary>
        public const int MethodCount = 1000;

        /// <summary>How many model files (and partial classes) hold them.</summary>
        public const int FileCount = 50;

        /// <summary>The method the one-line edit changes: mid-project, of the loop-and-branch kind.</summary>
        public const int EditedMethod = 500;

        /// <summary>The file whose plain method gets the keystroke: a different one, so the edit touches no method of its own.</summary>
        public const int KeystrokeFile = 30;

        /// <summary>
        /// Runs <paramref name="run"/> for five seconds (at least three times), untimed. Tiered compilation takes seconds of
        /// calls to bring the compiler's own code to tier 1; the baseline's runs are too short for BenchmarkDotNet's warmup
        /// iterations to get there (its mean fell from 77 to 25 ms over six iterations without this).
        /// </summary>
        public static void WarmUp(System.Action run)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            for (int runs = 0; runs < 3 || watch.Elapsed < System.TimeSpan.FromSeconds(5); runs++)
            {
                run();
            }
        }
    }

    /// <summary>
    /// A build from scratch: a new driver on a compilation nothing has bound yet (a clone made before each run, untimed).
    /// One run takes seconds, so each iteration times one.
    /// </summary>
    [MemoryDiagnoser]
    [Config(typeof(Config))]
    public class FromScratchBenchmarks
    {
        private Corpus corpus = null!;
        private IIncrementalGenerator generator = null!;
        private Compilation unbound = null!;

        /// <summary>The generator under test.</summary>
        [ParamsAllValues]
        public GeneratorKind Generator { get; set; }

        /// <summary>Builds the corpus and checks that Fluxion generates all of it cleanly.</summary>
        [GlobalSetup]
        public void Setup()
        {
            corpus = Corpus.Create(Workload.MethodCount, Workload.FileCount);
            generator = Drivers.CreateGenerator(Generator);
            Drivers.CheckGenerated(Drivers.Create(generator).RunGenerators(corpus.Compilation.Clone()), Generator, corpus);
            Workload.WarmUp(() => Drivers.Create(generator).RunGenerators(corpus.Compilation.Clone()));
        }

        /// <summary>A compilation with the same trees and no cached symbols or bindings.</summary>
        [IterationSetup]
        public void CloneCompilation() => unbound = corpus.Compilation.Clone();

        /// <summary>Every method found, parsed, differentiated and printed.</summary>
        [Benchmark]
        public GeneratorDriver FromScratch() => Drivers.Create(generator).RunGenerators(unbound);

        private sealed class Config : ManualConfig
        {
            public Config() => AddJob(Job.Default.WithWarmupCount(2).WithIterationCount(8).WithInvocationCount(1).WithUnrollFactor(1));
        }
    }

    /// <summary>
    /// Edits in an IDE: a driver that has run on the corpus sees one file changed. Each run gets a compilation of its own,
    /// made before the iteration, so no run finds another's bindings cached.
    /// </summary>
    [MemoryDiagnoser]
    [Config(typeof(Config))]
    public class EditBenchmarks
    {
        private const int RunsPerIteration = 4;

        private Corpus corpus = null!;
        private GeneratorDriver warm = null!;
        private (SyntaxTree Old, SyntaxTree New) oneLineEdit;
        private (SyntaxTree Old, SyntaxTree New) keystroke;
        private readonly Compilation[] edited = new Compilation[RunsPerIteration];
        private int next;

        /// <summary>The generator under test.</summary>
        [ParamsAllValues]
        public GeneratorKind Generator { get; set; }

        /// <summary>Runs the generator once on the corpus, as the IDE had before the edit.</summary>
        [GlobalSetup]
        public void Setup()
        {
            corpus = Corpus.Create(Workload.MethodCount, Workload.FileCount);
            warm = Drivers.Create(Drivers.CreateGenerator(Generator)).RunGenerators(corpus.Compilation);
            Drivers.CheckGenerated(warm, Generator, corpus);
            oneLineEdit = corpus.OneLineEdit(Workload.EditedMethod);
            keystroke = corpus.KeystrokeInPlainMethod(Workload.KeystrokeFile);
            Drivers.CheckGenerated(warm.RunGenerators(corpus.Compilation.ReplaceSyntaxTree(oneLineEdit.Old, oneLineEdit.New)), Generator, corpus);
            Workload.WarmUp(() =>
            {
                warm.RunGenerators(corpus.Compilation.ReplaceSyntaxTree(oneLineEdit.Old, oneLineEdit.New));
                warm.RunGenerators(corpus.Compilation.ReplaceSyntaxTree(keystroke.Old, keystroke.New));
            });
        }

        /// <summary>Fresh compilations with the method's constant changed.</summary>
        [IterationSetup(Target = nameof(OneLineEdit))]
        public void PrepareOneLineEdits() => Prepare(oneLineEdit);

        /// <summary>Fresh compilations with the keystroke in plain code.</summary>
        [IterationSetup(Target = nameof(KeystrokeInUnrelatedCode))]
        public void PrepareKeystrokes() => Prepare(keystroke);

        /// <summary>One constant changed in one <c>[Differentiable]</c> method's body.</summary>
        [Benchmark]
        public GeneratorDriver OneLineEdit() => warm.RunGenerators(edited[next++ % RunsPerIteration]);

        /// <summary>A digit typed in a plain method of a file full of <c>[Differentiable]</c> methods.</summary>
        [Benchmark]
        public GeneratorDriver KeystrokeInUnrelatedCode() => warm.RunGenerators(edited[next++ % RunsPerIteration]);

        private void Prepare((SyntaxTree Old, SyntaxTree New) edit)
        {
            for (int i = 0; i < edited.Length; i++)
            {
                edited[i] = corpus.Compilation.ReplaceSyntaxTree(edit.Old, edit.New);
            }

            next = 0;
        }

        private sealed class Config : ManualConfig
        {
            public Config() => AddJob(Job.Default.WithWarmupCount(2).WithIterationCount(8).WithInvocationCount(RunsPerIteration).WithUnrollFactor(1));
        }
    }
}
