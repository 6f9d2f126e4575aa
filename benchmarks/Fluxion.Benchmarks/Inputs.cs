namespace Fluxion.Benchmarks
{
    /// <summary>The fixed inputs of the benchmarks and of the startup check.</summary>
    public static class Inputs
    {
        /// <summary>(x, y) for F(x, y) = x·sin(y)/(1 + x²).</summary>
        public static readonly (double X, double Y) SineRatio = (0.5, 2.0);

        /// <summary>w0..w7, then b.</summary>
        public static readonly double[] LogisticWeights = { 0.12, -0.31, 0.27, 0.05, -0.18, 0.44, -0.09, 0.21, 0.1 };

        /// <summary>x0..x7.</summary>
        public static readonly double[] LogisticFeatures = { 1.5, -0.7, 2.1, 0.3, -1.2, 0.8, 0.05, -2.4 };

        /// <summary>The label y.</summary>
        public static readonly double LogisticLabel = 1.0;

        /// <summary>
        /// The nine XOR weights in Cost's parameter order (Θ1 row by row, then Θ2): the kind of
        /// values the sample starts training from.
        /// </summary>
        public static readonly double[] XorWeights = { 0.25, -0.73, 0.61, -0.42, 0.88, -0.57, 0.13, 0.94, -0.66 };

        /// <summary>The L2 strength λ of the XOR cost.</summary>
        public static readonly double XorLambda = 1e-3;

        /// <summary>Spot, strike, rate, volatility, time to expiry (years).</summary>
        public static readonly (double Spot, double Strike, double Rate, double Vol, double Time) BlackScholes = (100.0, 95.0, 0.03, 0.25, 0.75);
    }
}
