using System;

namespace Fluxion.Samples.NeuralNetwork
{
    /// <summary>
    /// The founding lesson's hand-derived backpropagation for the same network and loss as
    /// <see cref="XorNetwork.Cost"/>, written with matrices and loops. It is the reference the
    /// generated <c>XorNetwork.Cost_Grad</c> is checked against.
    /// </summary>
    public static class Backprop
    {
        /// <summary>The sigmoid s(z) = 1 / (1 + e^(−z)).</summary>
        public static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));

        /// <summary>
        /// Forward pass for one input: a1 = (1, x1, x2), z2 = Θ1·a1, a2 = (1, s(z2)), z3 = Θ2·a2, a3 = s(z3).
        /// </summary>
        /// <returns>a1 (3), a2 (3, with the bias unit first) and a3 (1).</returns>
        public static (double[] A1, double[] A2, double[] A3) Forward(double[,] theta1, double[,] theta2, double x1, double x2)
        {
            double[] a1 = { 1.0, x1, x2 };

            double[] a2 = new double[theta1.GetLength(0) + 1];
            a2[0] = 1.0;
            for (int j = 0; j < theta1.GetLength(0); j++)
            {
                double z2 = 0.0;
                for (int k = 0; k < a1.Length; k++) z2 += theta1[j, k] * a1[k];
                a2[j + 1] = Sigmoid(z2);
            }

            double[] a3 = new double[theta2.GetLength(0)];
            for (int j = 0; j < theta2.GetLength(0); j++)
            {
                double z3 = 0.0;
                for (int k = 0; k < a2.Length; k++) z3 += theta2[j, k] * a2[k];
                a3[j] = Sigmoid(z3);
            }

            return (a1, a2, a3);
        }

        /// <summary>
        /// Loss and gradient by backpropagation:
        /// δ3 = a3 − y;  ∂J/∂Θ2 = δ3·a2ᵀ / m;
        /// δ2 = (Θ2ᵀ·δ3) ⊙ a2 ⊙ (1 − a2) with the bias row dropped;  ∂J/∂Θ1 = δ2·a1ᵀ / m;
        /// plus (λ/m)·θ for every non-bias weight (column k ≥ 1).
        /// </summary>
        /// <param name="theta1">Θ1, hidden × (inputs + 1).</param>
        /// <param name="theta2">Θ2, outputs × (hidden + 1).</param>
        /// <param name="x">Inputs, one row (x1, x2) per sample.</param>
        /// <param name="y">Targets, one per sample.</param>
        /// <param name="lambda">L2 regularisation strength λ.</param>
        /// <param name="grad1">∂J/∂Θ1, same shape as Θ1.</param>
        /// <param name="grad2">∂J/∂Θ2, same shape as Θ2.</param>
        /// <returns>The loss J.</returns>
        public static double CostAndGradient(
            double[,] theta1, double[,] theta2, double[,] x, double[] y, double lambda,
            out double[,] grad1, out double[,] grad2)
        {
            int m = y.Length;
            int hidden = theta1.GetLength(0);
            grad1 = new double[theta1.GetLength(0), theta1.GetLength(1)];
            grad2 = new double[theta2.GetLength(0), theta2.GetLength(1)];
            double cost = 0.0;

            for (int i = 0; i < m; i++)
            {
                var (a1, a2, a3) = Forward(theta1, theta2, x[i, 0], x[i, 1]);
                double a = a3[0];
                cost += -(y[i] * Math.Log(a) + (1.0 - y[i]) * Math.Log(1.0 - a));

                // δ3 = a3 − y
                double[] delta3 = { a - y[i] };

                // ∂J/∂Θ2 accumulates δ3·a2ᵀ
                for (int j = 0; j < delta3.Length; j++)
                    for (int k = 0; k < a2.Length; k++)
                        grad2[j, k] += delta3[j] * a2[k];

                // δ2 = (Θ2ᵀ·δ3) ⊙ a2 ⊙ (1 − a2), bias row (k = 0) dropped
                double[] delta2 = new double[hidden];
                for (int k = 1; k <= hidden; k++)
                {
                    double back = 0.0;
                    for (int j = 0; j < delta3.Length; j++) back += theta2[j, k] * delta3[j];
                    delta2[k - 1] = back * a2[k] * (1.0 - a2[k]);
                }

                // ∂J/∂Θ1 accumulates δ2·a1ᵀ
                for (int j = 0; j < hidden; j++)
                    for (int k = 0; k < a1.Length; k++)
                        grad1[j, k] += delta2[j] * a1[k];
            }

            cost /= m;
            double squares = 0.0;
            Finish(grad1, theta1, m, lambda, ref squares);
            Finish(grad2, theta2, m, lambda, ref squares);
            return cost + lambda / (2.0 * m) * squares;
        }

        // Divides the accumulated gradient by m and adds (λ/m)·θ for the non-bias columns;
        // also sums θ² over those columns for the loss's L2 term.
        private static void Finish(double[,] grad, double[,] theta, int m, double lambda, ref double squares)
        {
            for (int j = 0; j < grad.GetLength(0); j++)
            {
                for (int k = 0; k < grad.GetLength(1); k++)
                {
                    grad[j, k] /= m;
                    if (k == 0) continue; // bias weight: not regularised
                    grad[j, k] += lambda / m * theta[j, k];
                    squares += theta[j, k] * theta[j, k];
                }
            }
        }
    }
}
