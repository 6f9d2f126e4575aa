namespace Fluxion.Generator.Model
{
    /// <param name="Name">The parameter's name as written (without a leading <c>@</c>).</param>
    /// <param name="IsDifferentiable">True when the gradient has an output for this parameter.</param>
    internal sealed record ParameterModel(string Name, ScalarType Type, bool IsDifferentiable);

    /// <param name="Keyword">class, struct, record, record struct or interface.</param>
    /// <param name="NameWithTypeParameters">The name as it is declared, e.g. <c>Outer&lt;T&gt;</c>.</param>
    internal sealed record ContainingType(string Keyword, string NameWithTypeParameters);

    /// <summary>A differentiable method as the parser understood it: everything later stages need, nothing from Roslyn.</summary>
    /// <param name="Namespace">The namespace, or empty for the global namespace.</param>
    /// <param name="ContainingTypes">Outermost first.</param>
    /// <param name="FullName">Namespace, types and method, for hint names and messages.</param>
    /// <param name="Location">The method's name in the source, for diagnostics of later stages.</param>
    internal sealed record MethodModel(
        string Namespace,
        EquatableArray<ContainingType> ContainingTypes,
        string Accessibility,
        string Name,
        string FullName,
        string HintName,
        EquatableArray<ParameterModel> Parameters,
        EquatableArray<Statement> Body,
        UncomparedLocation Location);
}
