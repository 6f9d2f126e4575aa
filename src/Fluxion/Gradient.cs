using System.Runtime.CompilerServices;

namespace Fluxion
{
    /// <summary>Markers a <c>[Differentiable]</c> method can use to steer its derivatives.</summary>
    public static class Gradient
    {
        /// <summary>
        /// Returns <paramref name="value"/> unchanged, and tells Fluxion to treat it as a constant: no derivative flows through it
        /// in any generated method (JAX's <c>stop_gradient</c>, PyTorch's <c>detach</c>).
        /// </summary>
        /// <example>
        /// <code>
        /// // A target that moves with the weights, but is not differentiated through.
        /// double loss = Math.Pow(prediction - Gradient.Stop(target), 2);
        /// </code>
        /// </example>
        /// <param name="value">The value whose derivative is dropped.</param>
        /// <returns><paramref name="value"/> itself.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double Stop(double value) => value;
    }
}
