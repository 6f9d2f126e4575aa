using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Fluxion;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fluxion.Generator.Tests
{
    /// <summary>Runs the generator on source text in memory and compiles the result.</summary>
    internal static class GeneratorHarness
    {
        private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        {
            string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
            return trusted.Split(Path.PathSeparator)
                .Where(path => Path.GetFileName(path).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(path) == "netstandard.dll" || Path.GetFileName(path) == "mscorlib.dll")
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .Append(MetadataReference.CreateFromFile(typeof(DifferentiableAttribute).Assembly.Location))
                .ToImmutableArray();
        });

        public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

        public static CSharpCompilation CreateCompilation(params string[] sources) => CreateCompilation(ParseOptions, sources);

        public static CSharpCompilation CreateCompilation(CSharpParseOptions options, params string[] sources) =>
            CSharpCompilation.Create(
                "Tests",
                sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, options, path: "Source" + i + ".cs")),
                References.Value,
                CompilationOptions(options));

        /// <summary>A compilation that also references <paramref name="library"/> (e.g. another generated assembly).</summary>
        public static CSharpCompilation CreateCompilation(MetadataReference library, string source) =>
            CSharpCompilation.Create(
                "Consumer",
                new[] { CSharpSyntaxTree.ParseText(source, ParseOptions, path: "Consumer.cs") },
                References.Value.Add(library),
                CompilationOptions(ParseOptions));

        private static CSharpCompilationOptions CompilationOptions(CSharpParseOptions options) =>
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: options.LanguageVersion >= LanguageVersion.CSharp8 ? NullableContextOptions.Enable : NullableContextOptions.Disable);

        public static GeneratorDriver CreateDriver(bool trackSteps = false, CSharpParseOptions? options = null) =>
            CSharpGeneratorDriver.Create(
                new[] { new DifferentiableGenerator().AsSourceGenerator() },
                parseOptions: options ?? ParseOptions,
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

        /// <summary>
        /// Runs the generator, then the analyzer on the compilation with the generated code, as a build does; returns what the generator
        /// produced, Fluxion's diagnostics (both), and the diagnostics of compiling everything together.
        /// </summary>
        public static GenerationResult Run(params string[] sources) => Run(ParseOptions, sources);

        public static GenerationResult Run(CSharpParseOptions options, params string[] sources) => Run(CreateCompilation(options, sources), options);

        public static GenerationResult Run(CSharpCompilation compilation, CSharpParseOptions? options = null)
        {
            options ??= ParseOptions;
            GeneratorDriver driver = CreateDriver(options: options).RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
            GeneratorDriverRunResult result = driver.GetRunResult();
            (ImmutableArray<Diagnostic> analyzerDiagnostics, Exception? analyzerException) = Analyze(output);
            return new GenerationResult(
                result.Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString()),
                generatorDiagnostics.Concat(result.Results.Single().Diagnostics).Distinct().Concat(analyzerDiagnostics).ToImmutableArray(),
                output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray(),
                result.Results.Single().Exception ?? analyzerException,
                output);
        }

        /// <summary>The analyzer's diagnostics on <paramref name="compilation"/> (suppressed ones left out), and its first exception.</summary>
        public static (ImmutableArray<Diagnostic> Diagnostics, Exception? Exception) Analyze(Compilation compilation)
        {
            Exception? thrown = null;
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, _, _) => thrown ??= exception,
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false);
            ImmutableArray<Diagnostic> diagnostics = compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new DifferentiableAnalyzer()), options)
                .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            return (diagnostics, thrown);
        }
    }

    internal sealed record GenerationResult(
        IReadOnlyDictionary<string, string> Sources,
        ImmutableArray<Diagnostic> GeneratorDiagnostics,
        ImmutableArray<Diagnostic> CompilationDiagnostics,
        Exception? Exception,
        Compilation Output)
    {
        public string Single() => Sources.Values.Single();

        /// <summary>Compiles the source and the generated code into an assembly loaded in this process.</summary>
        public System.Reflection.Assembly Load()
        {
            using var stream = new MemoryStream();
            var emitted = Output.Emit(stream);
            if (!emitted.Success)
            {
                throw new InvalidOperationException(string.Join("\n", emitted.Diagnostics));
            }

            return System.Reflection.Assembly.Load(stream.ToArray());
        }
    }
}
