using System;
using System.Collections.Generic;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>
    /// The founding lesson's example: the sigmoid, the cross-entropy loss, and the three-layer network
    /// (inputs x1, x2 and a bias unit; two sigmoid hidden units and a bias unit; one sigmoid output).
    /// The weights are scalars: Θ1 (2×3) is w10 w11 w12 / w20 w21 w22 (column 0 multiplies the bias),
    /// Θ2 (1×3) is v0 v1 v2 (v0 multiplies the hidden bias). Inputs and labels are parameters too, but
    /// only the nine weights are differentiated. The L2 term (λ/2m)·Σθ² leaves the bias weights
    /// w10, w20 and v0 out.
    /// </summary>
    public static partial class LogisticNetwork
    {
        /// <summary>s(z) = 1/(1 + e^(−z)); s'(z) = s(z)·(1 − s(z)).</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

        /// <summary>J = −[y·log a + (1 − y)·log(1 − a)], a = s(z); dJ/dz = a − y. The label y is not differentiated.</summary>
        [Differentiable(nameof(z), Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double CrossEntropy(double z, double y)
        {
            double a = Sigmoid(z);
            return -(y * Math.Log(a) + (1 - y) * Math.Log(1 - a));
        }

        /// <summary>The same loss differentiated in y as well: dJ/dy = log(1 − a) − log a = −z.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double CrossEntropyBoth(double z, double y)
        {
            double a = Sigmoid(z);
            return -(y * Math.Log(a) + (1 - y) * Math.Log(1 - a));
        }

        /// <summary>Logistic regression on one sample: the network without a hidden layer.</summary>
        [Differentiable(nameof(w0), nameof(w1), nameof(w2), Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double LogisticRegression(double w0, double w1, double w2, double x1, double x2, double y) =>
            CrossEntropy(w0 + w1 * x1 + w2 * x2, y);

        /// <summary>The cross-entropy of one sample through the network, without regularisation.</summary>
        [Differentiable(nameof(w10), nameof(w11), nameof(w12), nameof(w20), nameof(w21), nameof(w22), nameof(v0), nameof(v1), nameof(v2), Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double SampleLoss(
            double w10, double w11, double w12, double w20, double w21, double w22, double v0, double v1, double v2,
            double x1, double x2, double y)
        {
            double a21 = Sigmoid(w10 + w11 * x1 + w12 * x2);
            double a22 = Sigmoid(w20 + w21 * x1 + w22 * x2);
            double a3 = Sigmoid(v0 + v1 * a21 + v2 * a22);
            return -(y * Math.Log(a3) + (1 - y) * Math.Log(1 - a3));
        }

        /// <summary>One sample, m = 1, everything written out: no calls, the sigmoid inlined.</summary>
        [Differentiable(nameof(w10), nameof(w11), nameof(w12), nameof(w20), nameof(w21), nameof(w22), nameof(v0), nameof(v1), nameof(v2), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Loss1(
            double w10, double w11, double w12, double w20, double w21, double w22, double v0, double v1, double v2,
            double x1, double x2, double y, double lambda)
        {
            double z21 = w10 + w11 * x1 + w12 * x2;
            double z22 = w20 + w21 * x1 + w22 * x2;
            double a21 = 1 / (1 + Math.Exp(-z21));
            double a22 = 1 / (1 + Math.Exp(-z22));
            double z3 = v0 + v1 * a21 + v2 * a22;
            double a3 = 1 / (1 + Math.Exp(-z3));
            double j = -(y * Math.Log(a3) + (1 - y) * Math.Log(1 - a3));
            double reg = w11 * w11 + w12 * w12 + w21 * w21 + w22 * w22 + v1 * v1 + v2 * v2;
            return j + lambda / 2 * reg;
        }

        /// <summary>Three samples, m = 3: the mean of SampleLoss plus the L2 term.</summary>
        [Differentiable(nameof(w10), nameof(w11), nameof(w12), nameof(w20), nameof(w21), nameof(w22), nameof(v0), nameof(v1), nameof(v2), Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double Loss3(
            double w10, double w11, double w12, double w20, double w21, double w22, double v0, double v1, double v2,
            double x11, double x12, double y1, double x21, double x22, double y2, double x31, double x32, double y3,
            double lambda)
        {
            int m = 3;
            double j = SampleLoss(w10, w11, w12, w20, w21, w22, v0, v1, v2, x11, x12, y1)
                + SampleLoss(w10, w11, w12, w20, w21, w22, v0, v1, v2, x21, x22, y2)
                + SampleLoss(w10, w11, w12, w20, w21, w22, v0, v1, v2, x31, x32, y3);
            double reg = w11 * w11 + w12 * w12 + w21 * w21 + w22 * w22 + v1 * v1 + v2 * v2;
            return j / m + lambda / (2 * m) * reg;
        }

        /// <summary>Four samples, m = 4, inline: the same locals reassigned for every sample, the loss summed with +=.</summary>
        [Differentiable(nameof(w10), nameof(w11), nameof(w12), nameof(w20), nameof(w21), nameof(w22), nameof(v0), nameof(v1), nameof(v2), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Loss4(
            double w10, double w11, double w12, double w20, double w21, double w22, double v0, double v1, double v2,
            double x11, double x12, double y1, double x21, double x22, double y2,
            double x31, double x32, double y3, double x41, double x42, double y4,
            double lambda)
        {
            double j = 0;

            double h1 = 1 / (1 + Math.Exp(-(w10 + w11 * x11 + w12 * x12)));
            double h2 = 1 / (1 + Math.Exp(-(w20 + w21 * x11 + w22 * x12)));
            double a3 = 1 / (1 + Math.Exp(-(v0 + v1 * h1 + v2 * h2)));
            j -= y1 * Math.Log(a3) + (1 - y1) * Math.Log(1 - a3);

            h1 = 1 / (1 + Math.Exp(-(w10 + w11 * x21 + w12 * x22)));
            h2 = 1 / (1 + Math.Exp(-(w20 + w21 * x21 + w22 * x22)));
            a3 = 1 / (1 + Math.Exp(-(v0 + v1 * h1 + v2 * h2)));
            j -= y2 * Math.Log(a3) + (1 - y2) * Math.Log(1 - a3);

            h1 = 1 / (1 + Math.Exp(-(w10 + w11 * x31 + w12 * x32)));
            h2 = 1 / (1 + Math.Exp(-(w20 + w21 * x31 + w22 * x32)));
            a3 = 1 / (1 + Math.Exp(-(v0 + v1 * h1 + v2 * h2)));
            j -= y3 * Math.Log(a3) + (1 - y3) * Math.Log(1 - a3);

            h1 = 1 / (1 + Math.Exp(-(w10 + w11 * x41 + w12 * x42)));
            h2 = 1 / (1 + Math.Exp(-(w20 + w21 * x41 + w22 * x42)));
            a3 = 1 / (1 + Math.Exp(-(v0 + v1 * h1 + v2 * h2)));
            j -= y4 * Math.Log(a3) + (1 - y4) * Math.Log(1 - a3);

            double m = 4;
            j /= m;
            j += lambda / (2 * m) * (w11 * w11 + w12 * w12 + w21 * w21 + w22 * w22 + v1 * v1 + v2 * v2);
            return j;
        }
    }

    public static class LogisticNetworkCases
    {
        /// <summary>Nine weights, then (x1, x2, y) per sample, then λ when the method takes one.</summary>
        public static Domain NetworkDomain(int samples, bool withLambda)
        {
            var coords = new List<Coord>();
            for (int i = 0; i < 9; i++)
            {
                coords.Add(U(-2, 2));
            }

            for (int s = 0; s < samples; s++)
            {
                coords.Add(U(-3, 3));
                coords.Add(U(-3, 3));
                coords.Add(Flag);
            }

            if (withLambda)
            {
                coords.Add(U(0, 2));
            }

            return D(coords.ToArray());
        }

        /// <summary>The hand-derived backpropagation gradient for a point of <see cref="NetworkDomain"/>.</summary>
        public static double[] BackpropAt(double[] p, int samples, bool withLambda)
        {
            var theta1 = new double[2, 3] { { p[0], p[1], p[2] }, { p[3], p[4], p[5] } };
            var theta2 = new double[3] { p[6], p[7], p[8] };
            var x = new double[samples][];
            for (int s = 0; s < samples; s++)
            {
                x[s] = [p[9 + 3 * s], p[10 + 3 * s], p[11 + 3 * s]];
            }

            double lambda = withLambda ? p[9 + 3 * samples] : 0;
            return Backprop.Gradient(theta1, theta2, x, lambda);
        }

        public static IEnumerable<GradientCase> All() => new CaseList(typeof(LogisticNetwork))
        {
            { nameof(LogisticNetwork.Sigmoid), D(U(-30, 30)), p => [Backprop.Sigmoid(p[0]) * (1 - Backprop.Sigmoid(p[0]))] },
            // The loss as written computes 1 − a, whose relative rounding error ε/(1 − a) reaches the
            // derivative through (1 − y)/(1 − a): for |z| ≤ 8 that stays below 1e-12 (beyond, see
            // SigmoidAndCrossEntropyTests, which allows for it).
            { nameof(LogisticNetwork.CrossEntropy), D(U(-8, 8), U(0, 1)), p => [Backprop.Sigmoid(p[0]) - p[1]] },
            { nameof(LogisticNetwork.CrossEntropyBoth), D(U(-8, 8), U(0, 1)), p => [Backprop.Sigmoid(p[0]) - p[1], -p[0]] },
            {
                nameof(LogisticNetwork.LogisticRegression),
                D(U(-2, 2), U(-2, 2), U(-2, 2), U(-3, 3), U(-3, 3), Flag),
                p =>
                {
                    double delta = Backprop.Sigmoid(p[0] + p[1] * p[3] + p[2] * p[4]) - p[5];
                    return [delta, delta * p[3], delta * p[4]];
                }
            },
            { nameof(LogisticNetwork.SampleLoss), NetworkDomain(1, false), p => BackpropAt(p, 1, false) },
            { nameof(LogisticNetwork.Loss1), NetworkDomain(1, true), p => BackpropAt(p, 1, true) },
            { nameof(LogisticNetwork.Loss3), NetworkDomain(3, true), p => BackpropAt(p, 3, true) },
            { nameof(LogisticNetwork.Loss4), NetworkDomain(4, true), p => BackpropAt(p, 4, true) },
        };
    }

    /// <summary>
    /// Backpropagation written out by hand from the lesson's formulas, for the 2-2-1 network:
    /// a1 = (1, x1, x2), z2 = Θ1·a1, a2 = (1, s(z2)), z3 = Θ2·a2, a3 = s(z3);
    /// δ3 = a3 − y; ∂J/∂Θ2 = Σ δ3·a2ᵀ / m;
    /// δ2 = (Θ2ᵀ·δ3) ⊙ a2 ⊙ (1 − a2) with the bias row dropped; ∂J/∂Θ1 = Σ δ2·a1ᵀ / m;
    /// plus (λ/m)·θ on every weight but the bias column.
    /// </summary>
    public static class Backprop
    {
        public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

        /// <param name="theta1">Θ1, 2×3, column 0 for the bias.</param>
        /// <param name="theta2">Θ2, 1×3, entry 0 for the bias.</param>
        /// <param name="samples">(x1, x2, y) per sample.</param>
        /// <param name="lambda">The regularisation strength λ.</param>
        /// <returns>∂J/∂(Θ1 row by row, then Θ2): nine entries in the methods' parameter order.</returns>
        public static double[] Gradient(double[,] theta1, double[] theta2, double[][] samples, double lambda)
        {
            int m = samples.Length;
            var grad1 = new double[2, 3];
            var grad2 = new double[3];
            foreach (double[] sample in samples)
            {
                // Forward pass, storing every activation.
                double[] a1 = [1, sample[0], sample[1]];
                double y = sample[2];
                var a2 = new double[3];
                a2[0] = 1;
                for (int j = 0; j < 2; j++)
                {
                    double z2 = 0;
                    for (int k = 0; k < 3; k++)
                    {
                        z2 += theta1[j, k] * a1[k];
                    }

                    a2[j + 1] = Sigmoid(z2);
                }

                double z3 = 0;
                for (int j = 0; j < 3; j++)
                {
                    z3 += theta2[j] * a2[j];
                }

                double a3 = Sigmoid(z3);

                // Backward pass.
                double delta3 = a3 - y;
                for (int j = 0; j < 3; j++)
                {
                    grad2[j] += delta3 * a2[j];
                }

                for (int j = 0; j < 2; j++)
                {
                    // Row j + 1 of Θ2ᵀ·δ3 ⊙ a2 ⊙ (1 − a2); row 0 (the bias) is dropped.
                    double delta2 = theta2[j + 1] * delta3 * a2[j + 1] * (1 - a2[j + 1]);
                    for (int k = 0; k < 3; k++)
                    {
                        grad1[j, k] += delta2 * a1[k];
                    }
                }
            }

            var result = new double[9];
            for (int j = 0; j < 2; j++)
            {
                for (int k = 0; k < 3; k++)
                {
                    result[3 * j + k] = grad1[j, k] / m + (k == 0 ? 0 : lambda / m * theta1[j, k]);
                }
            }

            for (int j = 0; j < 3; j++)
            {
                result[6 + j] = grad2[j] / m + (j == 0 ? 0 : lambda / m * theta2[j]);
            }

            return result;
        }
    }
}
