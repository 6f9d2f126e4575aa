using System.Collections.Immutable;
using Fluxion.Generator.Diagnostics;
using Fluxion.Generator.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fluxion.Generator
{
    /// <summary>
    /// Reports Fluxion's diagnostics, live in the editor and in the build, from the frontend the generator reads methods with. As an
    /// analyzer's diagnostics they follow <c>#pragma warning</c> and <c>.editorconfig</c> severities: a method whose error is silenced
    /// gets no derivatives (nor do its callers) and the build goes on. The generator reports only failures of its own later stages.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DifferentiableAnalyzer : DiagnosticAnalyzer
    {
        // Every declaration the generator's attribute search looks at: methods, and the members it explains it cannot differentiate.
        private static readonly SyntaxKind[] Declarations =
        {
            SyntaxKind.MethodDeclaration, SyntaxKind.LocalFunctionStatement, SyntaxKind.ParenthesizedLambdaExpression,
            SyntaxKind.SimpleLambdaExpression, SyntaxKind.OperatorDeclaration, SyntaxKind.ConversionOperatorDeclaration,
            SyntaxKind.GetAccessorDeclaration, SyntaxKind.SetAccessorDeclaration, SyntaxKind.InitAccessorDeclaration,
            SyntaxKind.AddAccessorDeclaration, SyntaxKind.RemoveAccessorDeclaration,
        };

        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => DiagnosticDescriptors.All;

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                var analysis = new LiveDiagnostics(start.Compilation);
                start.RegisterSyntaxNodeAction(analysis.Analyze, Declarations);
                start.RegisterSyntaxNodeAction(analysis.AnalyzeType, SyntaxKind.ClassDeclaration, SyntaxKind.StructDeclaration,
                    SyntaxKind.InterfaceDeclaration, SyntaxKind.RecordDeclaration, SyntaxKind.RecordStructDeclaration);
            });
        }
    }
}
