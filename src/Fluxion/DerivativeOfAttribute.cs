using System;

namespace Fluxion
{
    /// <summary>
    /// Marks a static method as the derivative of another method, yours or a library's: wherever a <c>[Differentiable]</c>
    /// method calls the target, every generated derivative uses this one instead of differentiating the target's code.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The derivative has the shape of a generated gradient: the target's parameters, then one output per <see cref="double"/>
    /// parameter (<c>out double</c>) and per <c>double[]</c> or span parameter (a <c>Span&lt;double&gt;</c> to write), in order; it
    /// returns the target's value. For <c>double Erf(double x)</c>:
    /// <c>[DerivativeOf(typeof(Special), nameof(Special.Erf))] static double ErfDerivative(double x, out double dx)</c>.
    /// </para>
    /// <para>
    /// Use it for a function whose derivative you know in closed form (a special function), a call into code Fluxion cannot read,
    /// or an algorithm whose iterations approximate a function whose derivative is simpler than theirs (an iterative solver,
    /// through the implicit function theorem). Gradients, Jvp, Vjp and Jacobians go through it; second derivatives do not.
    /// </para>
    /// </remarks>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
    public sealed class DerivativeOfAttribute : Attribute
    {
        /// <summary>The derivative of a static method of the type this method is declared in (use <c>nameof</c>).</summary>
        /// <param name="method">The target method's name.</param>
        public DerivativeOfAttribute(string method)
        {
            Method = method;
        }

        /// <summary>The derivative of a static method of <paramref name="type"/>.</summary>
        /// <param name="type">The type that declares the target.</param>
        /// <param name="method">The target method's name (use <c>nameof</c>); among overloads, the one whose parameters lead this method's.</param>
        public DerivativeOfAttribute(Type type, string method)
        {
            Type = type;
            Method = method;
        }

        /// <summary>The type that declares the target; null for the type this method is declared in.</summary>
        public Type? Type { get; }

        /// <summary>The target method's name.</summary>
        public string Method { get; }
    }
}
