using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Fluxion.GeneratorBenchmarks
{
    /// <summary>
    /// Where a run's time goes: Fluxion's tracked steps (the driver times each one), and probe generators that find the
    /// attributed methods and then do one piece of what Fluxion's frontend does per method, to price that piece alone.
    /// Timed with a stopwatch, best of a few runs after a warm-up: a guide to hotspots, not a benchmark.
    /// </summary>
    public static class StepReport
    {
        private const int Repeats = 5;

        /// <summary>Prints the report for the benchmarks' corpus; <paramref name="only"/> names one generator (e.g. for a profiler).</summary>
        public static void Print(string? only)
        {
            Corpus corpus = Corpus.Create(Workload.MethodCount, Workload.FileCount);
            int variant = 0;
            Compilation Edit((SyntaxTree Old, SyntaxTree New) edit) => corpus.Compilation.ReplaceSyntaxTree(edit.Old, edit.New);
            Console.WriteLine($"{corpus.MethodCount} methods in {corpus.FileCount} files; best of {Repeats} runs, milliseconds");

            foreach ((string name, Func<IIncrementalGenerator> create) in Generators().Where(g => only is null || g.Name == only))
            {
                GeneratorDriver warm = Drivers.Create(create(), trackSteps: true).RunGenerators(corpus.Compilation);
                Report(name, "from scratch", () =>
                {
                    (GeneratorDriver driver, Compilation unbound) = (Drivers.Create(create(), trackSteps: true), corpus.Compilation.Clone());
                    return () => driver.RunGenerators(unbound);
                });
                // Each edit is new to the generator, as an editor's next edit is.
                Report(name, "one-line edit", () =>
                {
                    Compilation edited = Edit(corpus.OneLineEdit(Workload.EditedMethod, ++variant));
                    return () => warm.RunGenerators(edited);
                });
                Report(name, "keystroke", () =>
                {
                    Compilation edited = Edit(corpus.KeystrokeInPlainMethod(Workload.KeystrokeFile, ++variant));
                    return () => warm.RunGenerators(edited);
                });
            }
        }

        private static IEnumerable<(string Name, Func<IIncrementalGenerator> Create)> Generators()
        {
            yield return ("Fluxion", () => Drivers.CreateGenerator(GeneratorKind.Fluxion));
            yield return ("AttributeOnly", () => Drivers.CreateGenerator(GeneratorKind.AttributeOnly));
            yield return ("+ GetDiagnostics(span)", () => new ProbeGenerator((context, token) =>
                context.SemanticModel.GetDiagnostics(context.TargetNode.Span, token).Length));
            yield return ("+ GetOperation(body)", () => new ProbeGenerator((context, token) =>
                context.SemanticModel.GetOperation(context.TargetNode, token)?.Descendants().Count() ?? 0));
            yield return ("+ both", () => new ProbeGenerator((context, token) =>
                context.SemanticModel.GetDiagnostics(context.TargetNode.Span, token).Length
                + (context.SemanticModel.GetOperation(context.TargetNode, token)?.Descendants().Count() ?? 0)));
        }

        /// <summary>
        /// Times the runs <paramref name="prepare"/> makes (untimed; the first run warms up), prints the best total and the steps of
        /// that run.
        /// </summary>
        private static void Report(string generator, string scenario, Func<Func<GeneratorDriver>> prepare)
        {
            prepare()();
            GeneratorDriver best = null!;
            TimeSpan bestTime = TimeSpan.MaxValue;
            for (int i = 0; i < Repeats; i++)
            {
                Func<GeneratorDriver> run = prepare();
                var watch = Stopwatch.StartNew();
                GeneratorDriver driver = run();
                watch.Stop();
                if (watch.Elapsed < bestTime)
                {
                    (best, bestTime) = (driver, watch.Elapsed);
                }
            }

            GeneratorRunResult result = best.GetRunResult().Results[0];
            string steps = string.Join(", ", result.TrackedSteps.Concat(result.TrackedOutputSteps)
                .Select(pair => (pair.Key, Milliseconds: pair.Value.Sum(step => step.ElapsedTime.TotalMilliseconds), Runs: pair.Value.Length))
                .Where(step => step.Milliseconds >= 0.05)
                .OrderByDescending(step => step.Milliseconds)
                .Select(step => $"{step.Key} {step.Milliseconds:F1} ({step.Runs}×)"));
            Console.WriteLine($"{generator,-24} {scenario,-14} {bestTime.TotalMilliseconds,9:F1}   {steps}");
        }

        /// <summary>Finds the attributed methods like the baseline, then does <c>work</c> on each, as a tracked step.</summary>
        private sealed class ProbeGenerator(Func<GeneratorAttributeSyntaxContext, System.Threading.CancellationToken, int> work) : IIncrementalGenerator
        {
            public void Initialize(IncrementalGeneratorInitializationContext context)
            {
                IncrementalValuesProvider<int> results = context.SyntaxProvider
                    .ForAttributeWithMetadataName("Fluxion.DifferentiableAttribute", static (node, _) => node is MethodDeclarationSyntax, work)
                    .WithTrackingName("Probe");
                context.RegisterSourceOutput(results.Collect(), static (_, _) => { });
            }
        }
    }
}
