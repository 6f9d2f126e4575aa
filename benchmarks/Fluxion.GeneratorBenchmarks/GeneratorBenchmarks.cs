using System;
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
    /// A build from scratch: a new generator and driver on a compilation nothing has bound yet (a clone made before each run,
    /// untimed): the generator keeps what it read from one compilation to the next, as it does in one build or editor session.
    /// One run takes seconds, so each iteration times one.
    /// </summary>
    [MemoryDiagnoser]
    [Config(typeof(Config))]
    public class FromScratchBenchmarks
    {
        private Corpus corpus = null!;
        private Compilation unbound = null!;

        /// <summary>The generator under test.</summary>
        [ParamsAllValues]
        public GeneratorKind Generator { get; set; }

        /// <summary>Builds the corpus and checks that Fluxion generates all of it cleanly.</summary>
        [GlobalSetup]
        public void Setup()
        {
            corpus = Corpus.Create(Workload.MethodCount, Workload.FileCount);
            Drivers.CheckGenerated(Drivers.Create(Drivers.CreateGenerator(Generator)).RunGenerators(corpus.Compilation.Clone()), Generator, corpus);
            Workload.WarmUp(() => Drivers.Create(Drivers.CreateGenerator(Generator)).RunGenerators(corpus.Compilation.Clone()));
        }

        /// <summary>A compilation with the same trees and no cached symbols or bindings.</summary>
        [IterationSetup]
        public void CloneCompilation() => unbound = corpus.Compilation.Clone();

        /// <summary>Every method found, parsed, differentiated and printed.</summary>
        [Benchmark]
        public GeneratorDriver FromScratch() => Drivers.Create(Drivers.CreateGenerator(Generator)).RunGenerators(unbound);

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
        private readonly Compilation[] edited = new Compilation[RunsPerIteration];
        private int next;
        private int variant;

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
            Drivers.CheckGenerated(warm.RunGenerators(Edit(corpus.OneLineEdit(Workload.EditedMethod, ++variant))), Generator, corpus);
            Workload.WarmUp(() =>
            {
                warm.RunGenerators(Edit(corpus.OneLineEdit(Workload.EditedMethod, ++variant)));
                warm.RunGenerators(Edit(corpus.KeystrokeInPlainMethod(Workload.KeystrokeFile, ++variant)));
            });
        }

        /// <summary>Fresh compilations with the method's constant changed, to a value no run has seen.</summary>
        [IterationSetup(Target = nameof(OneLineEdit))]
        public void PrepareOneLineEdits() => Prepare(() => corpus.OneLineEdit(Workload.EditedMethod, ++variant));

        /// <summary>Fresh compilations with a keystroke in plain code (another digit than the last run's).</summary>
        [IterationSetup(Target = nameof(KeystrokeInUnrelatedCode))]
        public void PrepareKeystrokes() => Prepare(() => corpus.KeystrokeInPlainMethod(Workload.KeystrokeFile, ++variant));

        /// <summary>One constant changed in one <c>[Differentiable]</c> method's body.</summary>
        [Benchmark]
        public GeneratorDriver OneLineEdit() => warm.RunGenerators(edited[next++ % RunsPerIteration]);

        /// <summary>A digit typed in a plain method of a file full of <c>[Differentiable]</c> methods.</summary>
        [Benchmark]
        public GeneratorDriver KeystrokeInUnrelatedCode() => warm.RunGenerators(edited[next++ % RunsPerIteration]);

        private Compilation Edit((SyntaxTree Old, SyntaxTree New) edit) => corpus.Compilation.ReplaceSyntaxTree(edit.Old, edit.New);

        // Each run gets a tree of its own, as an editor makes one per edit: no run finds the edited text an earlier run read.
        private void Prepare(Func<(SyntaxTree Old, SyntaxTree New)> edit)
        {
            for (int i = 0; i < edited.Length; i++)
            {
                edited[i] = Edit(edit());
            }

            next = 0;
        }

        private sealed class Config : ManualConfig
        {
            public Config() => AddJob(Job.Default.WithWarmupCount(2).WithIterationCount(8).WithInvocationCount(RunsPerIteration).WithUnrollFactor(1));
        }
    }
}
