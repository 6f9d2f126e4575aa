namespace Fluxion.Generator.Model
{
    /// <summary>How an array-like parameter is passed. Its gradient output is always a <c>Span&lt;double&gt;</c>.</summary>
    internal enum SequenceKind
    {
        Array,
        ReadOnlySpan,
        Span,
    }

    /// <param name="Name">The parameter's name as written (without a leading <c>@</c>).</param>
    /// <param name="IsDifferentiable">True when the gradient has an output for this parameter.</param>
    /// <param name="Sequence">Set for a one-dimensional array or span parameter; <paramref name="Type"/> is then its element type.</param>
    /// <param name="Output">The name of its derivative parameters, when the method's attribute names them otherwise than <c>d</c> + name.</param>
    /// <param name="Default">Its default value, when it has one (<c>double y = 1.0</c>).</param>
    internal sealed record ParameterModel(string Name, ScalarType Type, bool IsDifferentiable, SequenceKind? Sequence = null, string? Output = null,
        Expr? Default = null)
    {
        /// <summary>The <c>out</c> parameter of the gradient that receives this parameter's partial derivative (and its direction in F_Jvp).</summary>
        public string OutputName => Output ?? "d" + Name;
    }

    /// <param name="Keyword">class, struct, record, record struct or interface.</param>
    /// <param name="Name">The type's name as written, without <c>@</c>.</param>
    /// <param name="TypeParameters">Each type parameter with its variance, e.g. <c>out T</c>.</param>
    internal sealed record ContainingType(string Keyword, string Name, EquatableArray<TypeParameter> TypeParameters);

    /// <param name="Variance">Empty, <c>in</c> or <c>out</c>.</param>
    internal sealed record TypeParameter(string Variance, string Name);

    /// <summary>A call of a <c>[Differentiable]</c> method of the same compilation, which needs that method's gradient.</summary>
    /// <param name="CalleeKey">The callee's documentation ID (<see cref="MethodModel.Key"/> of its model).</param>
    internal sealed record CallSite(string CalleeKey, string CalleeName);

    /// <summary>A differentiable method as the parser understood it: everything later stages need, nothing from Roslyn.</summary>
    /// <param name="Namespace">The namespace, or empty for the global namespace.</param>
    /// <param name="ContainingTypes">Outermost first.</param>
    /// <param name="FullName">Namespace, types and method, for hint names and messages.</param>
    /// <param name="Location">The method's name in the source, for diagnostics of later stages.</param>
    /// <param name="Key">The method's documentation ID, unique in the compilation.</param>
    /// <param name="Calls">Its calls of <c>[Differentiable]</c> methods of the same compilation.</param>
    /// <param name="Derivatives">The derivative methods to generate (only kinds this version generates).</param>
    /// <param name="Output">
    /// For a vector-valued method (<c>void</c>, writing its outputs to its last parameter, a <c>Span&lt;double&gt;</c>), that
    /// parameter's name; null for a method that returns its value.
    /// </param>
    internal sealed record MethodModel(
        string Namespace,
        EquatableArray<ContainingType> ContainingTypes,
        string Accessibility,
        string Name,
        string FullName,
        string HintName,
        EquatableArray<ParameterModel> Parameters,
        EquatableArray<Statement> Body,
        UncomparedLocation Location,
        string Key,
        EquatableArray<CallSite> Calls,
        DerivativeKinds Derivatives = DerivativeKinds.Gradient,
        string? Output = null,
        string DerivativePrefix = "d",
        string DerivativeSuffix = "",
        bool IsStatic = true)
    {
        /// <summary>The modifier the generated methods take: they are static where the method is, instance methods beside an instance method.</summary>
        public string StaticModifier => IsStatic ? " static " : " ";

        /// <summary>The name of the derivative of a variable <paramref name="name"/>: a parameter's gradient output or direction, a tangent.</summary>
        public string DerivativeName(string name) => DerivativePrefix + name + DerivativeSuffix;

        /// <summary>What a method's name gets to name its gradient: <c>F</c> becomes <c>F_Grad</c>.</summary>
        public const string GradientSuffix = "_Grad";
    }
}
