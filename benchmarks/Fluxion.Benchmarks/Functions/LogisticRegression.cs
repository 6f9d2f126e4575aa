using System;

namespace Fluxion.Benchmarks.Functions
{
    /// <summary>
    /// Cross-entropy of logistic regression for one sample with 8 features:
    /// z = b + Σ wᵢ·xᵢ, p = 1 / (1 + e^(−z)), J = −[y·log(p) + (1 − y)·log(1 − p)].
    /// The weights w0..w7 and the bias b are differentiated; the features x0..x7 and the
    /// label y are data.
    /// </summary>
    public static partial class LogisticRegression
    {
        /// <summary>The primal; Fluxion generates <c>Loss_Grad</c> with the 9 outputs dw0..dw7, db.</summary>
        [Differentiable(
            nameof(w0), nameof(w1), nameof(w2), nameof(w3),
            nameof(w4), nameof(w5), nameof(w6), nameof(w7), nameof(b))]
        public static double Loss(
            double w0, double w1, double w2, double w3,
            double w4, double w5, double w6, double w7, double b,
            double x0, double x1, double x2, double x3,
            double x4, double x5, double x6, double x7, double y)
        {
            double z = b + w0 * x0 + w1 * x1 + w2 * x2 + w3 * x3 + w4 * x4 + w5 * x5 + w6 * x6 + w7 * x7;
            double p = 1.0 / (1.0 + Math.Exp(-z));
            return -(y * Math.Log(p) + (1.0 - y) * Math.Log(1.0 - p));
        }

        /// <summary>
        /// Hand-written gradient: the forward computation of <see cref="Loss"/> (same operations,
        /// so the same value), then the textbook simplification ∂J/∂z = p − y, so
        /// ∂J/∂wᵢ = (p − y)·xᵢ and ∂J/∂b = p − y.
        /// </summary>
        public static double HandGradient(
            double w0, double w1, double w2, double w3,
            double w4, double w5, double w6, double w7, double b,
            double x0, double x1, double x2, double x3,
            double x4, double x5, double x6, double x7, double y,
            out double dw0, out double dw1, out double dw2, out double dw3,
            out double dw4, out double dw5, out double dw6, out double dw7, out double db)
        {
            double z = b + w0 * x0 + w1 * x1 + w2 * x2 + w3 * x3 + w4 * x4 + w5 * x5 + w6 * x6 + w7 * x7;
            double p = 1.0 / (1.0 + Math.Exp(-z));
            double loss = -(y * Math.Log(p) + (1.0 - y) * Math.Log(1.0 - p));

            double g = p - y;
            dw0 = g * x0; dw1 = g * x1; dw2 = g * x2; dw3 = g * x3;
            dw4 = g * x4; dw5 = g * x5; dw6 = g * x6; dw7 = g * x7;
            db = g;
            return loss;
        }

        /// <summary>Central finite differences over the 9 parameters: 18 calls of <see cref="Loss"/>.</summary>
        public static void FiniteDifference(
            double w0, double w1, double w2, double w3,
            double w4, double w5, double w6, double w7, double b,
            double x0, double x1, double x2, double x3,
            double x4, double x5, double x6, double x7, double y,
            out double dw0, out double dw1, out double dw2, out double dw3,
            out double dw4, out double dw5, out double dw6, out double dw7, out double db)
        {
            double h;
            h = Step.For(w0); dw0 = (Loss(w0 + h, w1, w2, w3, w4, w5, w6, w7, b, x0, x1, x2, x3, x4, x5, x6, x7, y) - Loss(w0 - h, w1, w2, w3, w4, w5, w6, w7, b, x0, x1, x2, x3, x4, x5, x6, x7, y)) / (2.0 * h);
            h = Step.For(w1); dw1 = (Loss(w0, w1 + h, w2, w3, w4, w5, w6, w7, b, x0, x1, x2, x3, x4, x5, x6, x7, y) - Loss(w0, w1 - h, w2, w3, w4, w5, w6, w7, b, x0, x1, x2, x3, x4, x5, x6, x7, y)) / (2.0 * h);
            h = Step.For(w2); dw2 = (Loss(w0, w1, w2 + h, w3, w4, w5, w6, w7, b, x0, x1, x2, x3, x4, x5, x6, x7, y) - Loss(w0, w1, w2 - h, w3, w4, w5, w6, w7, b, x0, x1, x2, x3, x4, x5, x6, x7, y)) / (2.0 * h);
            h = Step.For(w3); dw3 = (Loss(w0, w1, w2, w3 + h, w4, w5, w6, w7, b, x0, x1, x2, x3, x4, x5, x6, x7, y) - Loss(w0, w1, w2, w3 - h, w4, w5, w6, w7, b, x0, x1, x2, x3, x4, x5, x6, x7, y)) / (2.0 * h);
            h = Step.For(w4); dw4 = (Loss(w0, w1, w2, w3, w4 + h, w5, w6, w7, b, x0, x1, x2, x3, x4, x5, x6, x7, y) - Loss(w0, w1, w2, w3, w4 - h, w5, w6, w7, b, x0, x1, x2, x3, x4, x5, x6, x7, y)) / (2.0 * h);
            h = Step.For(w5); dw5 = (Loss(w0, w1, w2, w3, w4, w5 + h, w6, w7, b, x0, x1, x2, x3, x4, x5, x6, x7, y) - Loss(w0, w1, w2, w3, w4, w5 - h, w6, w7, b, x0, x1, x2, x3, x4, x5, x6, x7, y)) / (2.0 * h);
            h = Step.For(w6); dw6 = (Loss(w0, w1, w2, w3, w4, w5, w6 + h, w7, b, x0, x1, x2, x3, x4, x5, x6, x7, y) - Loss(w0, w1, w2, w3, w4, w5, w6 - h, w7, b, x0, x1, x2, x3, x4, x5, x6, x7, y)) / (2.0 * h);
            h = Step.For(w7); dw7 = (Loss(w0, w1, w2, w3, w4, w5, w6, w7 + h, b, x0, x1, x2, x3, x4, x5, x6, x7, y) - Loss(w0, w1, w2, w3, w4, w5, w6, w7 - h, b, x0, x1, x2, x3, x4, x5, x6, x7, y)) / (2.0 * h);
            h = Step.For(b); db = (Loss(w0, w1, w2, w3, w4, w5, w6, w7, b + h, x0, x1, x2, x3, x4, x5, x6, x7, y) - Loss(w0, w1, w2, w3, w4, w5, w6, w7, b - h, x0, x1, x2, x3, x4, x5, x6, x7, y)) / (2.0 * h);
        }
    }
}
