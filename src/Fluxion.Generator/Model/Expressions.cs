using System;
using System.Linq;

namespace Fluxion.Generator.Model
{
    /// <summary>A side-effect-free expression of the intermediate form. Every node knows its type.</summary>
    internal abstract record Expr(ScalarType Type);

    /// <summary>A floating-point constant (integer constants are <see cref="IntegerConstant"/>).</summary>
    internal sealed record Constant(double Value) : Expr(ScalarType.Double)
    {
        public static readonly Constant Zero = new Constant(0.0);
        public static readonly Constant One = new Constant(1.0);

        // Bit for bit: 0.0 and -0.0 are different programs (double.Equals calls them equal).
        public bool Equals(Constant? other) =>
            other is not null && BitConverter.DoubleToInt64Bits(Value) == BitConverter.DoubleToInt64Bits(other.Value);

        public override int GetHashCode() => BitConverter.DoubleToInt64Bits(Value).GetHashCode();
    }

    internal sealed record IntegerConstant(long Value, ScalarType IntegerType) : Expr(IntegerType);

    internal sealed record BooleanConstant(bool Value) : Expr(ScalarType.Boolean);

    /// <summary>A parameter or local of the method (after parsing, names are unique within the method).</summary>
    internal sealed record Variable(string Name, ScalarType VariableType) : Expr(VariableType);

    /// <summary>A static field. Its value is a constant for differentiation; a field that is not read-only may change during the call.</summary>
    internal sealed record ExternalValue(string QualifiedName, ScalarType ValueType, bool IsReadOnly) : Expr(ValueType);

    internal enum UnaryOperator
    {
        Negate,
        Not,
    }

    internal sealed record Unary(UnaryOperator Operator, Expr Operand, ScalarType ResultType, OverflowCheck Overflow = OverflowCheck.Inherited)
        : Expr(ResultType);

    internal enum BinaryOperator
    {
        Add,
        Subtract,
        Multiply,
        Divide,
        Remainder,
        Less,
        LessOrEqual,
        Greater,
        GreaterOrEqual,
        Equal,
        NotEqual,
        And,
        Or,
    }

    /// <summary>Whether integer arithmetic throws on overflow, relative to the project's default (<c>CheckForOverflowUnderflow</c>).</summary>
    internal enum OverflowCheck
    {
        /// <summary>As the project's default: no <c>checked</c> or <c>unchecked</c> is printed.</summary>
        Inherited,
        Checked,
        Unchecked,
    }

    /// <param name="Overflow">For integer results: the overflow context the source had, printed when it differs from the project's.</param>
    internal sealed record Binary(BinaryOperator Operator, Expr Left, Expr Right, ScalarType ResultType,
        OverflowCheck Overflow = OverflowCheck.Inherited) : Expr(ResultType);

    /// <summary>A numeric conversion to <paramref name="TargetType"/>, implicit or explicit in the source.</summary>
    internal sealed record NumericConversion(Expr Operand, ScalarType TargetType, OverflowCheck Overflow = OverflowCheck.Inherited) : Expr(TargetType);

    internal sealed record Conditional(Expr Condition, Expr WhenTrue, Expr WhenFalse, ScalarType ResultType) : Expr(ResultType);

    /// <summary>A call of a <c>System.Math</c> function that has a rule in the derivative table.</summary>
    internal sealed record MathCall(string Function, EquatableArray<Expr> Arguments) : Expr(ScalarType.Double);

    /// <summary>A call of another <c>[Differentiable]</c> method; the chain rule goes through its generated gradient.</summary>
    internal sealed record DifferentiableCall(CalleeModel Callee, EquatableArray<Expr> Arguments) : Expr(ScalarType.Double);

    /// <summary>A call whose arguments never depend on a differentiated value, so its result is a constant for differentiation.</summary>
    /// <param name="Name">The method's own name, to name the value it returns.</param>
    /// <param name="IsPure">True for <c>System.Math</c> functions: no side effect, so the call may move.</param>
    internal sealed record PassiveCall(string QualifiedMethod, string Name, EquatableArray<Expr> Arguments, ScalarType ResultType, bool IsPure)
        : Expr(ResultType);

