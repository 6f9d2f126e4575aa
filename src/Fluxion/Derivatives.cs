using System;

namespace Fluxion
{
    /// <summary>
    /// The derivative methods Fluxion generates for a <see cref="DifferentiableAttribute"/> method, combined with <c>|</c>.
    /// The differentiable inputs are the differentiable <see cref="double"/> parameters (one each) and the elements of the
    /// differentiable array and span parameters, in parameter order. A vector-valued method (<c>void</c>, writing its m
    /// outputs to a last <c>Span&lt;double&gt;</c> parameter y) has <see cref="Jacobian"/>, <see cref="Jvp"/> and
    /// <see cref="Vjp"/> only.
    /// </summary>
    [Flags]
    public enum Derivatives
    {
        /// <summary>
        /// <c>double F_Grad(&lt;parameters&gt;, out double dx, …, Span&lt;double&gt; dw, …)</c>: the value and every partial
        /// derivative, in reverse mode (one backward sweep). The default.
        /// </summary>
        Gradient = 1,

        /// <summary>
        /// <c>double F_Jvp(&lt;parameters&gt;, double dx, …, ReadOnlySpan&lt;double&gt; dw, …, out double derivative)</c>: the value and
        /// the directional derivative ∇F·direction, in forward mode (one sweep, no tape), one direction per differentiable
        /// parameter. For a vector-valued method, <c>void F_Jvp(&lt;parameters&gt;, double dx, …, ReadOnlySpan&lt;double&gt; dw, …,
        /// Span&lt;double&gt; derivative)</c>: the outputs, and J·direction in <c>derivative</c> (one entry per output).
        /// </summary>
        Jvp = 2,

        /// <summary>
        /// <c>double F_Hessian(&lt;parameters&gt;, Span&lt;double&gt; gradient, Span&lt;double&gt; hessian)</c>: the value, the n
        /// partials and the n × n matrix of second derivatives, row by row (reverse mode over forward mode, n products).
        /// A <see cref="DifferentiableAttribute"/> method it calls asks for <see cref="Gradient"/> and <see cref="Hvp"/>.
        /// </summary>
        Hessian = 4,

        /// <summary>
        /// <c>double F_Hvp(&lt;parameters&gt;, ReadOnlySpan&lt;double&gt; v, Span&lt;double&gt; gradient, Span&lt;double&gt; hv)</c>: the
        /// value, the gradient and the Hessian times <c>v</c>, at a small constant times the gradient's cost. A
        /// <see cref="DifferentiableAttribute"/> method it calls asks for <see cref="Gradient"/> and <see cref="Hvp"/>.
        /// </summary>
        Hvp = 8,

        /// <summary>
        /// <c>void F_Jacobian(&lt;parameters&gt;, Span&lt;double&gt; jacobian)</c>, for a vector-valued method: the outputs, and the
        /// m × n matrix of first derivatives, row by row (entry [i · n + j] is ∂yᵢ/∂inputⱼ); one reverse sweep per output when
        /// m ≤ n, else one forward sweep per input.
        /// </summary>
        Jacobian = 16,

        /// <summary>
        /// <c>void F_Vjp(&lt;parameters&gt;, ReadOnlySpan&lt;double&gt; cotangent, out double dx, …, Span&lt;double&gt; dw, …)</c>, for a
        /// vector-valued method: the outputs, and uᵀJ for the cotangent u (one weight per output), in reverse mode.
        /// </summary>
        Vjp = 32,
    }
}
