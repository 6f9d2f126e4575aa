using BenchmarkDotNet.Attributes;
using Fluxion.Benchmarks.Functions;

namespace Fluxion.Benchmarks
{
    // Each class measures one function four ways: the primal alone (the baseline of the Ratio
    // column), Fluxion's generated _Grad, the hand-written gradient and central finite
    // differences. Where the expert's hand-written gradient uses a different Math call than the
    // source (SinCos, CopySign), HandWrittenSameCalls is the same derivative code with the
    // source's calls. Inputs are fields set in [GlobalSetup], so nothing folds to a constant, and
    // every benchmark returns the sum of what it computed, so nothing is dropped as dead code.

    /// <summary>F(x, y) = x·sin(y)/(1 + x²): 2 inputs.</summary>
    [MemoryDiagnoser]
    public class SineRatioBenchmarks
    {
        private double x, y;

        [GlobalSetup]
        public void Setup() => (x, y) = Inputs.SineRatio;

        [Benchmark(Baseline = true)]
        public double Primal() => SineRatio.F(x, y);

        [Benchmark]
        public double Generated() => SineRatio.F_Grad(x, y, out double dx, out double dy) + dx + dy;

        [Benchmark]
        public double HandWritten() => SineRatio.HandGradient(x, y, out double dx, out double dy) + dx + dy;

        [Benchmark]
        public double HandWrittenSameCalls() => SineRatio.HandGradientSameCalls(x, y, out double dx, out double dy) + dx + dy;

        [Benchmark]
        public double FiniteDifference()
        {
            SineRatio.FiniteDifference(x, y, out double dx, out double dy);
            return dx + dy;
        }
    }

    /// <summary>Logistic-regression cross-entropy, one sample, 8 features: 9 differentiated inputs.</summary>
    [MemoryDiagnoser]
    public class LogisticRegressionBenchmarks
    {
        private double w0, w1, w2, w3, w4, w5, w6, w7, b;
        private double x0, x1, x2, x3, x4, x5, x6, x7, y;

        [GlobalSetup]
        public void Setup()
        {
            double[] w = Inputs.LogisticWeights, x = Inputs.LogisticFeatures;
            (w0, w1, w2, w3, w4, w5, w6, w7, b) = (w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8]);
            (x0, x1, x2, x3, x4, x5, x6, x7) = (x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]);
            y = Inputs.LogisticLabel;
        }

        [Benchmark(Baseline = true)]
        public double Primal() => LogisticRegression.Loss(w0, w1, w2, w3, w4, w5, w6, w7, b, x0, x1, x2, x3, x4, x5, x6, x7, y);

        [Benchmark]
        public double Generated() => LogisticRegression.Loss_Grad(
            w0, w1, w2, w3, w4, w5, w6, w7, b, x0, x1, x2, x3, x4, x5, x6, x7, y,
            out double d0, out double d1, out double d2, out double d3, out double d4, out double d5, out double d6, out double d7, out double db)
            + d0 + d1 + d2 + d3 + d4 + d5 + d6 + d7 + db;

        [Benchmark]
        public double HandWritten() => LogisticRegression.HandGradient(
            w0, w1, w2, w3, w4, w5, w6, w7, b, x0, x1, x2, x3, x4, x5, x6, x7, y,
            out double d0, out double d1, out double d2, out double d3, out double d4, out double d5, out double d6, out double d7, out double db)
            + d0 + d1 + d2 + d3 + d4 + d5 + d6 + d7 + db;

        [Benchmark]
        public double FiniteDifference()
        {
            LogisticRegression.FiniteDifference(
                w0, w1, w2, w3, w4, w5, w6, w7, b, x0, x1, x2, x3, x4, x5, x6, x7, y,
                out double d0, out double d1, out double d2, out double d3, out double d4, out double d5, out double d6, out double d7, out double db);
            return d0 + d1 + d2 + d3 + d4 + d5 + d6 + d7 + db;
        }
    }

    /// <summary>The XOR network's cost over the four samples: 9 weights.</summary>
    [MemoryDiagnoser]
    public class XorNetworkBenchmarks
    {
        private double t0, t1, t2, t3, t4, t5, t6, t7, t8, lambda;

        [GlobalSetup]
        public void Setup()
        {
            double[] w = Inputs.XorWeights;
            (t0, t1, t2, t3, t4, t5, t6, t7, t8) = (w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8]);
            lambda = Inputs.XorLambda;
        }

        [Benchmark(Baseline = true)]
        public double Primal() => XorNetwork.Cost(t0, t1, t2, t3, t4, t5, t6, t7, t8, lambda);

        [Benchmark]
        public double Generated() => XorNetwork.Cost_Grad(
            t0, t1, t2, t3, t4, t5, t6, t7, t8, lambda,
            out double d0, out double d1, out double d2, out double d3, out double d4, out double d5, out double d6, out double d7, out double d8)
            + d0 + d1 + d2 + d3 + d4 + d5 + d6 + d7 + d8;

        [Benchmark]
        public double HandWritten() => XorNetwork.HandGradient(
            t0, t1, t2, t3, t4, t5, t6, t7, t8, lambda,
            out double d0, out double d1, out double d2, out double d3, out double d4, out double d5, out double d6, out double d7, out double d8)
            + d0 + d1 + d2 + d3 + d4 + d5 + d6 + d7 + d8;

        [Benchmark]
        public double FiniteDifference()
        {
            XorNetwork.FiniteDifference(
                t0, t1, t2, t3, t4, t5, t6, t7, t8, lambda,
                out double d0, out double d1, out double d2, out double d3, out double d4, out double d5, out double d6, out double d7, out double d8);
            return d0 + d1 + d2 + d3 + d4 + d5 + d6 + d7 + d8;
        }
    }

    /// <summary>Black–Scholes call price: 5 inputs.</summary>
    [MemoryDiagnoser]
    public class BlackScholesBenchmarks
    {
        private double spot, strike, rate, vol, time;

        [GlobalSetup]
        public void Setup() => (spot, strike, rate, vol, time) = Inputs.BlackScholes;

        [Benchmark(Baseline = true)]
        public double Primal() => BlackScholes.CallPrice(spot, strike, rate, vol, time);

        [Benchmark]
        public double Generated() => BlackScholes.CallPrice_Grad(
            spot, strike, rate, vol, time, out double ds, out double dk, out double dr, out double dv, out double dt)
            + ds + dk + dr + dv + dt;

        [Benchmark]
        public double HandWritten() => BlackScholes.HandGradient(
            spot, strike, rate, vol, time, out double ds, out double dk, out double dr, out double dv, out double dt)
            + ds + dk + dr + dv + dt;

        [Benchmark]
        public double HandWrittenSameCalls() => BlackScholes.HandGradientSameCalls(
            spot, strike, rate, vol, time, out double ds, out double dk, out double dr, out double dv, out double dt)
            + ds + dk + dr + dv + dt;

        [Benchmark]
        public double FiniteDifference()
        {
            BlackScholes.FiniteDifference(
                spot, strike, rate, vol, time, out double ds, out double dk, out double dr, out double dv, out double dt);
            return ds + dk + dr + dv + dt;
        }
    }
}
