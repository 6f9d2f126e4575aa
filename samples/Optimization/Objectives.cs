using System;
using Fluxion;

namespace Fluxion.Samples.Optimization
{
    /// <summary>
    /// The two objectives, as plain <c>[Differentiable]</c> C#. Fluxion generates for each a gradient
    /// (<c>_Grad</c>, reverse mode) and a Hessian (<c>_Hessian</c>, reverse over forward mode).
    /// </summary>
    public static partial class Objectives
    {
        /// <summary>
        /// The extended Rosenbrock function of Moré, Garbow and Hillstrom: for each pair (x₂ᵢ, x₂ᵢ₊₁),
        /// 100·(x₂ᵢ₊₁ − x₂ᵢ²)² + (1 − x₂ᵢ)². Its minimum is 0 at (1, …, 1), at the end of a long curved valley.
        /// </summary>
        /// <remarks>Fluxion generates <c>ExtendedRosenbrock_Grad(x, Span&lt;double&gt; dx)</c> and
        /// <c>ExtendedRosenbrock_Hessian(x, Span&lt;double&gt; gradient, Span&lt;double&gt; hessian)</c>.</remarks>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Hessian)]
        public static double ExtendedRosenbrock(double[] x)
        {
            double sum = 0.0;
            for (int i = 0; i + 1 < x.Length; i += 2)
            {
                double valley = x[i + 1] - x[i] * x[i];
                double toOne = 1.0 - x[i];
                sum += 100.0 * valley * valley + toOne * toOne;
            }

            return sum;
        }

        /// <summary>
        /// Half the sum of squared residuals of the model y = a·e^(−b·t) + c against observations
        /// (<paramref name="times"/>, <paramref name="observed"/>); differentiated with respect to a, b and c only.
        /// </summary>
        /// <remarks>Fluxion generates
        /// <c>DecaySumOfSquares_Grad(amplitude, rate, offset, times, observed, out double damplitude, out double drate, out double doffset)</c>
        /// and a 3 × 3 <c>DecaySumOfSquares_Hessian</c>.</remarks>
        [Differentiable(nameof(amplitude), nameof(rate), nameof(offset), Derivatives = Derivatives.Gradient | Derivatives.Hessian)]
        public static double DecaySumOfSquares(double amplitude, double rate, double offset, double[] times, double[] observed)
        {
            double sum = 0.0;
            for (int k = 0; k < times.Length; k++)
            {
                double residual = amplitude * Math.Exp(-rate * times[k]) + offset - observed[k];
                sum += residual * residual;
            }

            return 0.5 * sum;
        }
    }
}
