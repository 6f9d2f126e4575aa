using System;

namespace Fluxion.Benchmarks.Functions
{
    /// <summary>
    /// Logistic regression over a data set: J(w, b) = (1/m)·Σᵢ −[yᵢ·log pᵢ + (1 − yᵢ)·log(1 − pᵢ)]
    /// + (λ/2)·Σⱼ wⱼ², pᵢ = 1/(1 + e^(−zᵢ)), zᵢ = b + Σⱼ wⱼ·x[i·n + j]. The weights and the bias
    /// are differentiated; x (m×n, row by row) and y are data.
    /// </summary>
    public static partial class LogisticRegressionL2
    {
        /// <summary>The primal; Fluxion generates <c>Loss_Grad(w, b, x, y, lambda, dw, out db)</c> and <c>Loss_Jvp(…, dw, db, out derivative)</c>.</summary>
        [Differentiable(nameof(w), nameof(b), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp)]
        public static double Loss(double[] w, double b, double[] x, double[] y, double lambda)
        {
            int n = w.Length;
            int m = y.Length;
            double total = 0.0;
            for (int i = 0; i < m; i++)
            {
                double z = b;
                for (int j = 0; j < n; j++)
                {
                    z += w[j] * x[i * n + j];
                }
                double p = 1.0 / (1.0 + Math.Exp(-z));
                total -= y[i] * Math.Log(p) + (1.0 - y[i]) * Math.Log(1.0 - p);
            }
            double squares = 0.0;
            for (int j = 0; j < n; j++)
            {
                squares += w[j] * w[j];
            }
            return total / m + 0.5 * lambda * squares;
        }

        /// <summary>
        /// Hand-written gradient in one pass over the samples: the same forward operations, then
        /// ∂J/∂zᵢ = (pᵢ − yᵢ)/m, accumulated into dw and db; nothing allocated.
        /// </summary>
        public static double HandGradient(double[] w, double b, double[] x, double[] y, double lambda, Span<double> dw, out double db)
        {
            int n = w.Length;
            int m = y.Length;
            double inverseM = 1.0 / m;
            // Fill, not Clear: on AVX-512, Clear leaves state that slows every later Math call (docs/benchmarks.md).
            dw.Fill(0.0);
            double total = 0.0, dbSum = 0.0;
            for (int i = 0; i < m; i++)
            {
                ReadOnlySpan<double> row = x.AsSpan(i * n, n);
                double z = b;
                for (int j = 0; j < n; j++)
                {
                    z += w[j] * row[j];
                }
                double p = 1.0 / (1.0 + Math.Exp(-z));
                total -= y[i] * Math.Log(p) + (1.0 - y[i]) * Math.Log(1.0 - p);
                double g = (p - y[i]) * inverseM;
                dbSum += g;
                for (int j = 0; j < n; j++)
                {
                    dw[j] += g * row[j];
                }
            }
            double squares = 0.0;
            for (int j = 0; j < n; j++)
            {
                squares += w[j] * w[j];
                dw[j] += lambda * w[j];
            }
            db = dbSum;
            return total / m + 0.5 * lambda * squares;
        }
    
        /// <summary>
        /// Hand-written directional derivative along (v, vb) in one pass: dzᵢ = vb + Σⱼ vⱼ·x[i·n + j], dJ = Σᵢ (pᵢ − yᵢ)·dzᵢ / m
        /// + λ·Σⱼ wⱼvⱼ; the bar for <c>Loss_Jvp</c>.
        /// </summary>
        public static double HandJvp(double[] w, double b, double[] x, double[] y, double lambda, ReadOnlySpan<double> v, double vb, out double derivative)
        {
            int n = w.Length;
            int m = y.Length;
            double total = 0.0;
            double d = 0.0;
            for (int i = 0; i < m; i++)
            {
                double z = b;
                double dz = vb;
                for (int j = 0; j < n; j++)
                {
                    z += w[j] * x[i * n + j];
                    dz += v[j] * x[i * n + j];
                }
                double p = 1.0 / (1.0 + Math.Exp(-z));
                total -= y[i] * Math.Log(p) + (1.0 - y[i]) * Math.Log(1.0 - p);
                d += (p - y[i]) * dz;
            }
            double squares = 0.0;
            double dsquares = 0.0;
            for (int j = 0; j < n; j++)
            {
                squares += w[j] * w[j];
                dsquares += w[j] * v[j];
            }
            derivative = d / m + lambda * dsquares;
            return total / m + 0.5 * lambda * squares;
        }
    }
}
