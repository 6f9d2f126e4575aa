// Local arrays sized by a variable that a loop later counts down: the array keeps the length it was
// created with (a regression: the gradient once re-read the variable, giving a wrong Length and a
// too-short array of adjoints).
using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Numerics.Tests.Harness;

namespace Fluxion.Numerics.Tests.Functions
{
    public static partial class LocalArrayLengths
    {
        /// <summary>
        /// A Chebyshev series Σ cₖe^(−dk²)Tₖ(x) by Clenshaw's recurrence: the damped coefficients in a local
        /// array, read back by counting the length variable n down to 1.
        /// </summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double DampedChebyshevSeries(double[] c, double x, double damping)
        {
            int n = c.Length;
            double[] scaled = new double[n];
            for (int k = 0; k < n; k++)
            {
                scaled[k] = c[k] * Math.Exp(-damping * k * k);
            }

            double b1 = 0.0;
            double b2 = 0.0;
            while (n > 1)
            {
                n--;
                double b0 = 2.0 * x * b1 - b2 + scaled[n];
                b2 = b1;
                b1 = b0;
            }

            return x * b1 - b2 + scaled[0];
        }

        /// <summary>
        /// (1/n)·Σᵢ dⁱ·tanh xᵢ: the squashed values in a local array, folded from the end by counting the
        /// length variable down to 0, then averaged over the array's Length.
        /// </summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double BackwardDiscountedAverage(double[] x, double decay)
        {
            int n = x.Length;
            double[] squashed = new double[n];
            for (int i = 0; i < n; i++)
            {
                squashed[i] = Math.Tanh(x[i]);
            }

            double s = 0.0;
            while (n > 0)
            {
                n--;
                s = s * decay + squashed[n];
            }

            return s / squashed.Length;
        }
    }

    public static class LocalArrayLengthCases
    {
        /// <summary>
        /// f = Σₖ cₖe^(−dk²)Tₖ(x) with Tₖ(cos θ) = cos kθ: ∂f/∂cₖ = e^(−dk²)Tₖ(x), ∂f/∂x = Σₖ cₖe^(−dk²)·k·sin kθ/sin θ,
        /// ∂f/∂d = −Σₖ k²cₖe^(−dk²)Tₖ(x).
        /// </summary>
        private static object[] DampedChebyshevGradient(double[] c, double x, double damping)
        {
            double theta = Math.Acos(x);
            double[] weight = c.Select((_, k) => Math.Exp(-damping * k * k)).ToArray();
            double[] dc = weight.Select((w, k) => w * Math.Cos(k * theta)).ToArray();
            double dx = c.Select((ck, k) => ck * weight[k] * k * Math.Sin(k * theta) / Math.Sin(theta)).Sum();
            double dd = c.Select((ck, k) => -k * k * ck * dc[k]).Sum();
            return [dc, dx, dd];
        }

        /// <summary>s = Σᵢ dⁱ·tanh xᵢ over n entries: ∂/∂xᵢ = dⁱ(1 − tanh²xᵢ)/n, ∂/∂d = Σᵢ i·dⁱ⁻¹·tanh xᵢ/n.</summary>
        private static object[] BackwardDiscountedAverageGradient(double[] x, double decay)
        {
            int n = x.Length;
            double[] dx = x.Select((v, i) => Math.Pow(decay, i) * (1.0 - Math.Tanh(v) * Math.Tanh(v)) / n).ToArray();
            double dd = x.Select((v, i) => i == 0 ? 0.0 : i * Math.Pow(decay, i - 1) * Math.Tanh(v)).Sum() / n;
            return [dx, dd];
        }

        public static IEnumerable<ArrayCase> All() => new ArrayCaseList(typeof(LocalArrayLengths))
        {
            {
                nameof(LocalArrayLengths.DampedChebyshevSeries),
                rng => [rng.Vector(rng.Int(1, 9), -1, 1), rng.Uniform(-0.95, 0.95), rng.Uniform(0, 0.2)],
                p => DampedChebyshevGradient(p.V(0), p.S(1), p.S(2))
            },
            {
                nameof(LocalArrayLengths.BackwardDiscountedAverage),
                rng => [rng.Vector(rng.Int(1, 9), -2, 2), rng.Uniform(0.3, 0.95)],
                p => BackwardDiscountedAverageGradient(p.V(0), p.S(1))
            },
        };
    }
}
