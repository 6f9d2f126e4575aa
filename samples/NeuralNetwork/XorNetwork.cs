using System;
using Fluxion;

namespace Fluxion.Samples.NeuralNetwork
{
    /// <summary>
    /// The three-layer network of the founding lesson, written as straight-line code so that
    /// Fluxion can generate its gradient: 2 inputs (x1, x2) plus a bias unit, one hidden layer
    /// of 2 sigmoid units plus a bias unit, and one sigmoid output.
    /// </summary>
    /// <remarks>
    /// Weight names: <c>theta{l}_{j}{k}</c> is Θl[j, k], the weight from unit k of layer l
    /// to unit j of layer l + 1. Unit 0 is always the bias unit (constant 1), so k = 0 marks a
    /// bias weight, which the L2 term leaves out.
    /// <code>
    ///        k = 0 (bias)   k = 1        k = 2
    /// Θ1 = [ theta1_10      theta1_11    theta1_12 ]   row j = 1: hidden unit a2_1
    ///      [ theta1_20      theta1_21    theta1_22 ]   row j = 2: hidden unit a2_2
    /// Θ2 = [ theta2_10      theta2_11    theta2_12 ]   row j = 1: output unit a3
    /// </code>
    /// Forward pass: a1 = (1, x1, x2), z2 = Θ1·a1, a2 = (1, s(z2)), z3 = Θ2·a2, a3 = s(z3).
    /// </remarks>
    public static partial class XorNetwork
    {
        /// <summary>Number of training samples (the four rows of the XOR truth table).</summary>
        public const int M = 4;

        /// <summary>The sigmoid s(z) = 1 / (1 + e^(−z)); Fluxion derives s'(z) = s(z)·(1 − s(z)).</summary>
        [Differentiable]
        public static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));

        /// <summary>
        /// Cross-entropy loss of one sample, J = −[y·log(a3) + (1 − y)·log(1 − a3)].
        /// Differentiated with respect to the nine weights only; x1, x2 and y are data.
        /// </summary>
        [Differentiable(
            nameof(theta1_10), nameof(theta1_11), nameof(theta1_12),
            nameof(theta1_20), nameof(theta1_21), nameof(theta1_22),
            nameof(theta2_10), nameof(theta2_11), nameof(theta2_12))]
        public static double SampleLoss(
            double theta1_10, double theta1_11, double theta1_12,
            double theta1_20, double theta1_21, double theta1_22,
            double theta2_10, double theta2_11, double theta2_12,
            double x1, double x2, double y)
        {
            // Hidden layer: z2 = Θ1·a1 with a1 = (1, x1, x2).
            double a2_1 = Sigmoid(theta1_10 + theta1_11 * x1 + theta1_12 * x2);
            double a2_2 = Sigmoid(theta1_20 + theta1_21 * x1 + theta1_22 * x2);

            // Output layer: z3 = Θ2·a2 with a2 = (1, a2_1, a2_2).
            double a3 = Sigmoid(theta2_10 + theta2_11 * a2_1 + theta2_12 * a2_2);

            return -(y * Math.Log(a3) + (1.0 - y) * Math.Log(1.0 - a3));
        }

        /// <summary>
        /// Total loss over the XOR truth table: the mean cross-entropy of the four samples plus
        /// (λ / 2m)·Σθ² over the six non-bias weights.
        /// </summary>
        [Differentiable(
            nameof(theta1_10), nameof(theta1_11), nameof(theta1_12),
            nameof(theta1_20), nameof(theta1_21), nameof(theta1_22),
            nameof(theta2_10), nameof(theta2_11), nameof(theta2_12))]
        public static double Cost(
            double theta1_10, double theta1_11, double theta1_12,
            double theta1_20, double theta1_21, double theta1_22,
            double theta2_10, double theta2_11, double theta2_12,
            double lambda)
        {
            // One call per row of the truth table; the last three arguments are x1, x2 and y.
            double j00 = SampleLoss(theta1_10, theta1_11, theta1_12, theta1_20, theta1_21, theta1_22, theta2_10, theta2_11, theta2_12, 0.0, 0.0, 0.0);
            double j01 = SampleLoss(theta1_10, theta1_11, theta1_12, theta1_20, theta1_21, theta1_22, theta2_10, theta2_11, theta2_12, 0.0, 1.0, 1.0);
            double j10 = SampleLoss(theta1_10, theta1_11, theta1_12, theta1_20, theta1_21, theta1_22, theta2_10, theta2_11, theta2_12, 1.0, 0.0, 1.0);
            double j11 = SampleLoss(theta1_10, theta1_11, theta1_12, theta1_20, theta1_21, theta1_22, theta2_10, theta2_11, theta2_12, 1.0, 1.0, 0.0);

            double squares =
                theta1_11 * theta1_11 + theta1_12 * theta1_12 +
                theta1_21 * theta1_21 + theta1_22 * theta1_22 +
                theta2_11 * theta2_11 + theta2_12 * theta2_12;

            return (j00 + j01 + j10 + j11) / M + lambda / (2 * M) * squares;
        }
    }
}
