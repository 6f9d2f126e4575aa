using System.Linq;
using System.Text;
using Fluxion.Generator.Diagnostics;
using Fluxion.Generator.Model;
using Fluxion.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Fluxion.Generator
{
    /// <summary>
    /// Generates <c>Name_Grad</c> for every <c>[Differentiable]</c> method: parse → differentiate →
    /// simplify → emit. Parsing runs on each compilation; the later stages run only when the parsed
    /// model of that method changes.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class DifferentiableGenerator : IIncrementalGenerator
    {
        /// <summary>Tracking name of the parse step (used by the incrementality tests).</summary>
        public const string ParseStep = "Parse";

        /// <summary>Tracking name of the step whose output feeds code generation.</summary>
        public const string ModelStep = "Model";

        /// <summary>Tracking name of the step that decides which methods get a gradient.</summary>
        public const string AvailableStep = "Available";

        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<ParseResult> parsed = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    KnownSymbols.DifferentiableAttributeName,
                    predicate: static (node, _) => node is MethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax,
                    transform: MethodParser.Parse)
                .WithTrackingName(ParseStep);

            context.RegisterSourceOutput(parsed.Select(static (result, _) => result.Diagnostics), static (spc, diagnostics) =>
            {
                foreach (DiagnosticInfo diagnostic in diagnostics)
                {
                    spc.ReportDiagnostic(diagnostic.ToDiagnostic());
                }
            });

            IncrementalValuesProvider<MethodModel> models = parsed
                .Where(static result => result.Method is not null)
                .Select(static (result, _) => result.Method!)
                .WithTrackingName(ModelStep);

            // `#nullable` needs C# 8; a netstandard2.0 library defaults to C# 7.3.
            IncrementalValueProvider<bool> supportsNullable = context.ParseOptionsProvider
                .Select(static (options, _) => options is CSharpParseOptions csharp && csharp.LanguageVersion >= LanguageVersion.CSharp8);

            IncrementalValueProvider<EquatableArray<string>> available = models
                .Select(static (method, _) => AvailableGradients.CallsOf(method))
                .Collect()
                .Select(static (methods, _) => AvailableGradients.Compute(methods))
                .WithTrackingName(AvailableStep);

            context.RegisterSourceOutput(models.Combine(supportsNullable).Combine(available), static (spc, input) =>
            {
                ((MethodModel method, bool nullable), EquatableArray<string> gradients) = input;
                if (!gradients.Contains(method.Key))
                {
                    foreach (CallSite call in method.Calls.Where(c => !gradients.Contains(c.CalleeKey)))
                    {
                        spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CalleeHasNoGradient, call.Location.Value?.ToLocation(), call.CalleeName, "see the diagnostics on that method or the methods it calls"));
                    }

                    return;
                }

                GradientSource source = GradientSource.Build(method, nullable);
                foreach (Diagnostic diagnostic in source.Diagnostics)
                {
                    spc.ReportDiagnostic(diagnostic);
                }

                if (source.Text is not null)
                {
                    try
                    {
                        spc.AddSource(method.HintName, SourceText.From(source.Text, Encoding.UTF8));
                    }
                    catch (System.ArgumentException exception)
                    {
                        // A file name taken twice must not take every other gradient down with it (CS8785).
                        spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, method.Location.Value?.ToLocation(), method.FullName, exception.Message));
                    }
                }
            });
        }
    }
}
