namespace Fluxion.Generator.Model
{
    /// <summary>A statement of the intermediate form.</summary>
    internal abstract record Statement;

    /// <summary><c>Target = Value</c>; compound assignments arrive here already expanded.</summary>
    /// <param name="Declares">True when the statement declares <paramref name="Target"/>.</param>
    internal sealed record Assignment(string Target, ScalarType TargetType, Expr Value, bool Declares) : Statement;

    internal sealed record Return(Expr Value) : Statement;
}
