using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Fluxion.Generator.Diagnostics;
using Fluxion.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Fluxion.Generator.Frontend
{
    /// <summary>
    /// The derivatives users supply with <c>[DerivativeOf]</c>: the shape one must have, and the table from each target to its
    /// derivative, found once per compilation (a scan of declarations only, binding just the methods that carry the attribute).
    /// </summary>
    internal static class SuppliedDerivatives
    {
        public const string AttributeName = "Fluxion.DerivativeOfAttribute";

        private static readonly ConditionalWeakTable<Compilation, Dictionary<IMethodSymbol, IMethodSymbol>> Tables =
            new ConditionalWeakTable<Compilation, Dictionary<IMethodSymbol, IMethodSymbol>>();

        /// <summary>The derivative supplied for <paramref name="target"/> in this compilation, or null.</summary>
        public static IMethodSymbol? Find(Compilation compilation, IMethodSymbol target) =>
            Tables.GetValue(compilation, Build).TryGetValue(target.OriginalDefinition, out IMethodSymbol? derivative) ? derivative : null;

        /// <summary>Whether the target <paramref name="attribute"/> names takes <paramref name="derivative"/>, and if not, why not.</summary>
        public static (IMethodSymbol? Target, string? Problem) Check(Compilation compilation, IMethodSymbol derivative, AttributeData attribute)
        {
            List<IMethodSymbol> candidates = Candidates(derivative, attribute, out string target);
            if (candidates.Count == 0)
            {
                return (null, "there is no static method " + target);
            }

            if (!IsUsable(derivative))
            {
                return (null, "a derivative must be a static, non-generic method that is public or internal, in a type that is not private");
            }

            IMethodSymbol? fits = candidates.FirstOrDefault(c => Fits(derivative, c));
            if (fits is not null)
            {
                IMethodSymbol? taken = Find(compilation, fits);
                return taken is null || SymbolEqualityComparer.Default.Equals(taken, derivative)
                    ? (fits, null)
                    : (null, "'" + taken.ContainingType.Name + "." + taken.Name + "' is its derivative already");
            }

            IMethodSymbol closest = candidates.FirstOrDefault(c => c.Parameters.Length <= derivative.Parameters.Length) ?? candidates[0];
            string? unsupported = Unsupported(closest);
            return (null, unsupported ?? "its signature must be 'static double " + derivative.Name + "(" + ExpectedParameters(closest) + ")'");
        }

        /// <summary>True when <paramref name="derivative"/> has the shape of <paramref name="target"/>'s generated gradient.</summary>
        private static bool Fits(IMethodSymbol derivative, IMethodSymbol target)
        {
            if (Unsupported(target) is not null || derivative.ReturnType.SpecialType != SpecialType.System_Double || target.IsGenericMethod)
            {
                return false;
            }

            var outputs = target.Parameters.Where(IsDifferentiable).ToList();
            if (derivative.Parameters.Length != target.Parameters.Length + outputs.Count)
            {
                return false;
            }

            for (int i = 0; i < target.Parameters.Length; i++)
            {
                if (!SymbolEqualityComparer.Default.Equals(derivative.Parameters[i].Type, target.Parameters[i].Type)
                    || derivative.Parameters[i].RefKind != RefKind.None)
                {
                    return false;
                }
            }

            for (int i = 0; i < outputs.Count; i++)
            {
                IParameterSymbol output = derivative.Parameters[target.Parameters.Length + i];
                bool fits = outputs[i].Type.SpecialType == SpecialType.System_Double
                    ? output.RefKind == RefKind.Out && output.Type.SpecialType == SpecialType.System_Double
                    : output.RefKind == RefKind.None && KnownSymbols.ToSequence(output.Type) is (SequenceKind.Span, ScalarType.Double);
                if (!fits)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Why a method cannot have a supplied derivative, or null when it can.</summary>
        private static string? Unsupported(IMethodSymbol target) =>
            target.ReturnType.SpecialType != SpecialType.System_Double ? "its target must return double"
            : target.IsGenericMethod ? "its target must not be generic"
            : target.Parameters.FirstOrDefault(p => p.RefKind != RefKind.None || (KnownSymbols.ToScalarType(p.Type) is null
                && KnownSymbols.ToSequence(p.Type) is null)) is { } parameter
                ? "its target's parameter '" + parameter.Name + "' is of a type or kind Fluxion does not differentiate"
            : null;

        /// <summary>FLX0018 on each <c>[DerivativeOf]</c> of a method that does not fit the target it names.</summary>
        public static List<DiagnosticInfo> Diagnose(Compilation compilation, IMethodSymbol derivative, IEnumerable<AttributeData> attributes,
            System.Threading.CancellationToken cancellationToken)
        {
            var diagnostics = new List<DiagnosticInfo>();
            foreach (AttributeData attribute in attributes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (Check(compilation, derivative, attribute) is (_, { } problem))
                {
                    Candidates(derivative, attribute, out string target);
                    Location location = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation()
                        ?? derivative.Locations.FirstOrDefault() ?? Location.None;
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SuppliedDerivativeMismatch, location, derivative.Name, target.Trim('\''),
                        problem));
                }
            }

            return diagnostics;
        }

        /// <summary>A double parameter, or an array or span of double: the ones a gradient has an output for.</summary>
        public static bool IsDifferentiable(IParameterSymbol parameter) =>
            parameter.Type.SpecialType == SpecialType.System_Double || KnownSymbols.ToSequence(parameter.Type) is (_, ScalarType.Double);

        private static string ExpectedParameters(IMethodSymbol target) => string.Join(", ", target.Parameters
            .Select(p => p.Type.ToDisplayString() + " " + p.Name)
            .Concat(target.Parameters.Where(IsDifferentiable).Select(p => (p.Type.SpecialType == SpecialType.System_Double ? "out double d"
                : "Span<double> d") + p.Name)));

        private static Dictionary<IMethodSymbol, IMethodSymbol> Build(Compilation compilation)
        {
            var table = new Dictionary<IMethodSymbol, IMethodSymbol>(SymbolEqualityComparer.Default);
            foreach (SyntaxTree tree in compilation.SyntaxTrees)
            {
                SemanticModel? model = null;
                IEnumerable<MethodDeclarationSyntax> methods = tree.GetRoot()
                    .DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax)
                    .OfType<MethodDeclarationSyntax>()
                    .Where(method => method.AttributeLists.SelectMany(list => list.Attributes).Any(MayBeDerivativeOf));
                foreach (MethodDeclarationSyntax method in methods)
                {
                    model ??= compilation.GetSemanticModel(tree);
                    if (model.GetDeclaredSymbol(method) is not IMethodSymbol derivative)
                    {
                        continue;
                    }

                    foreach (AttributeData attribute in derivative.GetAttributes().Where(IsDerivativeOf))
                    {
                        // The first fitting derivative of a target in source order is taken; a second one is reported (FLX0018).
                        IMethodSymbol? target = IsUsable(derivative) ? Candidates(derivative, attribute, out _).FirstOrDefault(c => Fits(derivative, c))
                            : null;
                        if (target is not null && !table.ContainsKey(target))
                        {
                            table[target] = derivative;
                        }
                    }
                }
            }

            return table;
        }

        /// <summary>The static methods the attribute names (its overloads), and the name it gives them.</summary>
        private static List<IMethodSymbol> Candidates(IMethodSymbol derivative, AttributeData attribute, out string target)
        {
            ImmutableArray<TypedConstant> arguments = attribute.ConstructorArguments;
            INamedTypeSymbol? type = arguments.Length == 2 ? arguments[0].Value as INamedTypeSymbol : derivative.ContainingType;
            string? name = arguments.Length is 1 or 2 ? arguments[arguments.Length - 1].Value as string : null;
            target = "'" + type?.Name + "." + name + "'";
            return type is null || name is null
                ? new List<IMethodSymbol>()
                : type.GetMembers(name).OfType<IMethodSymbol>().Where(m => m.IsStatic && m.MethodKind == MethodKind.Ordinary).ToList();
        }

        /// <summary>True when generated code anywhere in the compilation can call <paramref name="derivative"/>.</summary>
        private static bool IsUsable(IMethodSymbol derivative) =>
            derivative.IsStatic && !derivative.IsGenericMethod
            && derivative.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal
            && derivative.ContainingType.DeclaredAccessibility != Accessibility.Private;

        public static bool IsDerivativeOf(AttributeData attribute) => attribute.AttributeClass is { Name: "DerivativeOfAttribute", ContainingType: null,
            ContainingNamespace: { Name: "Fluxion", ContainingNamespace.IsGlobalNamespace: true } };

        private static bool MayBeDerivativeOf(AttributeSyntax attribute)
        {
            string name = attribute.Name is QualifiedNameSyntax qualified ? qualified.Right.Identifier.ValueText
                : attribute.Name is SimpleNameSyntax simple ? simple.Identifier.ValueText
                : attribute.Name.ToString();
            return name is "DerivativeOf" or "DerivativeOfAttribute";
        }
    }
}
