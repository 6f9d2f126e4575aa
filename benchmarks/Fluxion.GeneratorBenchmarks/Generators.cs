using System.Collections.Immutable;
using Fluxion.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Fluxion.GeneratorBenchmarks
{
    /// <summary>Which generator a benchmark drives.</summary>
    public enum GeneratorKind
    {
        /// <summary>Fluxion's <see cref="DifferentiableGenerator"/>.</summary>
        Fluxion,

        /// <summary><see cref="AttributeOnlyGenerator"/>: the least any generator of <c>[Differentiable]</c> methods does.</summary>
        AttributeOnly,
    }

    /// <summary>
    /// The baseline: finds the <c>[Differentiable]</c> methods the way Fluxion does and nothing more. What it costs, every
    /// generator keyed on the attribute costs; the targets compare Fluxion against it.
    /// </summary>
    public sealed class AttributeOnlyGenerator : IIncrementalGenerator
    {
        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<string> names = context.SyntaxProvider.ForAttributeWithMetadataName(
                "Fluxion.DifferentiableAttribute",
                predicate: static (node, _) => node is MethodDeclarationSyntax,
                transform: static (attributed, _) => attributed.TargetSymbol.Name);

            // A pipeline runs only as far as an output asks for it; this one adds nothing.
            context.RegisterSourceOutput(names.Collect(), static (_, _) => { });
        }
    }

    /// <summary>Drivers as a compiler or an IDE makes them: one generator, the corpus's parse options, no step tracking.</summary>
    public static class Drivers
    {
        /// <summary>A new generator of the kind.</summary>
        public static IIncrementalGenerator CreateGenerator(GeneratorKind kind) => kind switch
        {
            GeneratorKind.Fluxion => new DifferentiableGenerator(),
            _ => new AttributeOnlyGenerator(),
        };

        /// <summary>A driver that has run on nothing yet.</summary>
        public static GeneratorDriver Create(IIncrementalGenerator generator, bool trackSteps = false) =>
            CSharpGeneratorDriver.Create(
                new[] { generator.AsSourceGenerator() },
                parseOptions: Corpus.ParseOptions,
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

        /// <summary>
        /// Throws unless Fluxion generated a gradient for every method of the corpus without a diagnostic: a benchmark of a
        /// corpus it rejects would time the wrong work.
        /// </summary>
        public static void CheckGenerated(GeneratorDriver driver, GeneratorKind kind, Corpus corpus)
        {
            GeneratorRunResult result = driver.GetRunResult().Results[0];
            if (result.Exception is not null)
            {
                throw new System.InvalidOperationException("the generator threw", result.Exception);
            }

            ImmutableArray<Diagnostic> diagnostics = result.Diagnostics;
            if (!diagnostics.IsEmpty)
            {
                throw new System.InvalidOperationException($"{diagnostics.Length} diagnostics, the first: {diagnostics[0]}");
            }

            int expected = kind == GeneratorKind.Fluxion ? corpus.MethodCount : 0;
            if (result.GeneratedSources.Length != expected)
            {
                throw new System.InvalidOperationException($"{result.GeneratedSources.Length} generated files, expected {expected}");
            }
        }
    }
}
