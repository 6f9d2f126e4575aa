using System;
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

            if (!method.IsStatic && method.ContainingType.TypeKind == TypeKind.Interface)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MethodNotStatic, methodLocation, method.Name));
            }

            string? shapeProblem =
                KnownSymbols.IsInFileLocalType(method) ? "it belongs to a file-local type, which the generated file cannot extend" :
                method.IsGenericMethod ? "generic methods are not supported" :
                method.IsAsync ? "async methods are not supported" :
                syntax is null || (syntax.Body is null && syntax.ExpressionBody is null)
                    ? "it has no body (extern, abstract, or a partial declaration whose implementation is elsewhere: put the attribute on the implementation)" :
                null;
            if (shapeProblem is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedMethodShape, methodLocation, method.Name, shapeProblem));
            }

            bool vectorValued = KnownSymbols.OutputParameter(method) is not null;
            if (!vectorValued && (method.ReturnType.SpecialType != SpecialType.System_Double || method.ReturnsByRef || method.ReturnsByRefReadonly))
            {
                Location location = syntax?.ReturnType.GetLocation() ?? methodLocation;
                string returned = (method.ReturnsByRef ? "ref " : method.ReturnsByRefReadonly ? "ref readonly " : string.Empty)
                    + method.ReturnType.ToDisplayString();
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
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedParameter, location, parameter.Name,
                        parameter.Type.ToDisplayString(), problem));
                }
            }

            CheckAttributeNames(method, attribute, diagnostics);
            if (method.Parameters.FirstOrDefault() is { } first && !SyntaxFacts.IsValidIdentifier(KnownSymbols.DerivativeName(attribute, first.Name)))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GeneratedNameCollision, methodLocation, "derivative parameter",
                    KnownSymbols.DerivativeName(attribute, first.Name), "C#'s rules for names: DerivativePrefix and DerivativeSuffix may hold letters, "
                        + "digits and _, and the name may not start with a digit"));
            }

            DerivativeKinds requested = CheckDerivatives(method, attribute, diagnostics);
            if ((requested & DerivativeKinds.Gradient) != 0)
            {
                CheckCollisions(method, attribute, methodLocation, diagnostics);
            }

            if ((requested & DerivativeKinds.Jvp) != 0)
            {
                CheckJvpCollisions(method, attribute, gradientChecked: (requested & DerivativeKinds.Gradient) != 0, methodLocation, diagnostics);
            }

            if ((requested & DerivativeKindsExtensions.SecondOrder) != 0)
            {
                CheckSecondOrderCollisions(method, attribute, requested, methodLocation, diagnostics);
            }

            if ((requested & DerivativeKindsExtensions.VectorValued) != 0 && vectorValued)
            {
                CheckVectorCollisions(method, attribute, requested, methodLocation, diagnostics);
            }

            return diagnostics;
        }

        /// <summary>Reports each requested kind this version cannot generate for the method (FLX0016); returns the kinds asked for.</summary>
        private static DerivativeKinds CheckDerivatives(IMethodSymbol method, AttributeData attribute, List<DiagnosticInfo> diagnostics)
        {
            DerivativeKinds requested = KnownSymbols.RequestedDerivatives(attribute);
            void Report(string what, string why)
            {
                // The syntax is looked up only to report: most methods have nothing to report here.
                Location location = KnownSymbols.DerivativesArgument(attribute)?.Expression.GetLocation()
                    ?? attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? Location.None;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DerivativeNotAvailable, location, what, method.Name, why));
            }

            const DerivativeKinds known = DerivativeKinds.Gradient | DerivativeKinds.Jvp | DerivativeKinds.Hessian
                | DerivativeKinds.Hvp | DerivativeKinds.Jacobian | DerivativeKinds.Vjp;
            if (requested == DerivativeKinds.None)
            {
                Report("any derivative", "Derivatives names none; leave it out to get the gradient");
            }
            else if ((requested & ~known) != 0)
            {
                Report("Derivatives value " + (int)requested, "it is not a combination of Fluxion.Derivatives values");
            }

            if (KnownSymbols.OutputParameter(method) is { } output)
            {
                foreach (DerivativeKinds kind in (requested & known & ~DerivativeKindsExtensions.OfVectorValued).Each())
                {
                    string why = "'" + method.Name + "' is vector-valued (it writes its outputs to '" + output.Name + "'), so it has a Jacobian and "
                        + "products with it rather than a " + KindDescription(kind) + "; ask for Derivatives.Jacobian, Derivatives.Jvp or Derivatives.Vjp";
                    Report("'" + method.Name + kind.Suffix() + "'", why);
                }
            }
            else if (method.ReturnType.SpecialType == SpecialType.System_Double)
            {
                foreach (DerivativeKinds kind in (requested & known & DerivativeKindsExtensions.VectorValued).Each())
                {
                    string why = "'" + method.Name + "' returns one double, so its Jacobian is its gradient (ask for Gradient); " + kind
                        + " is for a vector-valued method: a void method that writes its outputs to a last Span<double> parameter";
                    Report("'" + method.Name + kind.Suffix() + "'", why);
                }
            }

            return requested & known;
        }

        private static string KindDescription(DerivativeKinds kind) => kind switch
        {
            DerivativeKinds.Gradient => "gradient",
            DerivativeKinds.Hessian => "Hessian",
            _ => "Hessian-vector product",
        };

        /// <summary>
        /// <c>F_Grad</c> or <c>F_Jvp</c> must not have the parameter types of a member of that name (of the type, or inherited and
        /// visible), nor of the same kind generated for another <c>[Differentiable]</c> overload of F (C# would report CS0111 in
        /// the generated code). Members of another name are no concern.
        /// </summary>
        private static void CheckGeneratedMethod(IMethodSymbol method, AttributeData attribute, DerivativeKinds kind, Location location,
            List<DiagnosticInfo> diagnostics)
        {
            string name = method.Name + kind.Suffix();
            List<string> generated = GeneratedParameterTypes(method, attribute, kind);
            foreach ((INamedTypeSymbol type, ISymbol member) in VisibleMembers(method, name))
            {
                if (member is not IMethodSymbol existing || existing.Parameters.Select(Signature).SequenceEqual(generated))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GeneratedNameCollision, location, "method", name, "a member of " + type.Name));
                }
            }

            foreach (IMethodSymbol overload in method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>())
            {
                // A partial method is two symbols, its declaration and its implementation.
                bool same = new[] { overload, overload.PartialImplementationPart, overload.PartialDefinitionPart }
                    .Any(part => SymbolEqualityComparer.Default.Equals(part, method));
                if (!same && KnownSymbols.FindDifferentiableAttribute(overload) is { } other
                    && (KnownSymbols.RequestedDerivatives(other) & kind) != 0 && GeneratedParameterTypes(overload, other, kind).SequenceEqual(generated))
                {
                    string parameters = string.Join(", ", overload.Parameters.Select(p => p.Type.ToDisplayString()));
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GeneratedNameCollision, location, "method", name, "the '" + name
                        + "' generated for the overload " + overload.Name + "(" + parameters + ")"));
                }
            }
        }

        /// <summary>
        /// The parameter types of the generated <c>F_Grad</c> (outputs <c>out double</c> and <c>Span&lt;double&gt;</c>) or
        /// <c>F_Jvp</c> (directions <c>double</c> and <c>ReadOnlySpan&lt;double&gt;</c>, then <c>out double derivative</c>), as
        /// C# tells overloads apart by them (see <see cref="Signature"/>).
        /// </summary>
        private static List<string> GeneratedParameterTypes(IMethodSymbol method, AttributeData attribute, DerivativeKinds kind)
        {
            bool[] differentiable = KnownSymbols.DifferentiableParameters(method, attribute);
            var types = method.Parameters.Select(Signature).ToList();
            if (kind == DerivativeKinds.Jacobian)
            {
                types.Add("System.Span<double>");
                return types;
            }

            if (kind == DerivativeKinds.Vjp)
            {
                types.Add("System.ReadOnlySpan<double>");
            }

            bool outputs = kind != DerivativeKinds.Jvp;
            string scalar = outputs ? "ref double" : "double";
            string sequence = outputs ? "System.Span<double>" : "System.ReadOnlySpan<double>";
            types.AddRange(method.Parameters.Where(p => differentiable[p.Ordinal])
                .Select(p => p.Type.SpecialType == SpecialType.System_Double ? scalar : sequence));
            if (kind == DerivativeKinds.Jvp)
            {
                // The derivative: one double, or for a vector-valued method a span of one per output.
                types.Add(KnownSymbols.OutputParameter(method) is null ? "ref double" : "System.Span<double>");
            }

            return types;
        }

        /// <summary>A parameter as overload resolution sees it: its type, and whether it is by reference (ref, out and in alike).</summary>
        private static string Signature(IParameterSymbol parameter) => (parameter.RefKind == RefKind.None ? string.Empty : "ref ")
            + parameter.Type.ToDisplayString();

        /// <summary>
        /// <c>F_Jvp</c> must not clash with a member, nor its <c>derivative</c> output or its directions with a parameter (a
        /// direction has the name of the gradient output, reported once when both are asked for).
        /// </summary>
        private static void CheckJvpCollisions(IMethodSymbol method, AttributeData attribute, bool gradientChecked, Location location,
            List<DiagnosticInfo> diagnostics)
        {
            CheckGeneratedMethod(method, attribute, DerivativeKinds.Jvp, location, diagnostics);
            ReportParameterNamed(method, GeneratedNames.Derivative, "directional derivative output", location, diagnostics);
            foreach (IParameterSymbol parameter in gradientChecked ? Enumerable.Empty<IParameterSymbol>() : DifferentiableParameters(method, attribute))
            {
                ReportParameterNamed(method, KnownSymbols.DerivativeName(attribute, parameter.Name), "direction", location, diagnostics,
                    namesADerivative: true);
            }
        }

        /// <summary>
        /// <c>F_Hvp</c>, <c>F_Hessian</c> and their core <c>F_Jvp_Grad</c> must not clash with a member, nor their parameters
        /// (the outputs, the direction) and the core's outputs with a parameter. (Their other locals take a free name.)
        /// </summary>
        private static void CheckSecondOrderCollisions(IMethodSymbol method, AttributeData attribute, DerivativeKinds requested, Location location,
            List<DiagnosticInfo> diagnostics)
        {
            var members = new List<string> { method.Name + DerivativeKinds.Jvp.Suffix() + MethodModel.GradientSuffix };
            members.AddRange((requested & DerivativeKindsExtensions.SecondOrder).Each().Select(kind => method.Name + kind.Suffix()));
            foreach ((string name, INamedTypeSymbol type) in members.SelectMany(name => VisibleMembers(method, name).Select(m => (name, m.Type))).Distinct())
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GeneratedNameCollision, location, "method", name, "a member of " + type.Name));
            }

            var taken = new HashSet<string>(StringComparer.Ordinal) { "gradient" };
            if ((requested & DerivativeKinds.Hvp) != 0)
            {
                taken.UnionWith(new[] { "v", "hv" });
            }

            if ((requested & DerivativeKinds.Hessian) != 0)
            {
                taken.Add("hessian");
            }

            var derivatives = new HashSet<string>(StringComparer.Ordinal);
            foreach (IParameterSymbol parameter in DifferentiableParameters(method, attribute))
            {
                string derivative = KnownSymbols.DerivativeName(attribute, parameter.Name);
                derivatives.UnionWith(new[] { derivative, derivative + "_dot" });
                taken.Add(parameter.Name + "_dot");
            }

            taken.UnionWith(derivatives);
            foreach (string name in method.Parameters.Select(p => p.Name).Where(taken.Contains))
            {
                ReportParameterNamed(method, name, "name", location, diagnostics, derivatives.Contains(name));
            }
        }

        /// <summary>
        /// <c>F_Vjp</c> and <c>F_Jvp</c> (both generated for the Jacobian, which calls them) and <c>F_Jacobian</c> must not clash
        /// with a member, nor the parameters they add (the cotangent, the gradient outputs, the Jacobian) with a parameter.
        /// </summary>
        private static void CheckVectorCollisions(IMethodSymbol method, AttributeData attribute, DerivativeKinds requested, Location location,
            List<DiagnosticInfo> diagnostics)
        {
            CheckGeneratedMethod(method, attribute, DerivativeKinds.Vjp, location, diagnostics);
            var taken = new HashSet<string>(StringComparer.Ordinal) { GeneratedNames.Cotangent };
            bool jvpChecked = (requested & DerivativeKinds.Jvp) != 0;
            if ((requested & DerivativeKinds.Jacobian) != 0)
            {
                CheckGeneratedMethod(method, attribute, DerivativeKinds.Jacobian, location, diagnostics);
                taken.Add(GeneratedNames.Jacobian);
                if (!jvpChecked)
                {
                    CheckJvpCollisions(method, attribute, gradientChecked: false, location, diagnostics);
                    jvpChecked = true;
                }
            }

            if (!jvpChecked)
            {
                // The gradient outputs; when F_Jvp is checked, its directions (of the same names) were reported already.
                taken.UnionWith(DifferentiableParameters(method, attribute).Select(p => KnownSymbols.DerivativeName(attribute, p.Name)));
            }

            foreach (string name in method.Parameters.Select(p => p.Name).Where(taken.Contains))
            {
                ReportParameterNamed(method, name, "name", location, diagnostics, name != GeneratedNames.Cotangent && name != GeneratedNames.Jacobian);
            }
        }

        /// <summary>The members named <paramref name="name"/> a generated method would clash with: the type's own, and inherited ones it would hide.</summary>
        private static IEnumerable<(INamedTypeSymbol Type, ISymbol Member)> VisibleMembers(IMethodSymbol method, string name)
        {
            for (INamedTypeSymbol? type = method.ContainingType; type is not null; type = type.BaseType)
            {
                bool inherited = !SymbolEqualityComparer.Default.Equals(type, method.ContainingType);
                foreach (ISymbol member in type.GetMembers(name).Where(m => (!inherited || m.DeclaredAccessibility != Accessibility.Private)
                    && !IsGenerated(m)))
                {
                    yield return (type, member);
                }
            }
        }

        /// <summary>
        /// True for a member this generator wrote: the analyzer sees the compilation with the generated code (a build's), where
        /// <c>F_Grad</c> is no collision. Generated files are named after the generator that added them.
        /// </summary>
        private static bool IsGenerated(ISymbol member) =>
            !member.DeclaringSyntaxReferences.IsEmpty && member.DeclaringSyntaxReferences.All(reference =>
                reference.SyntaxTree.FilePath.Replace('\\', '/').Contains("/" + typeof(DifferentiableGenerator).FullName + "/"));

        private static IEnumerable<IParameterSymbol> DifferentiableParameters(IMethodSymbol method, AttributeData attribute)
        {
            bool[] differentiable = KnownSymbols.DifferentiableParameters(method, attribute);
            return method.Parameters.Where(p => differentiable[p.Ordinal]);
        }

        /// <summary>FLX0011 when a parameter of the method is named <paramref name="name"/>, a name the generated code gives something else.</summary>
        /// <param name="namesADerivative">True for the name of a parameter's derivative (<c>dx</c>), which the attribute can name otherwise.</param>
        private static void ReportParameterNamed(IMethodSymbol method, string name, string what, Location location, List<DiagnosticInfo> diagnostics,
            bool namesADerivative = false)
        {
            if (method.Parameters.Any(p => p.Name == name))
            {
                string hint = namesADerivative
                    ? " (a parameter you cannot rename keeps its name with [Differentiable(DerivativePrefix = \"grad_\")], which names the derivatives grad_x)"
                    : string.Empty;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GeneratedNameCollision, location, what, name, "parameter '" + name + "'" + hint));
            }
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

                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ContainingTypeNotPartial, declarations[0].Identifier.GetLocation(),
                    type.Name, gradientName));
            }
        }

        private static string? ParameterProblem(IParameterSymbol parameter)
        {
            if (parameter.RefKind != RefKind.None)
            {
                return "ref, out and in parameters are not supported";
            }

            if (KnownSymbols.ToScalarType(parameter.Type) is not null || KnownSymbols.ToSequence(parameter.Type) is not null)
            {
                return null;
            }

            ITypeSymbol type = parameter.Type;
            return type.SpecialType == SpecialType.System_Single ? "only double is differentiable in this version; use double"
                : type is IArrayTypeSymbol { ElementType: IArrayTypeSymbol }
                    ? "jagged arrays are not supported; pass a flat array and index it as a[i * columns + j]"
                : type is IArrayTypeSymbol { Rank: > 1 } ? "multi-dimensional arrays are not supported; pass a flat array and index it as a[i * columns + j]"
                : type is IArrayTypeSymbol || type.Name == "Span" || type.Name == "ReadOnlySpan"
                    ? "only arrays and spans of double and of integers are supported"
                : type is ITypeParameterSymbol ? "generic parameters are not supported"
                : "only double, integer and bool parameters, and arrays and spans of double or integers, are supported";
        }

        private static void CheckAttributeNames(IMethodSymbol method, AttributeData attribute, List<DiagnosticInfo> diagnostics)
        {
            string[] listed = KnownSymbols.ListedParameterNames(attribute);
            var arguments = (attribute.ApplicationSyntaxReference?.GetSyntax() as AttributeSyntax)?.ArgumentList?.Arguments;
            IParameterSymbol? output = KnownSymbols.OutputParameter(method);
            for (int i = 0; i < listed.Length; i++)
            {
                string name = listed[i];
                if (method.Parameters.Any(p => p.Name == name && KnownSymbols.CanBeDifferentiated(p.Type) && !SymbolEqualityComparer.Default.Equals(p, output)))
                {
                    continue;
                }

                Location location = arguments is { } list && i < list.Count ? list[i].GetLocation() : Location.None;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownParameterName, location, name, method.Name));
            }
        }

        private static void CheckCollisions(IMethodSymbol method, AttributeData attribute, Location location, List<DiagnosticInfo> diagnostics)
        {
            CheckGeneratedMethod(method, attribute, DerivativeKinds.Gradient, location, diagnostics);
            foreach (IParameterSymbol parameter in DifferentiableParameters(method, attribute))
            {
                ReportParameterNamed(method, KnownSymbols.DerivativeName(attribute, parameter.Name), "gradient output", location, diagnostics,
                    namesADerivative: true);
            }
        }
    }
}
