namespace Fluxion.Generator.Model
{
    /// <summary>A statement of the generated gradient method. Produced by differentiation, tidied by simplification, printed by emission.</summary>
    internal abstract record CodeStatement;

    /// <summary><c>Type Name = Value;</c></summary>
    internal sealed record Declare(string Name, ScalarType Type, Expr Value) : CodeStatement;

    /// <summary><c>Name = Value;</c> (used for the gradient outputs).</summary>
    internal sealed record Assign(string Name, Expr Value) : CodeStatement;

    /// <summary><c>Span[Index] += Value;</c>: a contribution to one element of an array parameter's gradient.</summary>
    internal sealed record ElementAddAssign(string Span, Expr Index, Expr Value) : CodeStatement;

    /// <summary><c>Name += Value;</c>: one more contribution to an adjoint.</summary>
    internal sealed record AddAssign(string Name, Expr Value) : CodeStatement;

    internal sealed record ReturnValue(Expr Value) : CodeStatement;

    /// <summary><c>return;</c>: an early return of a method that returns nothing.</summary>
    internal sealed record ReturnVoid : CodeStatement;

    /// <summary><c>while (Condition) { Body }</c>, or <c>do { Body } while (Condition);</c>: a loop of the forward sweep.</summary>
    internal sealed record LoopStatement(Expr Condition, EquatableArray<CodeStatement> Body, bool TestsFirst) : CodeStatement;

    /// <summary><c>for (int Iteration = Counter; Iteration &gt; 0; Iteration--) { Body }</c>: a loop replayed backwards.</summary>
    internal sealed record ReplayStatement(string Counter, string Iteration, EquatableArray<CodeStatement> Body) : CodeStatement;

    /// <summary><c>var Tape = new Tape&lt;Type&gt;();</c>: storage for the values loops overwrite.</summary>
    internal sealed record TapeDeclaration(string Tape, ScalarType Type) : CodeStatement;

    /// <summary><c>Tape.Push(Value);</c></summary>
    internal sealed record PushStatement(string Tape, Expr Value) : CodeStatement;

    /// <summary><c>Tape.Dispose();</c></summary>
    internal sealed record TapeRelease(string Tape) : CodeStatement;

    /// <summary><c>if (Condition) { Then } else { Else }</c>: a branch of the forward sweep, or its replay in the backward sweep.</summary>
    internal sealed record IfStatement(Expr Condition, EquatableArray<CodeStatement> Then, EquatableArray<CodeStatement> Else) : CodeStatement;

    /// <summary><c>ElementType[] Name = new ElementType[Length];</c>: a local array of the forward sweep, as the source creates it.</summary>
    /// <param name="Declares">False when <see cref="DeclareArrayAhead"/> declared it already: <c>Name = new ElementType[Length];</c>.</param>
    internal sealed record DeclareArray(string Name, ScalarType ElementType, Expr Length, bool Declares = true) : CodeStatement;

    /// <summary>
    /// <c>ElementType[] Name = Array.Empty&lt;ElementType&gt;();</c> before the outermost branch around the array's creation: a local array the
    /// backward sweep passes whole to a callee's gradient, which it does outside that branch's block.
    /// </summary>
    internal sealed record DeclareArrayAhead(string Name, ScalarType ElementType) : CodeStatement;

    /// <summary><c>Array[Index] = Value;</c>: an element write of the forward sweep, or an element adjoint set to zero.</summary>
    internal sealed record ElementAssign(string Array, Expr Index, Expr Value) : CodeStatement;

    /// <summary>
    /// <c>var Storage = new AdjointArray(Length); Span&lt;double&gt; Name = Storage.Segment;</c>: the adjoints of a local array's
    /// elements, all zero, in storage from a per-thread pool, used through a span (which the JIT keeps in registers).
    /// </summary>
    internal sealed record AdjointArrayDeclaration(string Name, string Storage, Expr Length) : CodeStatement;

    /// <summary><c>Storage.Dispose();</c>: hands an adjoint array's storage back to the pool.</summary>
    internal sealed record AdjointArrayRelease(string Storage) : CodeStatement;

    /// <summary><c>Call;</c>: a call made for what it writes to its outputs.</summary>
    internal sealed record CallStatement(Expr Call) : CodeStatement;

    /// <summary>A statement of the source run for its effect alone, as it was written.</summary>
    internal sealed record RunEffect(EffectCode Code) : CodeStatement;

    /// <summary><c>for (int Index = 0; Index &lt; Length; Index++) Target[Index] += Scale * Source[Index];</c> (no <c>Scale *</c> for 1): a callee's
    /// gradient span, scaled, added to a caller's.</summary>
    internal sealed record AccumulateScaled(string Target, string Source, Expr Scale, Expr Length, string Index) : CodeStatement;

    /// <summary>
    /// <c>ReadOnlySpan&lt;T&gt; Name = …;</c> (or <c>Span&lt;T&gt;</c> when <paramref name="Writable"/>): the <paramref name="Length"/>
    /// elements from <paramref name="Start"/> on of an array or span that an innermost loop indexes with its counter, so
    /// that the JIT can drop the bounds check of each access.
    /// </summary>
    /// <param name="SourceIsArray">True for an array (a view is constructed), false for a span (it is sliced).</param>
    internal sealed record DeclareView(string Name, string Source, bool SourceIsArray, bool Writable, ScalarType ElementType, Expr Start,
        Expr Length) : CodeStatement;

    /// <summary>The gradient method: the forward sweep, then the backward sweep (which ends with the outputs and the return).</summary>
    internal sealed record GradientMethod(MethodModel Source, EquatableArray<CodeStatement> Forward, EquatableArray<CodeStatement> Backward);

    /// <summary>
    /// A forward-mode method: the primal computation with each active value's tangent computed beside it, ending in the
    /// assignment of the directional derivative and the return.
    /// </summary>
    /// <param name="Tangents">The names that hold tangents (locals and spans), which simplification may rewrite freely.</param>
    internal sealed record TangentMethod(MethodModel Source, EquatableArray<CodeStatement> Body, EquatableArray<string> Tangents);
}
