using System;
using Fluxion;

namespace Fluxion.Samples.NeuralNetwork
{
    /// <summary>
    /// The three-layer network of the founding lesson, for any layer sizes, written so that
    /// Fluxion can generate the gradient of its loss: <c>inputs</c> inputs plus a bias unit, one
    /// hidden layer of <c>hidden</c> sigmoid units plus a bias unit, and <c>outputs</c> sigmoid
    /// outputs. The lesson's network is 2-2-1.
    /// </summary>
    /// <remarks>
    /// The weights are two flat, row-major arrays. Θl[j, k] is the weight from unit k of layer l
    /// to unit j of layer l + 1; column k = 0 is the bias unit (constant 1), so it holds the bias
    /// weights, which the L2 term leaves out.
    /// <code>
    /// theta1: Θ1, hidden × (inputs + 1),   Θ1[j, k] = theta1[j * (inputs + 1) + k]
    /// theta2: Θ2, outputs × (hidden + 1),  Θ2[j, k] = theta2[j * (hidden + 1) + k]
    /// x:      m × inputs,                  input k of sample i = x[i * inputs + k]
    /// y:      m × outputs (0 or 1),        target j of sample i = y[i * outputs + j]
    /// </code>
    /// Forward pass: a1 = (1, x), z2 = Θ1·a1, a2 = (1, s(z2)), z3 = Θ2·a2, a3 = s(z3).
    /// </remarks>
    public static partial class Network
    {
        /// <summary>The sigmoid s(z) = 1 / (1 + e^(−z)); Fluxion derives s'(z) = s(z)·(1 − s(z)).</summary>
        [Differentiable]
        public static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));

        /// <summary>
        /// The loss J(Θ1, Θ2): the cross-entropy −[y·log(a3) + (1 − y)·log(1 − a3)] summed over
        /// the outputs and the m samples and divided by m, plus (λ / 2m)·Σθ² over every weight
        /// that is not a bias weight.
        /// </summary>
        /// <remarks>
        /// Only <paramref name="theta1"/> and <paramref name="theta2"/> are differentiated:
        /// Fluxion generates <c>Cost_Grad(theta1, theta2, x, y, inputs, hidden, outputs, lambda,
        /// dtheta1, dtheta2)</c>, which returns J and writes ∂J/∂Θ1 and ∂J/∂Θ2 into the two spans.
        /// The hidden activations are scalar locals computed where they are used, so a network
        /// with several outputs computes each hidden unit once per output.
        /// </remarks>
        [Differentiable(nameof(theta1), nameof(theta2))]
        public static double Cost(
            double[] theta1, double[] theta2, double[] x, double[] y,
            int inputs, int hidden, int outputs, double lambda)
        {
            int m = y.Length / outputs;
            int columns1 = inputs + 1;
            int columns2 = hidden + 1;

            double total = 0.0;
            for (int i = 0; i < m; i++)
            {
                for (int o = 0; o < outputs; o++)
                {
                    // z3 = Θ2[o, ·]·a2, the hidden activations a2 computed on the way.
                    double z3 = theta2[o * columns2];
                    for (int j = 0; j < hidden; j++)
                    {
                        // z2 = Θ1[j, ·]·a1 with a1 = (1, x).
                        double z2 = theta1[j * columns1];
                        for (int k = 0; k < inputs; k++)
                        {
                            z2 += theta1[j * columns1 + 1 + k] * x[i * inputs + k];
                        }
                        z3 += theta2[o * columns2 + 1 + j] * Sigmoid(z2);
                    }

                    double a3 = Sigmoid(z3);
                    double target = y[i * outputs + o];
                    total -= target * Math.Log(a3) + (1.0 - target) * Math.Log(1.0 - a3);
                }
            }

            // Σθ² over the non-bias columns (k ≥ 1) of Θ1 and Θ2.
            double squares = 0.0;
            for (int j = 0; j < hidden; j++)
            {
                for (int k = 1; k < columns1; k++)
                {
                    double weight = theta1[j * columns1 + k];
                    squares += weight * weight;
                }
            }
            for (int o = 0; o < outputs; o++)
            {
                for (int k = 1; k < columns2; k++)
                {
                    double weight = theta2[o * columns2 + k];
                    squares += weight * weight;
                }
            }

            return total / m + lambda / (2.0 * m) * squares;
        }
    }
}
