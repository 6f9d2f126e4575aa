using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Numerics.Tests.Harness;

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>
    /// Learning losses over flat arrays (row-major: entry k of sample s is <c>features[s * d + k]</c>),
    /// differentiated in the parameters only, the data passed through, each checked against the
    /// textbook gradient or hand-written backpropagation.
    /// </summary>
    public static partial class ArrayModels
    {
        /// <summary>
        /// Logistic regression: (1/m)·Σ −[y·log a + (1 − y)·log(1 − a)] + (λ/2m)·Σθ², a = σ(b + θ·x),
        /// the sigmoid a call to another class's [Differentiable] method.
        /// </summary>
        [Differentiable(nameof(weights), nameof(bias), Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double LogisticRegressionLoss(double[] weights, double bias, double[] features, double[] labels, double lambda)
        {
            int n = weights.Length;
            int m = labels.Length;
            double total = 0.0;
            for (int s = 0; s < m; s++)
            {
                double z = bias;
                for (int j = 0; j < n; j++)
                {
                    z += weights[j] * features[s * n + j];
                }

                double a = Loops.Logistic(z);
                double y = labels[s];
                total += -(y * Math.Log(a) + (1.0 - y) * Math.Log(1.0 - a));
            }

            double squares = 0.0;
            for (int j = 0; j < n; j++)
            {
                squares += weights[j] * weights[j];
            }

            return total / m + lambda / (2.0 * m) * squares;
        }

        /// <summary>
        /// A network with one hidden layer of tanh units and a sigmoid output, mean cross-entropy loss.
        /// w1 is hidden × inputs (flat), b1 and w2 one entry per hidden unit. Each hidden activation is
        /// recomputed inside the loops: there are no local arrays.
        /// </summary>
        [Differentiable(nameof(w1), nameof(b1), nameof(w2), nameof(b2), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double NeuralNetworkLoss(double[] w1, double[] b1, double[] w2, double b2, double[] features, double[] labels)
        {
            int hidden = b1.Length;
            int inputs = w1.Length / hidden;
            int m = labels.Length;
            double loss = 0.0;
            for (int s = 0; s < m; s++)
            {
                double output = b2;
                for (int j = 0; j < hidden; j++)
                {
                    double z = b1[j];
                    for (int k = 0; k < inputs; k++)
                    {
                        z += w1[j * inputs + k] * features[s * inputs + k];
                    }

                    output += w2[j] * Math.Tanh(z);
                }

                double a = 1.0 / (1.0 + Math.Exp(-output));
                double y = labels[s];
                loss -= y * Math.Log(a) + (1 - y) * Math.Log(1 - a);
            }

            return loss / m;
        }

        /// <summary>Softmax regression: mean −log softmax(W·x)[label] with int[] labels, the logits recomputed in each pass.</summary>
        [Differentiable(nameof(weights), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SoftmaxRegressionLoss(double[] weights, double[] features, int[] labels, int classes)
        {
            int d = weights.Length / classes;
            int m = labels.Length;
            double loss = 0.0;
            for (int s = 0; s < m; s++)
            {
                double sum = 0.0;
                for (int c = 0; c < classes; c++)
                {
                    double z = 0.0;
                    for (int k = 0; k < d; k++)
                    {
                        z += weights[c * d + k] * features[s * d + k];
                    }

                    sum += Math.Exp(z);
                }

                double correct = 0.0;
                for (int k = 0; k < d; k++)
                {
                    correct += weights[labels[s] * d + k] * features[s * d + k];
                }

                loss += Math.Log(sum) - correct;
            }

            return loss / m;
        }

        /// <summary>Σ wₛ(xₛ·θ − yₛ)², data as ReadOnlySpans, the weights a Span: differentiated in θ and w.</summary>
        [Differentiable(nameof(theta), nameof(w), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double WeightedLeastSquares(double[] theta, ReadOnlySpan<double> features, ReadOnlySpan<double> targets, Span<double> w)
        {
            int d = theta.Length;
            double s = 0.0;
            for (int i = 0; i < targets.Length; i++)
            {
                double r = -targets[i];
                for (int k = 0; k < d; k++)
                {
                    r += features[i * d + k] * theta[k];
                }

                s += w[i] * r * r;
            }

            return s;
        }

        /// <summary>The mean squared error of a polynomial (Horner over the coefficient array) fitted to points.</summary>
        [Differentiable(nameof(c), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double PolynomialFitLoss(double[] c, double[] xs, double[] ys)
        {
            double s = 0.0;
            for (int i = 0; i < xs.Length; i++)
            {
                double p = 0.0;
                for (int k = c.Length - 1; k >= 0; k--)
                {
                    p = p * xs[i] + c[k];
                }

                double r = p - ys[i];
                s += r * r;
            }

            return s / xs.Length;
        }
    }

    public static class ArrayModelCases
    {
        private static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));

        /// <summary>The textbook gradient: ∂J/∂θⱼ = (1/m)·Σ(a − y)·xⱼ + (λ/m)·θⱼ, ∂J/∂b = (1/m)·Σ(a − y).</summary>
        private static object[] LogisticGradient(double[] weights, double bias, double[] features, double[] labels, double lambda)
        {
            int n = weights.Length;
            int m = labels.Length;
            var dw = new double[n];
            double db = 0.0;
            for (int s = 0; s < m; s++)
            {
                double z = bias;
                for (int j = 0; j < n; j++)
                {
                    z += weights[j] * features[s * n + j];
                }

                double delta = Sigmoid(z) - labels[s];
                for (int j = 0; j < n; j++)
                {
                    dw[j] += delta * features[s * n + j];
                }

                db += delta;
            }

            return [dw.Select((g, j) => g / m + lambda / m * weights[j]).ToArray(), db / m];
        }

        private static object[] DrawLogistic(SplitMix64 rng)
        {
            int n = rng.Int(1, 6);
            int m = rng.Int(1, 20);
            return [rng.Vector(n, -1.5, 1.5), rng.Uniform(-1, 1), rng.Vector(m * n, -2, 2), rng.Labels(m), rng.Uniform(0, 2)];
        }

        private static object[] DrawNetwork(SplitMix64 rng)
        {
            int inputs = rng.Int(1, 4);
            int hidden = rng.Int(1, 5);
            int m = rng.Int(1, 12);
            return
            [
                rng.Vector(hidden * inputs, -1, 1),
                rng.Vector(hidden, -1, 1),
                rng.Vector(hidden, -1, 1),
                rng.Uniform(-1, 1),
                rng.Vector(m * inputs, -2, 2),
                rng.Labels(m),
            ];
        }

        /// <summary>Backpropagation by hand: forward pass storing the hidden activations, then δ's layer by layer.</summary>
        private static object[] NetworkBackprop(double[] w1, double[] b1, double[] w2, double b2, double[] features, double[] labels)
        {
            int hidden = b1.Length;
            int inputs = w1.Length / hidden;
            int m = labels.Length;
            var dw1 = new double[w1.Length];
            var db1 = new double[hidden];
            var dw2 = new double[hidden];
            double db2 = 0.0;
            var h = new double[hidden];
            for (int s = 0; s < m; s++)
            {
                double output = b2;
                for (int j = 0; j < hidden; j++)
                {
                    double z = b1[j];
                    for (int k = 0; k < inputs; k++)
                    {
                        z += w1[j * inputs + k] * features[s * inputs + k];
                    }

                    h[j] = Math.Tanh(z);
                    output += w2[j] * h[j];
                }

                // Cross-entropy after a sigmoid: ∂loss/∂output = a − y.
                double delta = (Sigmoid(output) - labels[s]) / m;
                db2 += delta;
                for (int j = 0; j < hidden; j++)
                {
                    dw2[j] += delta * h[j];
                    double deltaHidden = delta * w2[j] * (1 - h[j] * h[j]);
                    db1[j] += deltaHidden;
                    for (int k = 0; k < inputs; k++)
                    {
                        dw1[j * inputs + k] += deltaHidden * features[s * inputs + k];
                    }
                }
            }

            return [dw1, db1, dw2, db2];
        }

        private static object[] DrawSoftmaxRegression(SplitMix64 rng)
        {
            int classes = rng.Int(2, 5);
            int d = rng.Int(1, 4);
            int m = rng.Int(1, 10);
            return [rng.Vector(classes * d, -1, 1), rng.Vector(m * d, -2, 2), rng.Indices(m, classes), classes];
        }

        private static object[] SoftmaxRegressionGradient(double[] weights, double[] features, int[] labels, int classes)
        {
            int d = weights.Length / classes;
            int m = labels.Length;
            var dw = new double[weights.Length];
            var p = new double[classes];
            for (int s = 0; s < m; s++)
            {
                for (int c = 0; c < classes; c++)
                {
                    p[c] = Math.Exp(Enumerable.Range(0, d).Sum(k => weights[c * d + k] * features[s * d + k]));
                }

                double sum = p.Sum();
                for (int c = 0; c < classes; c++)
                {
                    double delta = (p[c] / sum - (c == labels[s] ? 1 : 0)) / m;
                    for (int k = 0; k < d; k++)
                    {
                        dw[c * d + k] += delta * features[s * d + k];
                    }
                }
            }

            return [dw];
        }

        private static object[] DrawLeastSquares(SplitMix64 rng)
        {
            int d = rng.Int(1, 5);
            int m = rng.Int(1, 12);
            return [rng.Vector(d, -2, 2), rng.Vector(m * d, -2, 2), rng.Vector(m, -3, 3), rng.Vector(m, 0.1, 2)];
        }

        private static object[] LeastSquaresGradient(double[] theta, double[] features, double[] targets, double[] w)
        {
            int d = theta.Length;
            var dtheta = new double[d];
            var dw = new double[w.Length];
            for (int i = 0; i < targets.Length; i++)
            {
                double r = Enumerable.Range(0, d).Sum(k => features[i * d + k] * theta[k]) - targets[i];
                dw[i] = r * r;
                for (int k = 0; k < d; k++)
                {
                    dtheta[k] += 2 * w[i] * r * features[i * d + k];
                }
            }

            return [dtheta, dw];
        }

        private static object[] PolynomialFitGradient(double[] c, double[] xs, double[] ys)
        {
            var dc = new double[c.Length];
            for (int i = 0; i < xs.Length; i++)
            {
                double r = c.Select((ck, k) => ck * Math.Pow(xs[i], k)).Sum() - ys[i];
                for (int k = 0; k < c.Length; k++)
                {
                    dc[k] += 2 * r * Math.Pow(xs[i], k) / xs.Length;
                }
            }

            return [dc];
        }

        public static IEnumerable<ArrayCase> All() => new ArrayCaseList(typeof(ArrayModels))
        {
            {
                nameof(ArrayModels.LogisticRegressionLoss),
                DrawLogistic,
                p => LogisticGradient(p.V(0), p.S(1), p.V(2), p.V(3), p.S(4))
            },
            {
                nameof(ArrayModels.NeuralNetworkLoss),
                DrawNetwork,
                p => NetworkBackprop(p.V(0), p.V(1), p.V(2), p.S(3), p.V(4), p.V(5))
            },
            {
                nameof(ArrayModels.SoftmaxRegressionLoss),
                DrawSoftmaxRegression,
                p => SoftmaxRegressionGradient(p.V(0), p.V(1), p.Indices(2), p.I(3))
            },
            {
                nameof(ArrayModels.WeightedLeastSquares),
                DrawLeastSquares,
                p => LeastSquaresGradient(p.V(0), p.V(1), p.V(2), p.V(3))
            },
            {
                nameof(ArrayModels.PolynomialFitLoss),
                rng =>
                {
                    int m = rng.Int(1, 12);
                    return [rng.Vector(rng.Int(1, 6), -2, 2), rng.Vector(m, -1.2, 1.2), rng.Vector(m, -2, 2)];
                },
                p => PolynomialFitGradient(p.V(0), p.V(1), p.V(2)),
                1e-11
            },
        };
    }
}
