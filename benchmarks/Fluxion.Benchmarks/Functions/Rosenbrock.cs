using System;

namespace Fluxion.Benchmarks.Functions
{
    /// <summary>Extended Rosenbrock: f(x) = Σ_{i&lt;n−1} 100(x_{i+1} − x_i²)² + (1 − x_i)².</summary>
    public static partial class Rosenbrock
    {
        /// <summary>The primal; Fluxion generates <c>F_Grad(x, dx)</c>, <c>F_Jvp(x, dx, out derivative)</c> and <c>F_Hvp(x, v, gradient, hv)</c>.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp)]
        public static double F(double[] x)
        {
            double sum = 0.0;
            for (int i = 0; i < x.Length - 1; i++)
            {
                double a = x[i + 1] - x[i] * x[i];
                double b = 1.0 - x[i];
                sum += 100.0 * a * a + b * b;
            }
            return sum;
        }

        /// <summary>
        /// Hand-written gradient in one pass: term i adds −400·a·xᵢ − 2b to ∂f/∂xᵢ and 200·a to
        /// ∂f/∂xᵢ₊₁; nothing allocated.
        /// </summary>
        public static double HandGradient(double[] x, Span<double> dx)
        {
            int n = x.Length;
            double sum = 0.0;
            double carry = 0.0;
            for (int i = 0; i < n - 1; i++)
            {
                double xi = x[i];
                double a = x[i + 1] - xi * xi;
                double b = 1.0 - xi;
                sum += 100.0 * a * a + b * b;
                dx[i] = carry - 400.0 * a * xi - 2.0 * b;
                carry = 200.0 * a;
            }
            dx[n - 1] = carry;
            return sum;
        }

        /// <summary>Hand-written directional derivative ∇f·v in one pass, the bar for <c>F_Jvp</c>.</summary>
        public static double HandJvp(double[] x, ReadOnlySpan<double> v, out double derivative)
        {
            double sum = 0.0;
            double d = 0.0;
            for (int i = 0; i < x.Length - 1; i++)
            {
                double xi = x[i];
                double a = x[i + 1] - xi * xi;
                double b = 1.0 - xi;
                sum += 100.0 * a * a + b * b;
                d += 200.0 * a * (v[i + 1] - 2.0 * xi * v[i]) - 2.0 * b * v[i];
            }

            derivative = d;
            return sum;
        }
    }
}
