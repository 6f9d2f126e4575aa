using System;
using BenchmarkDotNet.Attributes;
using Fluxion.Benchmarks.Functions;

namespace Fluxion.Benchmarks
{
    // Forward mode and second derivatives beside reverse mode: the primal (the Ratio column's baseline), the generated
    // gradient, the generated directional derivative, a hand-written one, and the Hessian times a vector with the gradient
    // (F_Hvp). The direction is fixed in [GlobalSetup]; before measuring, each class checks that F_Jvp equals ∇F·v from
    // F_Grad and the hand-written JVP, and throws if not (F_Hvp is checked against the Hessian by the test suite).

    /// <summary>Logistic regression with L2, 50 features × 2,000 samples, along one direction of its 51 inputs.</summary>
    [MemoryDiagnoser]
    public class LogisticL2JvpBenchmarks
    {
        private double[] w = Array.Empty<double>(), x = Array.Empty<double>(), y = Array.Empty<double>(), dw = Array.Empty<double>();
        private double[] v = Array.Empty<double>(), direction = Array.Empty<double>(), gradient = Array.Empty<double>(), hv = Array.Empty<double>();
        private double b, vb;

        [GlobalSetup]
        public void Setup()
        {
            (w, b, x, y) = LargeInputs.Logistic();
            dw = new double[w.Length];
            var random = new Random(7);
            v = new double[w.Length];
            for (int j = 0; j < v.Length; j++)
            {
                v[j] = random.NextDouble() * 2 - 1;
            }

            vb = 0.5;
            direction = [.. v, vb];
            gradient = new double[direction.Length];
            hv = new double[direction.Length];
            LogisticRegressionL2.Loss_Grad(w, b, x, y, LargeInputs.LogisticLambda, dw, out double db);
            double projection = db * vb;
            for (int j = 0; j < v.Length; j++)
            {
                projection += dw[j] * v[j];
            }

            LogisticRegressionL2.Loss_Jvp(w, b, x, y, LargeInputs.LogisticLambda, v, vb, out double generated);
            LogisticRegressionL2.HandJvp(w, b, x, y, LargeInputs.LogisticLambda, v, vb, out double hand);
            JvpCheck.Agree("LogisticRegressionL2", projection, generated, hand);
        }

        [Benchmark(Baseline = true)]
        public double Primal() => LogisticRegressionL2.Loss(w, b, x, y, LargeInputs.LogisticLambda);

        [Benchmark]
        public double Gradient() => LogisticRegressionL2.Loss_Grad(w, b, x, y, LargeInputs.LogisticLambda, dw, out double db) + db + dw[0] + dw[^1];

        [Benchmark]
        public double Jvp() => LogisticRegressionL2.Loss_Jvp(w, b, x, y, LargeInputs.LogisticLambda, v, vb, out double derivative) + derivative;

        [Benchmark]
        public double HandWrittenJvp() => LogisticRegressionL2.HandJvp(w, b, x, y, LargeInputs.LogisticLambda, v, vb, out double derivative) + derivative;

        [Benchmark]
        public double Hvp() => LogisticRegressionL2.Loss_Hvp(w, b, x, y, LargeInputs.LogisticLambda, direction, gradient, hv) + gradient[0] + hv[^1];
    }

    /// <summary>Extended Rosenbrock, n = 1,000, along one direction.</summary>
    [MemoryDiagnoser]
    public class RosenbrockJvpBenchmarks
    {
        private double[] x = Array.Empty<double>(), dx = Array.Empty<double>(), v = Array.Empty<double>(), hv = Array.Empty<double>();

        [GlobalSetup]
        public void Setup()
        {
            x = LargeInputs.RosenbrockPoint();
            dx = new double[x.Length];
            var random = new Random(11);
            v = new double[x.Length];
            for (int i = 0; i < v.Length; i++)
            {
                v[i] = random.NextDouble() * 2 - 1;
            }

            hv = new double[x.Length];
            Rosenbrock.F_Grad(x, dx);
            double projection = 0.0;
            for (int i = 0; i < v.Length; i++)
            {
                projection += dx[i] * v[i];
            }

            Rosenbrock.F_Jvp(x, v, out double generated);
            Rosenbrock.HandJvp(x, v, out double hand);
            JvpCheck.Agree("Rosenbrock", projection, generated, hand);
        }

        [Benchmark(Baseline = true)]
        public double Primal() => Rosenbrock.F(x);

        [Benchmark]
        public double Gradient() => Rosenbrock.F_Grad(x, dx) + dx[0] + dx[^1];

        [Benchmark]
        public double Jvp() => Rosenbrock.F_Jvp(x, v, out double derivative) + derivative;

        [Benchmark]
        public double HandWrittenJvp() => Rosenbrock.HandJvp(x, v, out double derivative) + derivative;

        [Benchmark]
        public double Hvp() => Rosenbrock.F_Hvp(x, v, dx, hv) + dx[0] + hv[^1];
    }

    internal static class JvpCheck
    {
        /// <summary>Throws unless the generated JVP, the gradient's projection and the hand-written JVP agree to 1e-10 relative.</summary>
        public static void Agree(string name, double projection, double generated, double hand)
        {
            double scale = Math.Max(1.0, Math.Abs(projection));
            // Written so that a NaN fails too.
            if (!(Math.Abs(generated - projection) <= 1e-10 * scale && Math.Abs(hand - projection) <= 1e-10 * scale))
            {
                throw new InvalidOperationException($"{name}: F_Jvp {generated:R}, hand-written {hand:R}, ∇F·v {projection:R}");
            }
        }
    }
}
