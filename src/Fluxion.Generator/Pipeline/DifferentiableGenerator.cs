using System.Collections.Immutable;
using System.Text;
using Fluxion.Generator.Diagnostics;
using Fluxion.Generator.Frontend;
using Fluxion.Generator.Model;
using Fluxion.Generator.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

// The generator keeps the namespace it shipped with: consumers and tests name it Fluxion.Generator.DifferentiableGenerator.
namespace Fluxion.Generator
{
    /// <summary>
    /// Generates <c>Name_Grad</c> for every <c>[Differentiable]</c> method. The frontend reads each method into a model, again only
    /// when its text or the compilation's declarations changed (<see cref="ParseCache"/>); generation (differentiate, simplify,
    /// emit) runs per method and only when that method's model changes; which methods get their file is decided last, per method,
    /// from the set of methods that can have one.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class DifferentiableGenerator : IIncrementalGenerator
    {
        /// <summary>Tracking name of the frontend step (used by the incrementality tests).</summary>
        public const string ParseStep = "Parse";

        /// <summary>Tracking name of the step whose output feeds code generation.</summary>
        public const string ModelStep = "Model";

        /// <summary>Tracking name of the step that differentiates one method and prints its file.</summary>
        public const string GenerateStep = "Generate";

        /// <summary>Tracking name of the step that decides which methods get a gradient.</summary>
        public const string AvailableStep = "Available";

        /// <summary>Tracking name of the step that decides, per method, what the compilation gets.</summary>
        public const string OutputStep = "Output";

        // One per generator instance, which a build or an editor keeps from one compilation to the next.
        private readonly ParseCache frontend = new ParseCache();

        /// <summary>How many methods the frontend has read rather than reused (the incrementality tests count them).</summary>
        internal int MethodsParsed => frontend.MethodsParsed;

        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<ParseResult> parsed = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    KnownSymbols.DifferentiableAttributeName,
                    predicate: static (node, _) => node is MethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax
                        or OperatorDeclarationSyntax or ConversionOperatorDeclarationSyntax or AccessorDeclarationSyntax,
                    transform: frontend.Parse)
                .WithTrackingName(ParseStep);

            // The frontend's diagnostics are the analyzer's to report (DifferentiableAnalyzer): a method with one gets no model here.
            IncrementalValuesProvider<MethodModel> models = parsed
                .Where(static result => result.Method is not null)
                .Select(static (result, _) => result.Method!)
                .WithTrackingName(ModelStep);

            // `#nullable` needs C# 8; a netstandard2.0 library defaults to C# 7.3.
            IncrementalValueProvider<bool> supportsNullable = context.ParseOptionsProvider
                .Select(static (options, _) => options is CSharpParseOptions csharp && csharp.LanguageVersion >= LanguageVersion.CSharp8);

            IncrementalValuesProvider<GeneratedGradient> generated = models
                .Combine(supportsNullable)
                .Select(static (input, _) => GradientGeneration.Generate(input.Left, input.Right))
                .WithTrackingName(GenerateStep);

            IncrementalValueProvider<ImmutableArray<EquatableArray<AvailableGradients.MethodCalls>>> calls = generated
                .Select(static (gradient, _) => AvailableGradients.CallsOf(gradient))
                .Collect();
            IncrementalValueProvider<EquatableArray<string>> available = calls
                .Select(static (methods, _) => AvailableGradients.Compute(methods))
                .WithTrackingName(AvailableStep);

            IncrementalValuesProvider<GradientOutput> outputs = generated
                .Combine(available)
                .Select(static (input, _) => GradientOutput.Decide(input.Left, input.Right))
                .WithTrackingName(OutputStep);

            context.RegisterSourceOutput(outputs, static (spc, output) =>
            {
                foreach (GeneratedFile file in output.Files)
                {
                    Report(spc, file.Diagnostics);
                    if (file.Text is null)
                    {
                        continue;
                    }

                    try
                    {
                        spc.AddSource(file.HintName, SourceText.From(file.Text, Encoding.UTF8));
                    }
                    catch (System.ArgumentException exception)
                    {
                        // A file name taken twice must not take every other gradient down with it (CS8785).
                        spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, output.Location.Value?.ToLocation(),
                            output.FullName, exception.Message));
                    }
                }
            });
        }

        private static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
        {
            foreach (DiagnosticInfo diagnostic in diagnostics)
            {
                context.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        }
    }
}
