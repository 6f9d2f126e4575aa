using System;

namespace Fluxion.Benchmarks.Functions
{
    /// <summary>
    /// The founding document's network at 8 inputs, 32 hidden sigmoid units and 1 sigmoid
    /// output: mean cross-entropy over the m samples plus (λ/2m)·Σθ² over every weight that is
    /// not a bias weight. Θ1 is 32×9 and Θ2 1×33, flat, row by row, bias in column 0.
    /// </summary>
    public static partial class Network8x32
    {
        public const int Inputs = 8;
        public const int Hidden = 32;

        [Differentiable]
        public static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));

        /// <summary>
        /// The primal; Fluxion generates <c>Cost_Grad(theta1, theta2, x, y, lambda, dtheta1, dtheta2)</c>.
        /// The hidden activations are scalars computed where they are used (no local arrays).
        /// </summary>
        [Differentiable(nameof(theta1), nameof(theta2))]
        public static double Cost(double[] theta1, double[] theta2, double[] x, double[] y, double lambda)
        {
            int m = y.Length;
            int columns1 = Inputs + 1;
            double total = 0.0;
            for (int i = 0; i < m; i++)
            {
                double z3 = theta2[0];
                for (int j = 0; j < Hidden; j++)
                {
                    double z2 = theta1[j * columns1];
                    for (int k = 0; k < Inputs; k++)
                    {
                        z2 += theta1[j * columns1 + 1 + k] * x[i * Inputs + k];
                    }
                    z3 += theta2[1 + j] * Sigmoid(z2);
                }
                double a3 = Sigmoid(z3);
                double target = y[i];
                total -= target * Math.Log(a3) + (1.0 - target) * Math.Log(1.0 - a3);
            }

            double squares = 0.0;
            for (int j = 0; j < Hidden; j++)
            {
                for (int k = 1; k < columns1; k++)
                {
                    double weight = theta1[j * columns1 + k];
                    squares += weight * weight;
                }
            }
            for (int k = 1; k < Hidden + 1; k++)
            {
                double weight = theta2[k];
                squares += weight * weight;
            }
            return total / m + lambda / (2.0 * m) * squares;
        }

        /// <summary>
        /// Hand-written backpropagation in one pass over the samples: a2 into a scratch array
        /// (allocated once by the caller), δ3 = a3 − y, δ2 = Θ2ᵀδ3 ⊙ a2 ⊙ (1 − a2), accumulated
        /// straight into the gradient spans; nothing allocated per call.
        /// </summary>
        public static double HandGradient(double[] theta1, double[] theta2, double[] x, double[] y, double lambda,
            Span<double> dtheta1, Span<double> dtheta2, double[] a2)
        {
            int m = y.Length;
            const int columns1 = Inputs + 1;
            // Fill, not Clear: on AVX-512, Clear leaves state that slows every later Math call (docs/benchmarks.md).
            dtheta1.Fill(0.0);
            dtheta2.Fill(0.0);
            double total = 0.0;
            for (int i = 0; i < m; i++)
            {
                ReadOnlySpan<double> xi = x.AsSpan(i * Inputs, Inputs);
                double z3 = theta2[0];
                for (int j = 0; j < Hidden; j++)
                {
                    ReadOnlySpan<double> row = theta1.AsSpan(j * columns1, columns1);
                    double z2 = row[0];
                    for (int k = 0; k < Inputs; k++)
                    {
                        z2 += row[1 + k] * xi[k];
                    }
                    double a = 1.0 / (1.0 + Math.Exp(-z2));
                    a2[j] = a;
                    z3 += theta2[1 + j] * a;
                }
                double a3 = 1.0 / (1.0 + Math.Exp(-z3));
                double target = y[i];
                total -= target * Math.Log(a3) + (1.0 - target) * Math.Log(1.0 - a3);

                double delta3 = a3 - target;
                dtheta2[0] += delta3;
                for (int j = 0; j < Hidden; j++)
                {
                    double a = a2[j];
                    dtheta2[1 + j] += delta3 * a;
                    double delta2 = delta3 * theta2[1 + j] * a * (1.0 - a);
                    Span<double> drow = dtheta1.Slice(j * columns1, columns1);
                    drow[0] += delta2;
                    for (int k = 0; k < Inputs; k++)
                    {
                        drow[1 + k] += delta2 * xi[k];
                    }
                }
            }

            double inverseM = 1.0 / m;
            double scale = lambda / m;
            double squares = 0.0;
            for (int j = 0; j < Hidden; j++)
            {
                dtheta1[j * columns1] *= inverseM;
                for (int k = 1; k < columns1; k++)
                {
                    double weight = theta1[j * columns1 + k];
                    squares += weight * weight;
                    dtheta1[j * columns1 + k] = dtheta1[j * columns1 + k] * inverseM + scale * weight;
                }
            }
            dtheta2[0] *= inverseM;
            for (int k = 1; k < Hidden + 1; k++)
            {
                double weight = theta2[k];
                squares += weight * weight;
                dtheta2[k] = dtheta2[k] * inverseM + scale * weight;
            }
            return total / m + lambda / (2.0 * m) * squares;
        }
    }
}