    /// <summary>
    /// A call of a generated gradient method that returns the value and writes partial derivatives to
    /// <paramref name="Outputs"/> (an empty name discards that output). Produced by differentiation only.
    /// </summary>
    /// <param name="DeclaresOutputs">True to declare the outputs at the call (<c>out double d</c>); false when they are declared earlier.</param>
    /// <param name="SpanOutputs">The outputs that are spans (over pooled <c>AdjointArray</c> storage), by position; empty when none is.</param>
    /// <param name="JvpOf">For a call of a callee's <c>_Jvp</c> (forward mode), the callee: second derivatives differentiate it again.</param>
    internal sealed record GradientInvocation(string QualifiedMethod, EquatableArray<Expr> Arguments, EquatableArray<string> Outputs,
        bool DeclaresOutputs, EquatableArray<bool> SpanOutputs = default, CalleeModel? JvpOf = null) : Expr(ScalarType.Double)
    {
        public bool IsSpanOutput(int index) => index < SpanOutputs.Count && SpanOutputs[index];
    }

    /// <summary><c>Array[Index]</c>: an element of an array or span parameter (which the method never writes), of a local array, or of an adjoint
    /// span.</summary>
    internal sealed record ElementRead(string Array, Expr Index, ScalarType ElementType) : Expr(ElementType);

    /// <summary>
    /// A whole array or span passed to a call: a parameter, a static field, or a local array. A [Differentiable] callee's
    /// gradient with respect to it comes back as a span; any other callee only reads it.
    /// </summary>
    internal sealed record SequenceArgument(string Array) : Expr(ScalarType.Double);

    /// <summary><c>Array.Length</c>.</summary>
    internal sealed record SequenceLength(string Array) : Expr(ScalarType.Int32);

    /// <summary><c>Tape.Pop()</c>: the value a loop iteration kept, taken back by the backward sweep.</summary>
    internal sealed record TapePop(string Tape, ScalarType PopType) : Expr(PopType);

    /// <summary>
    /// A statement of the source kept for its effect alone (an assertion, a log line, a guard that throws): every mode runs it where the
    /// method does, and none differentiates it. Its C# is <paramref name="Text"/> with the values of <paramref name="Holes"/> (the method's
    /// variables and arrays it reads) between the pieces: one piece more than holes. Every type and member in it is fully qualified.
    /// </summary>
    /// <param name="Throws">True for a throw statement, which ends its path.</param>
    /// <param name="Suppressed">
    /// Warnings its site does not get but the generated file would (it uses an obsolete or experimental member): disabled around it.
    /// </param>
    /// <param name="NullableWarningsOff">True when its site has no nullable warnings, which the generated file's <c>#nullable enable</c> would give.</param>
    internal sealed record EffectCode(EquatableArray<string> Text, EquatableArray<Expr> Holes, bool Throws, EquatableArray<string> Suppressed = default,
        bool NullableWarningsOff = false)
    {
        public EffectCode WithHoles(System.Func<Expr, Expr> map) => this with { Holes = Holes.Select(map).ToEquatableArray() };
    }

    /// <summary>What a caller needs to know about a <c>[Differentiable]</c> callee.</summary>
    /// <param name="QualifiedGradientName">The fully qualified name of the callee's gradient method.</param>
    /// <param name="QualifiedName">The fully qualified name of the callee itself, for a call that needs only its value.</param>
    /// <param name="Name">The callee's own name, to name the values it returns.</param>
    /// <param name="Parameters">The callee's parameters in order; <see cref="ParameterModel.IsDifferentiable"/> says which get an output.</param>
    /// <param name="IsSupplied">
    /// True when the gradient is a derivative the user supplied (<c>[DerivativeOf]</c>): the callee has no other generated method, so forward
    /// mode goes through the gradient too.
    /// </param>
    internal sealed record CalleeModel(string QualifiedGradientName, string QualifiedName, string Name, EquatableArray<ParameterModel> Parameters,
        bool IsSupplied = false);
}
