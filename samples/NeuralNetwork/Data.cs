using System;

namespace Fluxion.Samples.NeuralNetwork
{
    /// <summary>Layer sizes of a network: inputs, hidden sigmoid units and sigmoid outputs (bias units not counted).</summary>
    public readonly record struct Architecture(int Inputs, int Hidden, int Outputs)
    {
        /// <summary>Number of weights in Θ1, hidden × (inputs + 1).</summary>
        public int Theta1Length => Hidden * (Inputs + 1);

        /// <summary>Number of weights in Θ2, outputs × (hidden + 1).</summary>
        public int Theta2Length => Outputs * (Hidden + 1);

        /// <summary>Weights drawn uniformly from [−range, range], Θ1 row by row, then Θ2.</summary>
        public (double[] Theta1, double[] Theta2) RandomWeights(Random random, double range)
        {
            double[] theta1 = new double[Theta1Length];
            double[] theta2 = new double[Theta2Length];
            for (int i = 0; i < theta1.Length; i++) theta1[i] = (2.0 * random.NextDouble() - 1.0) * range;
            for (int i = 0; i < theta2.Length; i++) theta2[i] = (2.0 * random.NextDouble() - 1.0) * range;
            return (theta1, theta2);
        }

        /// <summary>The sizes as the lesson writes them, e.g. 2-2-1.</summary>
        public override string ToString() => $"{Inputs}-{Hidden}-{Outputs}";
    }

    /// <summary>Samples as flat rows: input k of sample i is <c>X[i * Inputs + k]</c>, target j is <c>Y[i * Outputs + j]</c>.</summary>
    public sealed record Dataset(double[] X, double[] Y, int Inputs, int Outputs)
    {
        /// <summary>Number of samples m.</summary>
        public int Count => Y.Length / Outputs;

        /// <summary>The inputs of sample <paramref name="i"/>.</summary>
        public ReadOnlySpan<double> Input(int i) => X.AsSpan(i * Inputs, Inputs);

        /// <summary>The XOR truth table: (0,0)→0, (0,1)→1, (1,0)→1, (1,1)→0.</summary>
        public static Dataset Xor() => new(
            new double[] { 0, 0, 0, 1, 1, 0, 1, 1 },
            new double[] { 0, 1, 1, 0 },
            Inputs: 2, Outputs: 1);

        /// <summary>
        /// Two interleaved half circles ("moons") in the plane with Gaussian noise, labelled 0
        /// (the upper moon, centred on (0, 0)) and 1 (the lower one, centred on (1, 0.5)),
        /// alternating so that every prefix is balanced.
        /// </summary>
        public static Dataset Moons(int count, double noise, int seed)
        {
            var random = new System.Random(seed);
            double[] x = new double[2 * count];
            double[] y = new double[count];
            for (int i = 0; i < count; i++)
            {
                int label = i % 2;
                double angle = Math.PI * random.NextDouble();
                double px = label == 0 ? Math.Cos(angle) : 1.0 - Math.Cos(angle);
                double py = label == 0 ? Math.Sin(angle) : 0.5 - Math.Sin(angle);
                x[2 * i] = px + noise * Gaussian(random);
                x[2 * i + 1] = py + noise * Gaussian(random);
                y[i] = label;
            }
            return new Dataset(x, y, Inputs: 2, Outputs: 1);
        }

        /// <summary>Inputs uniform in [−1, 1] and targets 0 or 1 at random: data for checking gradients.</summary>
        public static Dataset Random(int count, int inputs, int outputs, System.Random random)
        {
            double[] x = new double[count * inputs];
            double[] y = new double[count * outputs];
            for (int i = 0; i < x.Length; i++) x[i] = 2.0 * random.NextDouble() - 1.0;
            for (int i = 0; i < y.Length; i++) y[i] = random.Next(2);
            return new Dataset(x, y, inputs, outputs);
        }

        // A standard normal draw (Box–Muller).
        private static double Gaussian(System.Random random)
        {
            double u = 1.0 - random.NextDouble(); // (0, 1], so the logarithm is finite
            double v = random.NextDouble();
            return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
        }
    }
}
