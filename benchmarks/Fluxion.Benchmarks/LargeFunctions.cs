using System;
using Fluxion.Benchmarks.Functions;
#if WITH_TORCH
using TorchSharp;
using static TorchSharp.torch;
#endif

namespace Fluxion.Benchmarks
{
    /// <summary>
    /// Central finite differences over every coordinate for the three larger functions (the
    /// point is perturbed in place in a copy and restored, so nothing is allocated), and the
    /// same three losses and the GMM objective written with TorchSharp tensors (float64),
    /// gradients by backward().
    /// </summary>
    public static class LargeFunctions
    {
        private static double Step(double v) => 1e-6 * Math.Max(1.0, Math.Abs(v));

        /// <summary>Central differences of the logistic loss; w is perturbed in place and restored.</summary>
        public static void LogisticFiniteDifference(double[] w, double b, double[] x, double[] y, double lambda, Span<double> dw, out double db)
        {
            for (int j = 0; j < w.Length; j++)
            {
                double saved = w[j], h = Step(saved);
                w[j] = saved + h;
                double plus = LogisticRegressionL2.Loss(w, b, x, y, lambda);
                w[j] = saved - h;
                double minus = LogisticRegressionL2.Loss(w, b, x, y, lambda);
                w[j] = saved;
                dw[j] = (plus - minus) / (2.0 * h);
            }
            double hb = Step(b);
            db = (LogisticRegressionL2.Loss(w, b + hb, x, y, lambda) - LogisticRegressionL2.Loss(w, b - hb, x, y, lambda)) / (2.0 * hb);
        }

        /// <summary>Central differences of the network cost over all 321 weights.</summary>
        public static void NetworkFiniteDifference(double[] theta1, double[] theta2, double[] x, double[] y, double lambda, Span<double> d1, Span<double> d2)
        {
            for (int j = 0; j < theta1.Length; j++)
            {
                double saved = theta1[j], h = Step(saved);
                theta1[j] = saved + h;
                double plus = Network8x32.Cost(theta1, theta2, x, y, lambda);
                theta1[j] = saved - h;
                double minus = Network8x32.Cost(theta1, theta2, x, y, lambda);
                theta1[j] = saved;
                d1[j] = (plus - minus) / (2.0 * h);
            }
            for (int j = 0; j < theta2.Length; j++)
            {
                double saved = theta2[j], h = Step(saved);
                theta2[j] = saved + h;
                double plus = Network8x32.Cost(theta1, theta2, x, y, lambda);
                theta2[j] = saved - h;
                double minus = Network8x32.Cost(theta1, theta2, x, y, lambda);
                theta2[j] = saved;
                d2[j] = (plus - minus) / (2.0 * h);
            }
        }

        /// <summary>Central differences of extended Rosenbrock over all n coordinates.</summary>
        public static void RosenbrockFiniteDifference(double[] x, Span<double> dx)
        {
            for (int j = 0; j < x.Length; j++)
            {
                double saved = x[j], h = Step(saved);
                x[j] = saved + h;
                double plus = Rosenbrock.F(x);
                x[j] = saved - h;
                double minus = Rosenbrock.F(x);
                x[j] = saved;
                dx[j] = (plus - minus) / (2.0 * h);
            }
        }

#if WITH_TORCH
        /// <summary>Copies a float64 gradient tensor into a span.</summary>
        private static void CopyGradient(Tensor leaf, Span<double> target)
        {
            using Tensor g = leaf.grad!;
            g.data<double>().CopyTo(target);
        }

        /// <summary>The logistic loss with TorchSharp: leaves w [50] and b [1], data tensors built once.</summary>
        public sealed class TorchLogistic
        {
            private readonly Tensor w, b, x, y;
            private readonly double lambda;

            public TorchLogistic(double[] w, double b, double[] x, double[] y, double lambda)
            {
                this.w = torch.tensor(w, dtype: ScalarType.Float64).requires_grad_();
                this.b = torch.tensor(new[] { b }, dtype: ScalarType.Float64).requires_grad_();
                this.x = torch.tensor(x, dtype: ScalarType.Float64).reshape(y.Length, w.Length);
                this.y = torch.tensor(y, dtype: ScalarType.Float64);
                this.lambda = lambda;
            }

            public double Gradient(Span<double> dw, out double db)
            {
                using var scope = torch.NewDisposeScope();
                w.grad?.zero_();
                b.grad?.zero_();
                Tensor p = torch.sigmoid(x.mv(w) + b);
                Tensor loss = -(y * torch.log(p) + (1.0 - y) * torch.log(1.0 - p)).mean() + 0.5 * lambda * w.square().sum();
                loss.backward();
                CopyGradient(w, dw);
                using Tensor gb = b.grad!;
                db = gb.item<double>();
                return loss.item<double>();
            }
        }

        /// <summary>The network cost with TorchSharp: leaves Θ1 [32, 9] and Θ2 [33]; x with a column of ones built once.</summary>
        public sealed class TorchNetwork
        {
            private readonly Tensor theta1, theta2, x1, y;
            private readonly double lambda;
            private readonly int m;

