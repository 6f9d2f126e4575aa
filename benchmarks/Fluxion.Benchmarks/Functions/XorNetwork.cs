using System;

namespace Fluxion.Benchmarks.Functions
{
    /// <summary>
    /// The 2-2-1 sigmoid network of the NeuralNetwork sample on the XOR truth table, copied here
    /// so the benchmarks depend on Fluxion only: 2 inputs plus a bias unit, 2 sigmoid hidden
    /// units plus a bias unit, one sigmoid output, mean cross-entropy over the four samples and
    /// (λ / 2m)·Σθ² over the six non-bias weights.
    /// </summary>
    /// <remarks>
    /// <c>theta{l}_{j}{k}</c> is Θl[j, k], the weight from unit k of layer l to unit j of
    /// layer l + 1; k = 0 is the bias unit.
    /// </remarks>
    public static partial class XorNetwork
    {
        /// <summary>Number of training samples (the four rows of the XOR truth table).</summary>
        public const int M = 4;

        /// <summary>The sigmoid s(z) = 1 / (1 + e^(−z)).</summary>
        [Differentiable]
        public static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));

        /// <summary>Cross-entropy of one sample, J = −[y·log(a3) + (1 − y)·log(1 − a3)].</summary>
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
            double a2_1 = Sigmoid(theta1_10 + theta1_11 * x1 + theta1_12 * x2);
            double a2_2 = Sigmoid(theta1_20 + theta1_21 * x1 + theta1_22 * x2);
            double a3 = Sigmoid(theta2_10 + theta2_11 * a2_1 + theta2_12 * a2_2);
            return -(y * Math.Log(a3) + (1.0 - y) * Math.Log(1.0 - a3));
        }

        /// <summary>Total loss over the XOR truth table; Fluxion generates <c>Cost_Grad</c>.</summary>
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

        /// <summary>
        /// Hand-written backpropagation tuned for speed: no arrays, no loops, no allocation; the
        /// four samples unrolled, each one forward pass that keeps a2 and a3 and one backward
        /// pass with δ3 = a3 − y and δ2 = Θ2ᵀδ3 ⊙ a2 ⊙ (1 − a2), accumulated in locals.
        /// The same per-sample operations as <see cref="SampleLoss"/> (so the same loss), not
        /// specialised to the 0/1 inputs and targets beyond what the compilers fold.
        /// </summary>
        public static double HandGradient(
            double theta1_10, double theta1_11, double theta1_12,
            double theta1_20, double theta1_21, double theta1_22,
            double theta2_10, double theta2_11, double theta2_12,
            double lambda,
            out double dtheta1_10, out double dtheta1_11, out double dtheta1_12,
            out double dtheta1_20, out double dtheta1_21, out double dtheta1_22,
            out double dtheta2_10, out double dtheta2_11, out double dtheta2_12)
        {
            double loss = 0.0;
            double g1_10 = 0.0, g1_11 = 0.0, g1_12 = 0.0;
            double g1_20 = 0.0, g1_21 = 0.0, g1_22 = 0.0;
            double g2_10 = 0.0, g2_11 = 0.0, g2_12 = 0.0;

            {
                // Sample (x1, x2) = (0, 0), y = 0.
                const double x1 = 0.0, x2 = 0.0, y = 0.0;
                double a2_1 = 1.0 / (1.0 + Math.Exp(-(theta1_10 + theta1_11 * x1 + theta1_12 * x2)));
                double a2_2 = 1.0 / (1.0 + Math.Exp(-(theta1_20 + theta1_21 * x1 + theta1_22 * x2)));
                double a3 = 1.0 / (1.0 + Math.Exp(-(theta2_10 + theta2_11 * a2_1 + theta2_12 * a2_2)));
                loss += -(y * Math.Log(a3) + (1.0 - y) * Math.Log(1.0 - a3));

                double delta3 = a3 - y;
                g2_10 += delta3; g2_11 += delta3 * a2_1; g2_12 += delta3 * a2_2;
                double delta2_1 = theta2_11 * delta3 * a2_1 * (1.0 - a2_1);
                double delta2_2 = theta2_12 * delta3 * a2_2 * (1.0 - a2_2);
                g1_10 += delta2_1; g1_11 += delta2_1 * x1; g1_12 += delta2_1 * x2;
                g1_20 += delta2_2; g1_21 += delta2_2 * x1; g1_22 += delta2_2 * x2;
            }
            {
                // Sample (x1, x2) = (0, 1), y = 1.
                const double x1 = 0.0, x2 = 1.0, y = 1.0;
                double a2_1 = 1.0 / (1.0 + Math.Exp(-(theta1_10 + theta1_11 * x1 + theta1_12 * x2)));
                double a2_2 = 1.0 / (1.0 + Math.Exp(-(theta1_20 + theta1_21 * x1 + theta1_22 * x2)));
                double a3 = 1.0 / (1.0 + Math.Exp(-(theta2_10 + theta2_11 * a2_1 + theta2_12 * a2_2)));
                loss += -(y * Math.Log(a3) + (1.0 - y) * Math.Log(1.0 - a3));

                double delta3 = a3 - y;
                g2_10 += delta3; g2_11 += delta3 * a2_1; g2_12 += delta3 * a2_2;
                double delta2_1 = theta2_11 * delta3 * a2_1 * (1.0 - a2_1);
                double delta2_2 = theta2_12 * delta3 * a2_2 * (1.0 - a2_2);
                g1_10 += delta2_1; g1_11 += delta2_1 * x1; g1_12 += delta2_1 * x2;
                g1_20 += delta2_2; g1_21 += delta2_2 * x1; g1_22 += delta2_2 * x2;
            }
            {
                // Sample (x1, x2) = (1, 0), y = 1.
                const double x1 = 1.0, x2 = 0.0, y = 1.0;
                double a2_1 = 1.0 / (1.0 + Math.Exp(-(theta1_10 + theta1_11 * x1 + theta1_12 * x2)));
                double a2_2 = 1.0 / (1.0 + Math.Exp(-(theta1_20 + theta1_21 * x1 + theta1_22 * x2)));
                double a3 = 1.0 / (1.0 + Math.Exp(-(theta2_10 + theta2_11 * a2_1 + theta2_12 * a2_2)));
                loss += -(y * Math.Log(a3) + (1.0 - y) * Math.Log(1.0 - a3));

                double delta3 = a3 - y;
                g2_10 += delta3; g2_11 += delta3 * a2_1; g2_12 += delta3 * a2_2;
                double delta2_1 = theta2_11 * delta3 * a2_1 * (1.0 - a2_1);
                double delta2_2 = theta2_12 * delta3 * a2_2 * (1.0 - a2_2);
                g1_10 += delta2_1; g1_11 += delta2_1 * x1; g1_12 += delta2_1 * x2;
                g1_20 += delta2_2; g1_21 += delta2_2 * x1; g1_22 += delta2_2 * x2;
            }
            {
                // Sample (x1, x2) = (1, 1), y = 0.
                const double x1 = 1.0, x2 = 1.0, y = 0.0;
                double a2_1 = 1.0 / (1.0 + Math.Exp(-(theta1_10 + theta1_11 * x1 + theta1_12 * x2)));
                double a2_2 = 1.0 / (1.0 + Math.Exp(-(theta1_20 + theta1_21 * x1 + theta1_22 * x2)));
                double a3 = 1.0 / (1.0 + Math.Exp(-(theta2_10 + theta2_11 * a2_1 + theta2_12 * a2_2)));
                loss += -(y * Math.Log(a3) + (1.0 - y) * Math.Log(1.0 - a3));

                double delta3 = a3 - y;
                g2_10 += delta3; g2_11 += delta3 * a2_1; g2_12 += delta3 * a2_2;
                double delta2_1 = theta2_11 * delta3 * a2_1 * (1.0 - a2_1);
                double delta2_2 = theta2_12 * delta3 * a2_2 * (1.0 - a2_2);
                g1_10 += delta2_1; g1_11 += delta2_1 * x1; g1_12 += delta2_1 * x2;
                g1_20 += delta2_2; g1_21 += delta2_2 * x1; g1_22 += delta2_2 * x2;
            }

            // Mean over the samples (1/M is exact) plus (λ/M)·θ for the non-bias weights.
            const double inverseM = 1.0 / M;
            double decay = lambda / M;
            dtheta1_10 = g1_10 * inverseM;
            dtheta1_11 = g1_11 * inverseM + decay * theta1_11;
            dtheta1_12 = g1_12 * inverseM + decay * theta1_12;
            dtheta1_20 = g1_20 * inverseM;
            dtheta1_21 = g1_21 * inverseM + decay * theta1_21;
            dtheta1_22 = g1_22 * inverseM + decay * theta1_22;
            dtheta2_10 = g2_10 * inverseM;
            dtheta2_11 = g2_11 * inverseM + decay * theta2_11;
            dtheta2_12 = g2_12 * inverseM + decay * theta2_12;

            double squares =
                theta1_11 * theta1_11 + theta1_12 * theta1_12 +
                theta1_21 * theta1_21 + theta1_22 * theta1_22 +
                theta2_11 * theta2_11 + theta2_12 * theta2_12;
            return loss / M + lambda / (2 * M) * squares;
        }

        /// <summary>Central finite differences over the 9 weights: 18 calls of <see cref="Cost"/>.</summary>
        public static void FiniteDifference(
            double theta1_10, double theta1_11, double theta1_12,
            double theta1_20, double theta1_21, double theta1_22,
            double theta2_10, double theta2_11, double theta2_12,
            double lambda,
            out double dtheta1_10, out double dtheta1_11, out double dtheta1_12,
            out double dtheta1_20, out double dtheta1_21, out double dtheta1_22,
            out double dtheta2_10, out double dtheta2_11, out double dtheta2_12)
        {
            double h;
            h = Step.For(theta1_10); dtheta1_10 = (Cost(theta1_10 + h, theta1_11, theta1_12, theta1_20, theta1_21, theta1_22, theta2_10, theta2_11, theta2_12, lambda) - Cost(theta1_10 - h, theta1_11, theta1_12, theta1_20, theta1_21, theta1_22, theta2_10, theta2_11, theta2_12, lambda)) / (2.0 * h);
            h = Step.For(theta1_11); dtheta1_11 = (Cost(theta1_10, theta1_11 + h, theta1_12, theta1_20, theta1_21, theta1_22, theta2_10, theta2_11, theta2_12, lambda) - Cost(theta1_10, theta1_11 - h, theta1_12, theta1_20, theta1_21, theta1_22, theta2_10, theta2_11, theta2_12, lambda)) / (2.0 * h);
            h = Step.For(theta1_12); dtheta1_12 = (Cost(theta1_10, theta1_11, theta1_12 + h, theta1_20, theta1_21, theta1_22, theta2_10, theta2_11, theta2_12, lambda) - Cost(theta1_10, theta1_11, theta1_12 - h, theta1_20, theta1_21, theta1_22, theta2_10, theta2_11, theta2_12, lambda)) / (2.0 * h);
            h = Step.For(theta1_20); dtheta1_20 = (Cost(theta1_10, theta1_11, theta1_12, theta1_20 + h, theta1_21, theta1_22, theta2_10, theta2_11, theta2_12, lambda) - Cost(theta1_10, theta1_11, theta1_12, theta1_20 - h, theta1_21, theta1_22, theta2_10, theta2_11, theta2_12, lambda)) / (2.0 * h);
            h = Step.For(theta1_21); dtheta1_21 = (Cost(theta1_10, theta1_11, theta1_12, theta1_20, theta1_21 + h, theta1_22, theta2_10, theta2_11, theta2_12, lambda) - Cost(theta1_10, theta1_11, theta1_12, theta1_20, theta1_21 - h, theta1_22, theta2_10, theta2_11, theta2_12, lambda)) / (2.0 * h);
            h = Step.For(theta1_22); dtheta1_22 = (Cost(theta1_10, theta1_11, theta1_12, theta1_20, theta1_21, theta1_22 + h, theta2_10, theta2_11, theta2_12, lambda) - Cost(theta1_10, theta1_11, theta1_12, theta1_20, theta1_21, theta1_22 - h, theta2_10, theta2_11, theta2_12, lambda)) / (2.0 * h);
            h = Step.For(theta2_10); dtheta2_10 = (Cost(theta1_10, theta1_11, theta1_12, theta1_20, theta1_21, theta1_22, theta2_10 + h, theta2_11, theta2_12, lambda) - Cost(theta1_10, theta1_11, theta1_12, theta1_20, theta1_21, theta1_22, theta2_10 - h, theta2_11, theta2_12, lambda)) / (2.0 * h);
            h = Step.For(theta2_11); dtheta2_11 = (Cost(theta1_10, theta1_11, theta1_12, theta1_20, theta1_21, theta1_22, theta2_10, theta2_11 + h, theta2_12, lambda) - Cost(theta1_10, theta1_11, theta1_12, theta1_20, theta1_21, theta1_22, theta2_10, theta2_11 - h, theta2_12, lambda)) / (2.0 * h);
            h = Step.For(theta2_12); dtheta2_12 = (Cost(theta1_10, theta1_11, theta1_12, theta1_20, theta1_21, theta1_22, theta2_10, theta2_11, theta2_12 + h, lambda) - Cost(theta1_10, theta1_11, theta1_12, theta1_20, theta1_21, theta1_22, theta2_10, theta2_11, theta2_12 - h, lambda)) / (2.0 * h);
        }
    }
}
