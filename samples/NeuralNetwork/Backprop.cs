using System;

namespace Fluxion.Samples.NeuralNetwork
{
    /// <summary>
    /// The founding lesson's hand-derived backpropagation, for any layer sizes, for the same
    /// network and loss as <see cref="Network.Cost"/>. It is the reference the generated
    /// <c>Network.Cost_Grad</c> is checked against, and its forward pass makes the predictions.
    /// </summary>
    public static class Backprop
    {
        /// <summary>The sigmoid s(z) = 1 / (1 + e^(−z)).</summary>
        public static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));

        /// <summary>
        /// Forward pass for one sample: a1 = (1, x), z2 = Θ1·a1, a2 = (1, s(z2)), z3 = Θ2·a2, a3 = s(z3).
        /// </summary>
        /// <param name="a2">Receives a2, hidden + 1 values, the bias unit first.</param>
        /// <param name="a3">Receives a3, one value per output.</param>
        public static void Forward(
            Architecture net, double[] theta1, double[] theta2, ReadOnlySpan<double> x,
            Span<double> a2, Span<double> a3)
        {
            int columns1 = net.Inputs + 1;
            int columns2 = net.Hidden + 1;

            a2[0] = 1.0;
            for (int j = 0; j < net.Hidden; j++)
            {
                double z2 = theta1[j * columns1]; // the bias unit a1[0] = 1
                for (int k = 1; k < columns1; k++) z2 += theta1[j * columns1 + k] * x[k - 1];
                a2[1 + j] = Sigmoid(z2);
            }

            for (int j = 0; j < net.Outputs; j++)
            {
                double z3 = 0.0;
                for (int k = 0; k < columns2; k++) z3 += theta2[j * columns2 + k] * a2[k];
                a3[j] = Sigmoid(z3);
            }
        }

        /// <summary>The network's output a3 for one sample of a single-output network.</summary>
        public static double Predict(Architecture net, double[] theta1, double[] theta2, ReadOnlySpan<double> x)
        {
            Span<double> a2 = stackalloc double[net.Hidden + 1];
            Span<double> a3 = stackalloc double[net.Outputs];
            Forward(net, theta1, theta2, x, a2, a3);
            return a3[0];
        }

        /// <summary>
        /// Loss and gradient by backpropagation, sample by sample:
        /// δ3 = a3 − y;  ∂J/∂Θ2 += δ3·a2ᵀ;
        /// δ2 = (Θ2ᵀ·δ3) ⊙ a2 ⊙ (1 − a2) with the bias row dropped;  ∂J/∂Θ1 += δ2·a1ᵀ;
        /// then both divided by m, plus (λ/m)·θ for every non-bias weight (column k ≥ 1).
        /// </summary>
        /// <param name="grad1">Receives ∂J/∂Θ1, laid out like Θ1.</param>
        /// <param name="grad2">Receives ∂J/∂Θ2, laid out like Θ2.</param>
        /// <returns>The loss J.</returns>
        public static double CostAndGradient(
            Architecture net, double[] theta1, double[] theta2, Dataset data, double lambda,
            double[] grad1, double[] grad2)
        {
            int m = data.Count;
            int columns1 = net.Inputs + 1;
            int columns2 = net.Hidden + 1;
            Array.Clear(grad1);
            Array.Clear(grad2);

            double[] a1 = new double[columns1];
            double[] a2 = new double[columns2];
            double[] a3 = new double[net.Outputs];
            double[] delta3 = new double[net.Outputs];
            double[] delta2 = new double[net.Hidden];
            double cost = 0.0;

            for (int i = 0; i < m; i++)
            {
                ReadOnlySpan<double> x = data.Input(i);
                a1[0] = 1.0;
                x.CopyTo(a1.AsSpan(1));
                Forward(net, theta1, theta2, x, a2, a3);

                // Cross-entropy, and δ3 = a3 − y.
                for (int j = 0; j < net.Outputs; j++)
                {
                    double y = data.Y[i * net.Outputs + j];
                    cost -= y * Math.Log(a3[j]) + (1.0 - y) * Math.Log(1.0 - a3[j]);
                    delta3[j] = a3[j] - y;
                }

                // ∂J/∂Θ2 accumulates δ3·a2ᵀ.
                for (int j = 0; j < net.Outputs; j++)
                    for (int k = 0; k < columns2; k++)
                        grad2[j * columns2 + k] += delta3[j] * a2[k];

                // δ2 = (Θ2ᵀ·δ3) ⊙ a2 ⊙ (1 − a2), bias row (k = 0) dropped.
                for (int k = 1; k < columns2; k++)
                {
                    double back = 0.0;
                    for (int j = 0; j < net.Outputs; j++) back += theta2[j * columns2 + k] * delta3[j];
                    delta2[k - 1] = back * a2[k] * (1.0 - a2[k]);
                }

                // ∂J/∂Θ1 accumulates δ2·a1ᵀ.
                for (int j = 0; j < net.Hidden; j++)
                    for (int k = 0; k < columns1; k++)
                        grad1[j * columns1 + k] += delta2[j] * a1[k];
            }

            cost /= m;
            double squares = 0.0;
            Finish(grad1, theta1, columns1, m, lambda, ref squares);
            Finish(grad2, theta2, columns2, m, lambda, ref squares);
            return cost + lambda / (2.0 * m) * squares;
        }

        // Divides the accumulated gradient by m and adds (λ/m)·θ for the non-bias columns;
        // also sums θ² over those columns for the loss's L2 term.
        private static void Finish(double[] grad, double[] theta, int columns, int m, double lambda, ref double squares)
        {
            for (int index = 0; index < grad.Length; index++)
            {
                grad[index] /= m;
                if (index % columns == 0) continue; // bias weight: not regularised
                grad[index] += lambda / m * theta[index];
                squares += theta[index] * theta[index];
            }
        }
    }
}