            public TorchNetwork(double[] theta1, double[] theta2, double[] x, double[] y, double lambda)
            {
                m = y.Length;
                this.theta1 = torch.tensor(theta1, dtype: ScalarType.Float64).reshape(Network8x32.Hidden, Network8x32.Inputs + 1).detach().requires_grad_();
                this.theta2 = torch.tensor(theta2, dtype: ScalarType.Float64).requires_grad_();
                Tensor data = torch.tensor(x, dtype: ScalarType.Float64).reshape(m, Network8x32.Inputs);
                x1 = torch.cat(new[] { torch.ones(m, 1, dtype: ScalarType.Float64), data }, 1);
                this.y = torch.tensor(y, dtype: ScalarType.Float64);
                this.lambda = lambda;
            }

            public double Gradient(Span<double> d1, Span<double> d2)
            {
                using var scope = torch.NewDisposeScope();
                theta1.grad?.zero_();
                theta2.grad?.zero_();
                Tensor a2 = torch.sigmoid(x1.matmul(theta1.t()));
                Tensor a3 = torch.sigmoid(a2.mv(theta2.narrow(0, 1, Network8x32.Hidden)) + theta2.narrow(0, 0, 1));
                Tensor squares = theta1.narrow(1, 1, Network8x32.Inputs).square().sum() + theta2.narrow(0, 1, Network8x32.Hidden).square().sum();
                Tensor loss = -(y * torch.log(a3) + (1.0 - y) * torch.log(1.0 - a3)).mean() + lambda / (2.0 * m) * squares;
                loss.backward();
                CopyGradient(theta1, d1);
                CopyGradient(theta2, d2);
                return loss.item<double>();
            }
        }

        /// <summary>
        /// The ADBench GMM objective with TorchSharp: leaves alphas [K], means [K, d], icf [K, d(d+1)/2]; Qₖ is gathered
        /// from icf through an index built once (position 0 of a zero-padded row of Lₖ entries for the entries on and
        /// above the diagonal), plus the exponentiated diagonal; all n points and K components in one batched matmul.
        /// </summary>
        public sealed class TorchGmm
        {
            private readonly Tensor alphas, means, icf, x, lowerIndex;
            private readonly int n, d, k, lowerCount;
            private readonly double constant;

            public TorchGmm(double[] alphas, double[] means, double[] icf, double[] x)
            {
                k = alphas.Length;
                d = means.Length / k;
                n = x.Length / d;
                lowerCount = d * (d - 1) / 2;
                this.alphas = torch.tensor(alphas, dtype: ScalarType.Float64).requires_grad_();
                this.means = torch.tensor(means, dtype: ScalarType.Float64).reshape(k, d).detach().requires_grad_();
                this.icf = torch.tensor(icf, dtype: ScalarType.Float64).reshape(k, d + lowerCount).detach().requires_grad_();
                this.x = torch.tensor(x, dtype: ScalarType.Float64).reshape(n, d);
                var index = new long[d * d];
                int lower = 1;
                for (int i = 0; i < d; i++)
                {
                    for (int j = i + 1; j < d; j++)
                    {
                        index[j * d + i] = lower++;
                    }
                }
                lowerIndex = torch.tensor(index, dtype: ScalarType.Int64);
                constant = Gmm.Constant(n, d, k);
            }

            public double Gradient(Span<double> dalphas, Span<double> dmeans, Span<double> dicf)
            {
                using var scope = torch.NewDisposeScope();
                alphas.grad?.zero_();
                means.grad?.zero_();
                icf.grad?.zero_();
                Tensor logDiagonals = icf.narrow(1, 0, d);
                Tensor lowerEntries = icf.narrow(1, d, lowerCount);
                Tensor padded = torch.cat(new[] { torch.zeros(k, 1, dtype: ScalarType.Float64), lowerEntries }, 1);
                Tensor q = padded.index_select(1, lowerIndex).reshape(k, d, d) + torch.diag_embed(logDiagonals.exp());
                Tensor centered = x.unsqueeze(1) - means.unsqueeze(0);
                Tensor projected = torch.matmul(q, centered.unsqueeze(-1)).squeeze(-1);
                Tensor terms = alphas + logDiagonals.sum(1) - 0.5 * projected.square().sum(2);
                Tensor prior = 0.5 * Gmm.WishartGamma * Gmm.WishartGamma * (logDiagonals.exp().square().sum() + lowerEntries.square().sum())
                    - Gmm.WishartM * logDiagonals.sum();
                Tensor loss = torch.logsumexp(terms, 1).sum() - n * torch.logsumexp(alphas, 0) + prior + constant;
                loss.backward();
                CopyGradient(alphas, dalphas);
                CopyGradient(means, dmeans);
                CopyGradient(icf, dicf);
                return loss.item<double>();
            }
        }

        /// <summary>Extended Rosenbrock with TorchSharp: leaf x [n].</summary>
        public sealed class TorchRosenbrock
        {
            private readonly Tensor x;
            private readonly int n;

            public TorchRosenbrock(double[] x)
            {
                n = x.Length;
                this.x = torch.tensor(x, dtype: ScalarType.Float64).requires_grad_();
            }

            public double Gradient(Span<double> dx)
            {
                using var scope = torch.NewDisposeScope();
                x.grad?.zero_();
                Tensor head = x.narrow(0, 0, n - 1);
                Tensor a = x.narrow(0, 1, n - 1) - head.square();
                Tensor b = 1.0 - head;
                Tensor f = (100.0 * a.square() + b.square()).sum();
                f.backward();
                CopyGradient(x, dx);
                return f.item<double>();
            }
        }
#endif
    }
}
