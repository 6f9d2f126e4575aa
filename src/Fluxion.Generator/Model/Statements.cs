namespace Fluxion.Generator.Model
{
    /// <summary>A statement of the intermediate form.</summary>
    internal abstract record Statement;

    /// <summary><c>Target = Value</c>; compound assignments arrive here already expanded.</summary>
    /// <param name="Declares">True when the statement declares <paramref name="Target"/>.</param>
    /// <param name="IsPlaceholder">True for the zero a local declared without a value starts from (C# never reads it).</param>
    internal sealed record Assignment(string Target, ScalarType TargetType, Expr Value, bool Declares, bool IsPlaceholder = false) : Statement;

    /// <summary>
    /// A return. After parsing, a return is the last statement of its block, and a block that returns
    /// on one path of an <see cref="If"/> holds the statements that followed it on the other path.
    /// </summary>
    /// <param name="Value">The value returned; null for the <c>return;</c> of a vector-valued (void) method.</param>
    internal sealed record Return(Expr? Value) : Statement;

    /// <summary>
    /// A loop: <c>while (Condition) { Body }</c>, or <c>do { Body } while (Condition)</c> when
    /// <paramref name="TestsFirst"/> is false. A <c>for</c> loop arrives as its initialisers followed by
    /// a loop whose body ends with the increment.
    /// </summary>
    internal sealed record Loop(Expr Condition, EquatableArray<Statement> Body, bool TestsFirst) : Statement;

    /// <summary><c>if (Condition) { Then } else { Else }</c>; <paramref name="Else"/> may be empty.</summary>
    internal sealed record If(Expr Condition, EquatableArray<Statement> Then, EquatableArray<Statement> Else) : Statement;

    /// <summary>
    /// <c>ElementType[] Name = new ElementType[Length];</c>: a local array, created where it is declared (inside a loop: a
    /// new one each iteration) and never reassigned, passed on or returned, so its elements are the only way it changes.
    /// </summary>
    internal sealed record ArrayDeclaration(string Name, ScalarType ElementType, Expr Length) : Statement;

    /// <summary><c>Array[Index] = Value</c> on a local array; compound assignments arrive here already expanded.</summary>
    internal sealed record ElementAssignment(string Array, ScalarType ElementType, Expr Index, Expr Value) : Statement;

    /// <summary>A statement run for its effect alone (see <see cref="EffectCode"/>); a throw ends its path like a return.</summary>
    internal sealed record Effect(EffectCode Code) : Statement;
}
