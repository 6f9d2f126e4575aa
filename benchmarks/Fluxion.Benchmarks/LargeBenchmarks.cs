using System;
using BenchmarkDotNet.Attributes;
using Fluxion.Benchmarks.Functions;

namespace Fluxion.Benchmarks
{
    // The three larger functions, with array parameters and loops. Every array (inputs, gradient
    // outputs, the hand-written network's scratch activations, TorchSharp's leaf and data tensors)
    // is created once in [GlobalSetup]; each benchmark returns the value plus the first and last
    // partial, so nothing is dropped as dead code. TorchSharp runs on one thread
    // (torch.set_num_threads(1)), like every other row.

    /// <summary>Logistic regression with L2, 50 features, 2,000 samples: 51 partials.</summary>
    [MemoryDiagnoser]
    public class LogisticL2Benchmarks
    {
        private double[] w = Array.Empty<double>(), x = Array.Empty<double>(), y = Array.Empty<double>(), dw = Array.Empty<double>();
        private double b;
#if WITH_TORCH
        private LargeFunctions.TorchLogistic torch = null!;
#endif

        [GlobalSetup]
        public void Setup()
        {
            (w, b, x, y) = LargeInputs.Logistic();
            dw = new double[w.Length];
#if WITH_TORCH
            global::TorchSharp.torch.set_num_threads(1);
            torch = new LargeFunctions.TorchLogistic(w, b, x, y, LargeInputs.LogisticLambda);
#endif
        }

        [Benchmark(Baseline = true)]
        public double Primal() => LogisticRegressionL2.Loss(w, b, x, y, LargeInputs.LogisticLambda);

        [Benchmark]
        public double Generated() => LogisticRegressionL2.Loss_Grad(w, b, x, y, LargeInputs.LogisticLambda, dw, out double db) + db + dw[0] + dw[^1];

        [Benchmark]
        public double HandWritten() => LogisticRegressionL2.HandGradient(w, b, x, y, LargeInputs.LogisticLambda, dw, out double db) + db + dw[0] + dw[^1];

        [Benchmark]
        public double FiniteDifference()
        {
            LargeFunctions.LogisticFiniteDifference(w, b, x, y, LargeInputs.LogisticLambda, dw, out double db);
            return db + dw[0] + dw[^1];
        }

#if WITH_TORCH
        [Benchmark]
        public double TorchSharp() => torch.Gradient(dw, out double db) + db + dw[0] + dw[^1];
#endif
    }

    /// <summary>The 8-32-1 sigmoid network, 500 samples, cross-entropy + L2: 321 partials.</summary>
    [MemoryDiagnoser]
    public class Network8x32Benchmarks
    {
        private double[] theta1 = Array.Empty<double>(), theta2 = Array.Empty<double>(), x = Array.Empty<double>(), y = Array.Empty<double>();
        private double[] d1 = Array.Empty<double>(), d2 = Array.Empty<double>(), a2 = Array.Empty<double>();
#if WITH_TORCH
        private LargeFunctions.TorchNetwork torch = null!;
#endif

        [GlobalSetup]
        public void Setup()
        {
            (theta1, theta2, x, y) = LargeInputs.Network();
            d1 = new double[theta1.Length];
            d2 = new double[theta2.Length];
            a2 = new double[Network8x32.Hidden];
#if WITH_TORCH
            global::TorchSharp.torch.set_num_threads(1);
            torch = new LargeFunctions.TorchNetwork(theta1, theta2, x, y, LargeInputs.NetworkLambda);
#endif
        }

        [Benchmark(Baseline = true)]
        public double Primal() => Network8x32.Cost(theta1, theta2, x, y, LargeInputs.NetworkLambda);

        [Benchmark]
        public double Generated() => Network8x32.Cost_Grad(theta1, theta2, x, y, LargeInputs.NetworkLambda, d1, d2) + d1[0] + d2[^1];

        [Benchmark]
        public double HandWritten() => Network8x32.HandGradient(theta1, theta2, x, y, LargeInputs.NetworkLambda, d1, d2, a2) + d1[0] + d2[^1];

        [Benchmark]
        public double FiniteDifference()
        {
            LargeFunctions.NetworkFiniteDifference(theta1, theta2, x, y, LargeInputs.NetworkLambda, d1, d2);
            return d1[0] + d2[^1];
        }

#if WITH_TORCH
        [Benchmark]
        public double TorchSharp() => torch.Gradient(d1, d2) + d1[0] + d2[^1];
#endif
    }

    /// <summary>
    /// The same network with its hidden activations in a local array (a new one per sample, or one reused): how the
    /// generated gradient does when the user writes arrays. Compared with the same hand-written gradient.
    /// </summary>
    [MemoryDiagnoser]
    public class Network8x32ArraysBenchmarks
    {
        private double[] theta1 = Array.Empty<double>(), theta2 = Array.Empty<double>(), x = Array.Empty<double>(), y = Array.Empty<double>();
        private double[] d1 = Array.Empty<double>(), d2 = Array.Empty<double>(), a2 = Array.Empty<double>();

