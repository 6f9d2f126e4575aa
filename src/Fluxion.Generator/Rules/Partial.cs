using Fluxion.Generator.Model;

namespace Fluxion.Generator.Rules
{
    /// <summary>
    /// The partial derivative of a primitive's result with respect to one operand, in the form a mode applies it with:
    /// a mode scales the result's adjoint (reverse) or the operand's tangent (forward) by it. The two special factors
    /// keep generated code free of <c>1 *</c> and <c>-1 *</c>; a divisor keeps <c>g / b</c> where <c>(1 / b) * g</c> would
    /// round differently.
    /// </summary>
    internal abstract record Partial
    {
        /// <summary>∂ = 1 (a sum's operands).</summary>
        public static readonly Partial One = new Factor(Constant.One);

        /// <summary>∂ = −1 (the right side of a difference, a negation's operand).</summary>
        public static readonly Partial MinusOne = new Negated();

        /// <summary>The expressions of the method this partial reads (for the analysis of what a rule needs).</summary>
        public abstract Expr Value { get; }

        /// <summary>
        /// True when the partial can be infinite or NaN at finite operands (1/b at b = 0, √ at 0, ln at 0): it is then applied
        /// so that a seed of exactly zero contributes exactly zero, not 0 · ∞ = NaN (see <see cref="Scale"/>).
        /// </summary>
        public virtual bool Unbounded => false;

        /// <summary>
        /// <paramref name="seed"/> times this partial, folded where that is exact. With <paramref name="zeroStaysZero"/> (reverse
        /// mode), an unbounded partial's is <c>seed == 0.0 ? 0.0 : seed · ∂</c>: a value whose adjoint is zero (a branch not
        /// taken, an element overwritten before it was read) adds nothing; the mode makes the seed a variable first.
        /// </summary>
        public Expr Scale(Expr seed, bool zeroStaysZero = true)
        {
            if (!zeroStaysZero || !Unbounded || seed is Constant { Value: not 0.0 })
            {
                return Scaled(seed);
            }

            if (seed is Constant)
            {
                return Constant.Zero;
            }

            // A negative partial's sign stays outside, so that an accumulation still reads a -= b.
            Expr IfNotZero(Expr scaled) =>
                new Conditional(new Binary(BinaryOperator.Equal, seed, Constant.Zero, ScalarType.Boolean), Constant.Zero, scaled, ScalarType.Double);
            return this is Factor { Of: Unary { Operator: UnaryOperator.Negate } negative }
                ? Algebra.Negate(IfNotZero(Algebra.Multiply(negative.Operand, seed)))
                : IfNotZero(Scaled(seed));
        }

        /// <summary><paramref name="seed"/> times this partial, folded where that is exact.</summary>
        protected abstract Expr Scaled(Expr seed);

        /// <summary>∂ = <paramref name="Of"/>.</summary>
        /// <param name="IsUnbounded">See <see cref="Unbounded"/>.</param>
        internal sealed record Factor(Expr Of, bool IsUnbounded = false) : Partial
        {
            public override Expr Value => Of;

            public override bool Unbounded => IsUnbounded;

            protected override Expr Scaled(Expr seed) => Algebra.Multiply(Of, seed);
        }

        /// <summary>∂ = −1.</summary>
        internal sealed record Negated : Partial
        {
            public override Expr Value => new Constant(-1.0);

            protected override Expr Scaled(Expr seed) => Algebra.Negate(seed);
        }

        /// <summary>∂ = 1 / <paramref name="By"/>, applied as a division; unbounded unless the divisor is a nonzero constant.</summary>
        internal sealed record Divisor(Expr By) : Partial
        {
            public override Expr Value => By;

            public override bool Unbounded => By is not Constant { Value: not 0.0 };

            protected override Expr Scaled(Expr seed) => Algebra.Divide(seed, By);
        }
    }
}
