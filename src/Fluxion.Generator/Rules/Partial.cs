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

        /// <summary><paramref name="seed"/> times this partial, folded where that is exact.</summary>
        public abstract Expr Scale(Expr seed);

        /// <summary>∂ = <paramref name="Value"/>.</summary>
        internal sealed record Factor(Expr Of) : Partial
        {
            public override Expr Value => Of;

            public override Expr Scale(Expr seed) => Algebra.Multiply(Of, seed);
        }

        /// <summary>∂ = −1.</summary>
        internal sealed record Negated : Partial
        {
            public override Expr Value => new Constant(-1.0);

            public override Expr Scale(Expr seed) => Algebra.Negate(seed);
        }

        /// <summary>∂ = 1 / <paramref name="By"/>, applied as a division.</summary>
        internal sealed record Divisor(Expr By) : Partial
        {
            public override Expr Value => By;

            public override Expr Scale(Expr seed) => Algebra.Divide(seed, By);
        }
    }
}
