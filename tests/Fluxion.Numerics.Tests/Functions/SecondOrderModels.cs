// Functions whose Hessians have closed forms (or, for the founding network, a careful finite-difference check): the
// second-order methods are checked against them in ClosedFormHessianTests, and the gradients by the array catalog.
using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Numerics.Tests.Harness;

namespace Fluxion.Numerics.Tests.Functions
{
    public static partial class SecondOrderModels
    {
        /// <summary>Extended Rosenbrock Σ 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)².</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian | Derivatives.Hvp)]
        public static double Rosenbrock(double[] x)
        {
            double sum = 0.0;
            for (int i = 0; i < x.Length - 1; i++)
            {
                double a = x[i + 1] - x[i] * x[i];
                double b = 1.0 - x[i];
                sum += 100.0 * a * a + b * b;
            }

            return sum;
        }

        /// <summary>xᵀAx with A (n × n, row by row) as data: H = A + Aᵀ.</summary>
        [Differentiable(nameof(x), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian | Derivatives.Hvp)]
        public static double QuadraticForm(double[] x, double[] a)
        {
            int n = x.Length;
            double sum = 0.0;
            for (int i = 0; i < n; i++)
            {
                double row = 0.0;
                for (int j = 0; j < n; j++)
                {
                    row += a[i * n + j] * x[j];
                }

                sum += x[i] * row;
            }

            return sum;
        }

        /// <summary>
        /// Mean logistic cross-entropy over m samples (features x, m × d row by row, labels y) plus (λ/2)‖w‖²:
        /// H = Xᵀ diag(a(1 − a)) X / m + λ on the weights, with X's last column the bias's 1.
        /// </summary>
        [Differentiable(nameof(w), nameof(b), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian | Derivatives.Hvp)]
        public static double LogisticLoss(double[] w, double b, double[] x, double[] y, double lambda)
        {
            int d = w.Length;
            int m = y.Length;
            double total = 0.0;
            for (int i = 0; i < m; i++)
            {
                double z = b;
                for (int j = 0; j < d; j++)
                {
                    z += w[j] * x[i * d + j];
                }

                double a = 1.0 / (1.0 + Math.Exp(-z));
                total -= y[i] * Math.Log(a) + (1.0 - y[i]) * Math.Log(1.0 - a);
            }

            double squares = 0.0;
            for (int j = 0; j < d; j++)
            {
                squares += w[j] * w[j];
            }

            return total / m + 0.5 * lambda * squares;
        }

        /// <summary>
        /// The founding lesson's network on XOR: 2 inputs and a bias, 2 sigmoid hidden units and a bias, one sigmoid output;
        /// Θ1 (2 × 3) and Θ2 (1 × 3) in one array of 9 weights; mean cross-entropy plus (λ/2m) Σθ² without the bias weights.
        /// </summary>
        [Differentiable(nameof(theta), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian | Derivatives.Hvp)]
        public static double XorNetworkCost(double[] theta, double lambda)
        {
            double total = 0.0;
            for (int sample = 0; sample < 4; sample++)
            {
                double x1 = sample / 2;
                double x2 = sample % 2;
                double y = x1 != x2 ? 1.0 : 0.0;
                double h1 = 1.0 / (1.0 + Math.Exp(-(theta[0] + theta[1] * x1 + theta[2] * x2)));
                double h2 = 1.0 / (1.0 + Math.Exp(-(theta[3] + theta[4] * x1 + theta[5] * x2)));
                double output = 1.0 / (1.0 + Math.Exp(-(theta[6] + theta[7] * h1 + theta[8] * h2)));
                total -= y * Math.Log(output) + (1.0 - y) * Math.Log(1.0 - output);
            }

            double squares = theta[1] * theta[1] + theta[2] * theta[2] + theta[4] * theta[4] + theta[5] * theta[5] + theta[7] * theta[7] + theta[8] * theta[8];
            return total / 4.0 + lambda / 8.0 * squares;
        }
    }

    public static class SecondOrderModelCases
    {
        public static IEnumerable<ArrayCase> All() => new ArrayCaseList(typeof(SecondOrderModels))
        {
            {
                nameof(SecondOrderModels.Rosenbrock),
                rng => [rng.Vector(rng.Int(2, 50), -2, 2)],
                p =>
                {
                    double[] x = p.V(0);
                    var g = new double[x.Length];
                    for (int i = 0; i < x.Length - 1; i++)
                    {
                        double a = x[i + 1] - x[i] * x[i];
                        g[i] += -400 * a * x[i] - 2 * (1 - x[i]);
                        g[i + 1] += 200 * a;
                    }

                    return [g];
                }
            },
            {
                nameof(SecondOrderModels.QuadraticForm),
                rng =>
                {
                    int n = rng.Int(1, 12);
                    return [rng.Vector(n, -2, 2), rng.Vector(n * n, -1, 1)];
                },
                p =>
                {
                    double[] x = p.V(0), a = p.V(1);
                    int n = x.Length;
                    return [Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Sum(j => (a[i * n + j] + a[j * n + i]) * x[j])).ToArray()];
                }
            },
            {
                nameof(SecondOrderModels.LogisticLoss),
                rng =>
                {
                    int d = rng.Int(1, 6);
                    int m = rng.Int(1, 20);
                    return [rng.Vector(d, -1, 1), rng.Uniform(-1, 1), rng.Vector(m * d, -2, 2), rng.Vector(m, 0, 1).Select(v => v > 0.5 ? 1.0 : 0.0).ToArray(), rng.Uniform(0, 0.5)];
                },
                p =>
                {
                    double[] w = p.V(0), x = p.V(2), y = p.V(3);
                    double b = p.S(1), lambda = p.S(4);
                    int d = w.Length, m = y.Length;
                    var dw = w.Select(v => lambda * v).ToArray();
                    double db = 0.0;
                    for (int i = 0; i < m; i++)
                    {
                        double a = 1 / (1 + Math.Exp(-(b + Enumerable.Range(0, d).Sum(j => w[j] * x[i * d + j]))));
                        for (int j = 0; j < d; j++)
                        {
                            dw[j] += (a - y[i]) * x[i * d + j] / m;
                        }

                        db += (a - y[i]) / m;
                    }

                    return [dw, db];
                }
            },
            {
                nameof(SecondOrderModels.XorNetworkCost),
                rng => [rng.Vector(9, -2, 2), rng.Uniform(0, 1)],
                null
            },
        };
    }
}
