using System.Collections.Generic;
using System.Linq;
using Fluxion.Generator.Diagnostics;
using Fluxion.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Fluxion.Generator.Frontend
{
    /// <summary>
    /// Checks that a method's declaration allows a gradient: partial containing types, a static
    /// non-generic method with a body, double return, supported parameters, valid attribute names and
    /// no name collisions. Used for the method being generated and for <c>[Differentiable]</c> callees.
    /// </summary>
    internal static class SignatureChecks
    {
        public static List<DiagnosticInfo> Check(IMethodSymbol method, AttributeData attribute)
        {
            var diagnostics = new List<DiagnosticInfo>();
            var syntax = method.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<MethodDeclarationSyntax>().FirstOrDefault();
            Location methodLocation = syntax?.Identifier.GetLocation() ?? method.Locations.FirstOrDefault() ?? Location.None;
            string gradientName = method.Name + MethodModel.GradientSuffix;

            CheckContainingTypes(method, gradientName, diagnostics);

            if (!method.IsStatic)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MethodNotStatic, methodLocation, method.Name));
            }

            string? shapeProblem =
                KnownSymbols.IsInFileLocalType(method) ? "it belongs to a file-local type, which the generated file cannot extend" :
                method.IsGenericMethod ? "generic methods are not supported" :
                method.IsAsync ? "async methods are not supported" :
                syntax is null || (syntax.Body is null && syntax.ExpressionBody is null) ? "it has no body (extern, abstract, or a partial declaration whose implementation is elsewhere: put the attribute on the implementation)" :
                null;
            if (shapeProblem is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedMethodShape, methodLocation, method.Name, shapeProblem));
            }

            if (method.ReturnType.SpecialType != SpecialType.System_Double || method.ReturnsByRef || method.ReturnsByRefReadonly)
            {
                Location location = syntax?.ReturnType.GetLocation() ?? methodLocation;
                string returned = (method.ReturnsByRef ? "ref " : method.ReturnsByRefReadonly ? "ref readonly " : string.Empty) + method.ReturnType.ToDisplayString();
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedReturnType, location, method.Name, returned));
            }

            foreach (IParameterSymbol parameter in method.Parameters)
            {
                string? problem = ParameterProblem(parameter);
                if (problem is not null)
                {
                    Location location = syntax is not null && parameter.Ordinal < syntax.ParameterList.Parameters.Count
                        ? syntax.ParameterList.Parameters[parameter.Ordinal].GetLocation()
                        : methodLocation;
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedParameter, location, parameter.Name, parameter.Type.ToDisplayString(), problem));
                }
            }

            CheckAttributeNames(method, attribute, diagnostics);
            CheckCollisions(method, attribute, gradientName, methodLocation, diagnostics);
            return diagnostics;
        }

        private static void CheckContainingTypes(IMethodSymbol method, string gradientName, List<DiagnosticInfo> diagnostics)
        {
            for (INamedTypeSymbol? type = method.ContainingType; type is not null; type = type.ContainingType)
            {
                var declarations = type.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<TypeDeclarationSyntax>().ToList();
                if (declarations.Count == 0 || declarations.Any(d => d.Modifiers.Any(SyntaxKind.PartialKeyword)))
                {
                    continue;
                }

                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ContainingTypeNotPartial, declarations[0].Identifier.GetLocation(), type.Name, gradientName));
            }
        }

        private static string? ParameterProblem(IParameterSymbol parameter)
        {
            if (parameter.RefKind != RefKind.None)
            {
                return "ref, out and in parameters are not supported";
            }

            if (parameter.IsParams)
            {
                return "params parameters are not supported";
            }

            if (KnownSymbols.ToScalarType(parameter.Type) is not null || KnownSymbols.ToSequence(parameter.Type) is not null)
            {
                return null;
            }

            ITypeSymbol type = parameter.Type;
            return type.SpecialType == SpecialType.System_Single ? "only double is differentiable in this version; use double"
                : type is IArrayTypeSymbol { ElementType: IArrayTypeSymbol } ? "jagged arrays are not supported; pass a flat array and index it as a[i * columns + j]"
                : type is IArrayTypeSymbol { Rank: > 1 } ? "multi-dimensional arrays are not supported; pass a flat array and index it as a[i * columns + j]"
                : type is IArrayTypeSymbol || type.Name == "Span" || type.Name == "ReadOnlySpan" ? "only arrays and spans of double and of integers are supported"
                : type is ITypeParameterSymbol ? "generic parameters are not supported"
                : "only double, integer and bool parameters, and arrays and spans of double or integers, are supported";
        }

        private static void CheckAttributeNames(IMethodSymbol method, AttributeData attribute, List<DiagnosticInfo> diagnostics)
        {
            string[] listed = KnownSymbols.ListedParameterNames(attribute);
            var arguments = (attribute.ApplicationSyntaxReference?.GetSyntax() as AttributeSyntax)?.ArgumentList?.Arguments;
            for (int i = 0; i < listed.Length; i++)
            {
                string name = listed[i];
                if (method.Parameters.Any(p => p.Name == name && KnownSymbols.CanBeDifferentiated(p.Type)))
                {
                    continue;
                }

                Location location = arguments is { } list && i < list.Count ? list[i].GetLocation() : Location.None;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownParameterName, location, name, method.Name));
            }
        }

        private static void CheckCollisions(IMethodSymbol method, AttributeData attribute, string gradientName, Location location, List<DiagnosticInfo> diagnostics)
        {
            bool[] differentiable = KnownSymbols.DifferentiableParameters(method, attribute);
            var generatedParameterTypes = method.Parameters.Select(p => p.Type)
                .Concat(method.Parameters.Where(p => differentiable[p.Ordinal]).Select(p => p.Type))
                .ToList();

            // The type's own members, and inherited ones that the generated method would hide (CS0108).
            for (INamedTypeSymbol? type = method.ContainingType; type is not null; type = type.BaseType)
            {
                bool inherited = !SymbolEqualityComparer.Default.Equals(type, method.ContainingType);
                foreach (ISymbol member in type.GetMembers(gradientName).Where(m => !inherited || m.DeclaredAccessibility != Accessibility.Private))
                {
                    bool collides = member is not IMethodSymbol existing
                        || (existing.Parameters.Length == generatedParameterTypes.Count
                            && existing.Parameters.Select(p => p.Type).SequenceEqual(generatedParameterTypes, SymbolEqualityComparer.Default));
                    if (collides)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GeneratedNameCollision, location, "method", gradientName, "a member of " + type.Name));
                    }
                }
            }

            foreach (IParameterSymbol parameter in method.Parameters.Where(p => differentiable[p.Ordinal]))
            {
                string outputName = "d" + parameter.Name;
                if (method.Parameters.Any(p => p.Name == outputName))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GeneratedNameCollision, location, "gradient output", outputName, "parameter '" + outputName + "'"));
                }
            }
        }
    }
}
