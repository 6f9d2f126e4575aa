using System;

namespace Fluxion
{
    /// <summary>
    /// Marks a static method whose derivatives Fluxion generates at compile time: its reverse-mode gradient, and the other
    /// methods <see cref="Derivatives"/> asks for.
    /// </summary>
    /// <remarks>
    /// For a method <c>F(double x, double y)</c> the generator adds, in the same partial type,
    /// <c>F_Grad(double x, double y, out double dx, out double dy)</c>, which returns <c>F(x, y)</c>
    /// and writes each partial derivative to its <c>out</c> parameter. Every <see cref="double"/>
    /// parameter is differentiable unless <see cref="Parameters"/> names a subset.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class DifferentiableAttribute : Attribute
    {
        /// <summary>Differentiates with respect to every <see cref="double"/> parameter.</summary>
        public DifferentiableAttribute()
        {
            Parameters = Array.Empty<string>();
        }

        /// <summary>Differentiates with respect to the named parameters only (use <c>nameof</c>).</summary>
        /// <param name="parameters">Names of the parameters that get a gradient output, in any order.</param>
        public DifferentiableAttribute(params string[] parameters)
        {
            Parameters = parameters ?? Array.Empty<string>();
        }

        /// <summary>The parameters that get a gradient output; empty means every <see cref="double"/> parameter.</summary>
        public string[] Parameters { get; }

        /// <summary>
        /// Which derivative methods to generate, for example <c>Derivatives.Gradient | Derivatives.Jvp</c>; the default is
        /// <see cref="Fluxion.Derivatives.Gradient"/> alone.
        /// </summary>
        public Derivatives Derivatives { get; set; } = Derivatives.Gradient;

        /// <summary>
        /// What the names of the derivative parameters the generated methods add start with: the gradient output, or the direction, of a
        /// parameter <c>x</c> is <c>DerivativePrefix + "x" + DerivativeSuffix</c>, <c>dx</c> by default. Change it where a parameter of
        /// the method already has that name (<c>Advance(double x, double dx, double t, double dt)</c>): <c>DerivativePrefix = "grad_"</c>.
        /// </summary>
        public string DerivativePrefix { get; set; } = "d";

        /// <summary>What the names of the derivative parameters end with (empty by default); see <see cref="DerivativePrefix"/>.</summary>
        public string DerivativeSuffix { get; set; } = "";
    }
}
