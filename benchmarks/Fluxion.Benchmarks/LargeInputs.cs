using System;

namespace Fluxion.Benchmarks
{
    /// <summary>
    /// The inputs of the three larger benchmarks, generated from fixed seeds so every process
    /// (the startup check and each benchmark process) sees the same numbers.
    /// </summary>
    public static class LargeInputs
    {
        public const int LogisticFeatures = 50;
        public const int LogisticSamples = 2_000;
        public const double LogisticLambda = 1e-2;

        public const int NetworkSamples = 500;
        public const double NetworkLambda = 1e-2;

        public const int RosenbrockSize = 1_000;

        public const int GmmDimensions = 10;
        public const int GmmComponents = 25;
        public const int GmmPoints = 1_000;

        /// <summary>Weights w (50), bias b, data x (2,000×50, row by row), labels y (2,000, 0 or 1).</summary>
        public static (double[] W, double B, double[] X, double[] Y) Logistic()
        {
            var random = new Random(1);
            var w = new double[LogisticFeatures];
            for (int j = 0; j < w.Length; j++) w[j] = 0.2 * (random.NextDouble() - 0.5);
            var x = new double[LogisticSamples * LogisticFeatures];
            for (int i = 0; i < x.Length; i++) x[i] = 2.0 * random.NextDouble() - 1.0;
            var y = new double[LogisticSamples];
            for (int i = 0; i < y.Length; i++) y[i] = random.NextDouble() < 0.5 ? 0.0 : 1.0;
            return (w, 0.05, x, y);
        }

        /// <summary>Θ1 (32×9), Θ2 (1×33), inputs x (500×8), targets y (500, 0 or 1).</summary>
        public static (double[] Theta1, double[] Theta2, double[] X, double[] Y) Network()
        {
            var random = new Random(2);
            var theta1 = new double[Functions.Network8x32.Hidden * (Functions.Network8x32.Inputs + 1)];
            for (int i = 0; i < theta1.Length; i++) theta1[i] = 0.5 * (2.0 * random.NextDouble() - 1.0);
            var theta2 = new double[Functions.Network8x32.Hidden + 1];
            for (int i = 0; i < theta2.Length; i++) theta2[i] = 0.5 * (2.0 * random.NextDouble() - 1.0);
            var x = new double[NetworkSamples * Functions.Network8x32.Inputs];
            for (int i = 0; i < x.Length; i++) x[i] = 2.0 * random.NextDouble() - 1.0;
            var y = new double[NetworkSamples];
            for (int i = 0; i < y.Length; i++) y[i] = random.NextDouble() < 0.5 ? 0.0 : 1.0;
            return (theta1, theta2, x, y);
        }

        /// <summary>
        /// The GMM at d = 10, K = 25, n = 1,000 (ADBench's sizes): alphas (25) in [−1, 1], means (25×10) and points
        /// x (1,000×10) in [0, 1], icf (25×55): log-diagonal entries in [−0.5, 0.5], lower entries in [−0.1, 0.1], so that
        /// every component takes a share of every point.
        /// </summary>
        public static (double[] Alphas, double[] Means, double[] Icf, double[] X) Gmm() => Gmm(GmmDimensions, GmmComponents, GmmPoints, seed: 4);

        /// <summary>A GMM point of any size, drawn as <see cref="Gmm()"/> describes.</summary>
        public static (double[] Alphas, double[] Means, double[] Icf, double[] X) Gmm(int d, int k, int n, int seed)
        {
            var random = new Random(seed);
            int icfSize = d * (d + 1) / 2;
            var alphas = new double[k];
            for (int c = 0; c < k; c++) alphas[c] = 2.0 * random.NextDouble() - 1.0;
            var means = new double[k * d];
            for (int i = 0; i < means.Length; i++) means[i] = random.NextDouble();
            var icf = new double[k * icfSize];
            for (int i = 0; i < icf.Length; i++)
            {
                icf[i] = i % icfSize < d ? random.NextDouble() - 0.5 : 0.2 * (random.NextDouble() - 0.5);
            }
            var x = new double[n * d];
            for (int i = 0; i < x.Length; i++) x[i] = random.NextDouble();
            return (alphas, means, icf, x);
        }

        /// <summary>x (1,000) around the classical start −1.2, 1, −1.2, 1, …, perturbed.</summary>
        public static double[] RosenbrockPoint()
        {
            var random = new Random(3);
            var x = new double[RosenbrockSize];
            for (int i = 0; i < x.Length; i++) x[i] = (i % 2 == 0 ? -1.2 : 1.0) + 0.1 * (random.NextDouble() - 0.5);
            return x;
        }
    }
}
