using System;
using System.Globalization;
using Fluxion.Benchmarks.Functions;

namespace Fluxion.Benchmarks
{
    /// <summary>
    /// Runs before any measurement of the three larger functions: the generated and the
    /// hand-written gradients must agree to 1e-9 relative (value and every partial), TorchSharp
    /// with them to 1e-6 and central finite differences to 1e-5, or nothing is measured.
    /// </summary>
    public static class LargeGradientCheck
    {
        private const double GradientTolerance = 1e-9;
        private const double TorchTolerance = 1e-6;
        private const double FiniteDifferenceTolerance = 1e-5;

        public static void Run()
        {
#if WITH_TORCH
            TorchSharp.torch.set_num_threads(1);
#endif
            {
                var (w, b, x, y) = LargeInputs.Logistic();
                double lambda = LargeInputs.LogisticLambda;
                var g = new double[w.Length + 1];
                var h = new double[w.Length + 1];
                var f = new double[w.Length + 1];
                var t = new double[w.Length + 1];
                double primal = LogisticRegressionL2.Loss(w, b, x, y, lambda);
                double gv = LogisticRegressionL2.Loss_Grad(w, b, x, y, lambda, g.AsSpan(0, w.Length), out g[w.Length]);
                double hv = LogisticRegressionL2.HandGradient(w, b, x, y, lambda, h.AsSpan(0, w.Length), out h[w.Length]);
                LargeFunctions.LogisticFiniteDifference(w, b, x, y, lambda, f.AsSpan(0, w.Length), out f[w.Length]);
#if WITH_TORCH
                double tv = new LargeFunctions.TorchLogistic(w, b, x, y, lambda).Gradient(t.AsSpan(0, w.Length), out t[w.Length]);
#else
                double tv = double.NaN;
#endif
                Compare("LogisticL2", primal, gv, hv, tv, g, h, t, f);
            }
            {
                var (theta1, theta2, x, y) = LargeInputs.Network();
                double lambda = LargeInputs.NetworkLambda;
                int n1 = theta1.Length, n = n1 + theta2.Length;
                var g = new double[n];
                var h = new double[n];
                var f = new double[n];
                var t = new double[n];
                double primal = Network8x32.Cost(theta1, theta2, x, y, lambda);
                double gv = Network8x32.Cost_Grad(theta1, theta2, x, y, lambda, g.AsSpan(0, n1), g.AsSpan(n1));
                double hv = Network8x32.HandGradient(theta1, theta2, x, y, lambda, h.AsSpan(0, n1), h.AsSpan(n1), new double[Network8x32.Hidden]);
                LargeFunctions.NetworkFiniteDifference(theta1, theta2, x, y, lambda, f.AsSpan(0, n1), f.AsSpan(n1));
#if WITH_TORCH
                double tv = new LargeFunctions.TorchNetwork(theta1, theta2, x, y, lambda).Gradient(t.AsSpan(0, n1), t.AsSpan(n1));
#else
                double tv = double.NaN;
#endif
                Compare("Network8x32", primal, gv, hv, tv, g, h, t, f);
                foreach (bool fresh in new[] { true, false })
                {
                    var a = new double[n1 + theta2.Length];
                    double av = fresh
                        ? Network8x32Arrays.CostFresh_Grad(theta1, theta2, x, y, lambda, a.AsSpan(0, n1), a.AsSpan(n1))
                        : Network8x32Arrays.CostBuffer_Grad(theta1, theta2, x, y, lambda, a.AsSpan(0, n1), a.AsSpan(n1));
                    double arrayPrimal = fresh ? Network8x32Arrays.CostFresh(theta1, theta2, x, y, lambda) : Network8x32Arrays.CostBuffer(theta1, theta2, x, y, lambda);
                    Compare(fresh ? "Net (fresh)" : "Net (reused)", arrayPrimal, av, hv, double.NaN, a, h, t, f);
                }
            }
            {
                double[] x = LargeInputs.RosenbrockPoint();
                var g = new double[x.Length];
                var h = new double[x.Length];
                var f = new double[x.Length];
                var t = new double[x.Length];
                double primal = Rosenbrock.F(x);
                double gv = Rosenbrock.F_Grad(x, g);
                double hv = Rosenbrock.HandGradient(x, h);
                LargeFunctions.RosenbrockFiniteDifference(x, f);
#if WITH_TORCH
                double tv = new LargeFunctions.TorchRosenbrock(x).Gradient(t);
#else
                double tv = double.NaN;
#endif
                Compare("Rosenbrock", primal, gv, hv, tv, g, h, t, f);
            }
        }

        // Relative error of each partial against the largest partial's magnitude (and of the values
        // against the value), so a partial that is near zero is not judged by its own tiny size.
        private static double Error(double[] a, double[] b)
        {
            double scale = 0.0;
            foreach (double v in b) scale = Math.Max(scale, Math.Abs(v));
            double worst = 0.0;
            for (int i = 0; i < a.Length; i++)
            {
                worst = Math.Max(worst, Math.Abs(a[i] - b[i]) / Math.Max(scale, 1e-300));
            }
            return worst;
        }

        private static double Relative(double a, double b) => Math.Abs(a - b) / Math.Max(Math.Abs(b), 1e-300);

        private static void Compare(string name, double primal, double gv, double hv, double tv, double[] g, double[] h, double[] t, double[] f)
        {
            double valueError = Math.Max(Relative(gv, primal), Relative(hv, primal));
            double gh = Math.Max(Error(g, h), valueError);
            // Without the TorchSharp rows (built only with -p:WithTorch=true) there is nothing to compare.
            double gt = double.IsNaN(tv) ? 0.0 : Math.Max(Error(t, g), Relative(tv, gv));
            double gf = Error(f, g);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Gradient check {name,-12} {g.Length,5} partials: generated vs hand-written {gh:0.0E0}, vs TorchSharp {(double.IsNaN(tv) ? "(not built)" : gt.ToString("0.0E0", CultureInfo.InvariantCulture))}, vs finite differences {gf:0.0E0} (relative)"));
            if (!(gh <= GradientTolerance)) throw new InvalidOperationException($"{name}: generated and hand-written gradients differ by {gh:E2} relative");
            if (!(gt <= TorchTolerance)) throw new InvalidOperationException($"{name}: TorchSharp and generated gradients differ by {gt:E2} relative");
            if (!(gf <= FiniteDifferenceTolerance)) throw new InvalidOperationException($"{name}: finite differences and the generated gradient differ by {gf:E2} relative");
        }
    }
}