        [GlobalSetup]
        public void Setup()
        {
            (theta1, theta2, x, y) = LargeInputs.Network();
            d1 = new double[theta1.Length];
            d2 = new double[theta2.Length];
            a2 = new double[Network8x32.Hidden];
        }

        [Benchmark(Baseline = true)]
        public double PrimalFreshArrays() => Network8x32Arrays.CostFresh(theta1, theta2, x, y, LargeInputs.NetworkLambda);

        [Benchmark]
        public double PrimalReusedArray() => Network8x32Arrays.CostBuffer(theta1, theta2, x, y, LargeInputs.NetworkLambda);

        [Benchmark]
        public double GeneratedFreshArrays() => Network8x32Arrays.CostFresh_Grad(theta1, theta2, x, y, LargeInputs.NetworkLambda, d1, d2) + d1[0] + d2[^1];

        [Benchmark]
        public double GeneratedReusedArray() => Network8x32Arrays.CostBuffer_Grad(theta1, theta2, x, y, LargeInputs.NetworkLambda, d1, d2) + d1[0] + d2[^1];

        [Benchmark]
        public double HandWritten() => Network8x32.HandGradient(theta1, theta2, x, y, LargeInputs.NetworkLambda, d1, d2, a2) + d1[0] + d2[^1];
    }

    /// <summary>Extended Rosenbrock, n = 1,000: 1,000 partials.</summary>
    [MemoryDiagnoser]
    public class RosenbrockBenchmarks
    {
        private double[] x = Array.Empty<double>(), dx = Array.Empty<double>();
#if WITH_TORCH
        private LargeFunctions.TorchRosenbrock torch = null!;
#endif

        [GlobalSetup]
        public void Setup()
        {
            x = LargeInputs.RosenbrockPoint();
            dx = new double[x.Length];
#if WITH_TORCH
            global::TorchSharp.torch.set_num_threads(1);
            torch = new LargeFunctions.TorchRosenbrock(x);
#endif
        }

        [Benchmark(Baseline = true)]
        public double Primal() => Rosenbrock.F(x);

        [Benchmark]
        public double Generated() => Rosenbrock.F_Grad(x, dx) + dx[0] + dx[^1];

        [Benchmark]
        public double HandWritten() => Rosenbrock.HandGradient(x, dx) + dx[0] + dx[^1];

        [Benchmark]
        public double FiniteDifference()
        {
            LargeFunctions.RosenbrockFiniteDifference(x, dx);
            return dx[0] + dx[^1];
        }

#if WITH_TORCH
        [Benchmark]
        public double TorchSharp() => torch.Gradient(dx) + dx[0] + dx[^1];
#endif
    }

    /// <summary>The ADBench GMM objective, d = 10, K = 25, n = 1,000: 1,650 partials (alphas 25, means 250, icf 1,375).</summary>
    [MemoryDiagnoser]
    public class GmmBenchmarks
    {
        private double[] alphas = Array.Empty<double>(), means = Array.Empty<double>(), icf = Array.Empty<double>(), x = Array.Empty<double>();
        private double[] dalphas = Array.Empty<double>(), dmeans = Array.Empty<double>(), dicf = Array.Empty<double>(), scratch = Array.Empty<double>();
#if WITH_TORCH
        private LargeFunctions.TorchGmm torch = null!;
#endif

        [GlobalSetup]
        public void Setup()
        {
            (alphas, means, icf, x) = LargeInputs.Gmm();
            dalphas = new double[alphas.Length];
            dmeans = new double[means.Length];
            dicf = new double[icf.Length];
            scratch = new double[Gmm.ScratchLength(alphas.Length, means.Length / alphas.Length)];
#if WITH_TORCH
            global::TorchSharp.torch.set_num_threads(1);
            torch = new LargeFunctions.TorchGmm(alphas, means, icf, x);
#endif
        }

        [Benchmark(Baseline = true)]
        public double Primal() => Gmm.Objective(alphas, means, icf, x);

        [Benchmark]
        public double Generated() => Gmm.Objective_Grad(alphas, means, icf, x, dalphas, dmeans, dicf) + dalphas[0] + dmeans[0] + dicf[^1];

        [Benchmark]
        public double HandWritten() => Gmm.HandGradient(alphas, means, icf, x, dalphas, dmeans, dicf, scratch) + dalphas[0] + dmeans[0] + dicf[^1];

#if WITH_TORCH
        [Benchmark]
        public double TorchSharp() => torch.Gradient(dalphas, dmeans, dicf) + dalphas[0] + dmeans[0] + dicf[^1];
#endif
    }
}
