using System;
using Fluxion;

namespace Fluxion.Samples.LogisticRegression
{
    /// <summary>
    /// Logistic regression as <c>[Differentiable]</c> code over arrays: one weight per feature
    /// plus a bias, a sigmoid output, and the mean cross-entropy loss with an L2 term that
    /// leaves the bias out.
    /// </summary>
    /// <remarks>
    /// The features are a flat row-major matrix: feature j of sample s is
    /// <c>features[s * n + j]</c>, with n = <c>weights.Length</c> and m = <c>labels.Length</c>.
    /// </remarks>
    public static partial class LogisticModel
    {
        /// <summary>The sigmoid s(z) = 1 / (1 + e^(−z)); Fluxion derives s'(z) = s(z)·(1 − s(z)).</summary>
        [Differentiable]
        public static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));

        /// <summary>
        /// J(θ, b) = (1/m)·Σ −[y·log(a) + (1 − y)·log(1 − a)] + (λ / 2m)·Σθ², with
        /// a = s(b + θ·x) for each sample. Differentiated with respect to <paramref name="weights"/>
        /// and <paramref name="bias"/> only; the data and λ are passed through.
        /// </summary>
        /// <remarks>
        /// Fluxion generates
        /// <c>Loss_Grad(weights, bias, features, labels, lambda, Span&lt;double&gt; dweights, out double dbias)</c>.
        /// </remarks>
        [Differentiable(nameof(weights), nameof(bias))]
        public static double Loss(double[] weights, double bias, double[] features, double[] labels, double lambda)
        {
            int n = weights.Length;
            int m = labels.Length;

            // Cross-entropy, summed over the samples.
            double total = 0.0;
            for (int s = 0; s < m; s++)
            {
                double z = bias;
                for (int j = 0; j < n; j++)
                {
                    z += weights[j] * features[s * n + j];
                }

                double a = Sigmoid(z);
                double y = labels[s];
                total += -(y * Math.Log(a) + (1.0 - y) * Math.Log(1.0 - a));
            }

            // L2 penalty on the weights; the bias is not penalised.
            double squares = 0.0;
            for (int j = 0; j < n; j++)
            {
                squares += weights[j] * weights[j];
            }

            return total / m + lambda / (2.0 * m) * squares;
        }

        /// <summary>The predicted probability a = s(b + θ·x) that sample <paramref name="s"/> has label 1.</summary>
        public static double Probability(double[] weights, double bias, double[] features, int s)
        {
            int n = weights.Length;
            double z = bias;
            for (int j = 0; j < n; j++)
            {
                z += weights[j] * features[s * n + j];
            }

            return Sigmoid(z);
        }

        /// <summary>The fraction of samples whose class (a ≥ 0.5) matches the label.</summary>
        public static double Accuracy(double[] weights, double bias, double[] features, double[] labels)
        {
            int correct = 0;
            for (int s = 0; s < labels.Length; s++)
            {
                int predicted = Probability(weights, bias, features, s) >= 0.5 ? 1 : 0;
                if (predicted == (int)labels[s]) correct++;
            }

            return (double)correct / labels.Length;
        }

        /// <summary>
        /// The lesson's closed-form gradient, for comparison: ∂J/∂θj = (1/m)·Σ(a − y)·xj + (λ/m)·θj
        /// and ∂J/∂b = (1/m)·Σ(a − y).
        /// </summary>
        public static void ClosedFormGradient(double[] weights, double bias, double[] features, double[] labels, double lambda, double[] dweights, out double dbias)
        {
            int n = weights.Length;
            int m = labels.Length;
            Array.Clear(dweights);
            dbias = 0.0;
            for (int s = 0; s < m; s++)
            {
                double delta = Probability(weights, bias, features, s) - labels[s];
                for (int j = 0; j < n; j++) dweights[j] += delta * features[s * n + j];
                dbias += delta;
            }

            for (int j = 0; j < n; j++) dweights[j] = dweights[j] / m + lambda / m * weights[j];
            dbias /= m;
        }
    }
}
