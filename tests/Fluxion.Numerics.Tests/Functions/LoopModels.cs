using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>
    /// Models written as loops: quadrature, ODE steppers, an unrolled optimiser, compound interest,
    /// online statistics, smoothing, an iterated map and power iteration. Each is checked against its
    /// closed form, or a forward recurrence written by hand where none exists.
    /// </summary>
    public static partial class LoopModels
    {
        /// <summary>∫₀¹ sin(a·t) dt by the trapezoid rule on n panels.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double TrapezoidIntegral(double a, int n)
        {
            double h = 1.0 / n;
            double s = 0.5 * Math.Sin(a);
            for (int k = 1; k < n; k++)
            {
                s += Math.Sin(a * (k * h));
            }

            return s * h;
        }

        /// <summary>∫₀¹ e^(a·t²) dt by Simpson's rule on 2n panels: weights 4 and 2 by the counter's parity.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SimpsonIntegral(double a, int n)
        {
            int panels = 2 * n;
            double h = 1.0 / panels;
            double s = 1.0 + Math.Exp(a);
            for (int k = 1; k < panels; k++)
            {
                double t = k * h;
                double weight = k % 2 == 1 ? 4.0 : 2.0;
                s += weight * Math.Exp(a * t * t);
            }

            return s * h / 3;
        }

        /// <summary>Explicit Euler for y′ = −rate·y over [0, T] in n steps: y0·(1 − rate·T/n)ⁿ.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double EulerDecay(double y0, double rate, double T, int n)
        {
            double h = T / n;
            double y = y0;
            for (int k = 0; k < n; k++)
            {
                y += h * (-rate * y);
            }

            return y;
        }

        /// <summary>Classical Runge–Kutta for y′ = λy over [0, T] in n steps: y0·R(λh)ⁿ with R(z) = 1 + z + z²/2 + z³/6 + z⁴/24.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double RungeKuttaGrowth(double y0, double lambda, double T, int n)
        {
            double h = T / n;
            double y = y0;
            for (int k = 0; k < n; k++)
            {
                double k1 = lambda * y;
                double k2 = lambda * (y + 0.5 * h * k1);
                double k3 = lambda * (y + 0.5 * h * k2);
                double k4 = lambda * (y + h * k3);
                y += h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
            }

            return y;
        }

        /// <summary>n steps of gradient descent on (x − c)² with step η: c + (x0 − c)(1 − 2η)ⁿ.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double GradientDescentSteps(double x0, double c, double eta, int n)
        {
            double x = x0;
            for (int k = 0; k < n; k++)
            {
                x -= eta * 2 * (x - c);
            }

            return x;
        }

        /// <summary>Monthly compounding with a deposit after each month.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double CompoundInterest(double principal, double rate, double deposit, int months)
        {
            double balance = principal;
            double monthly = rate / 12;
            for (int k = 0; k < months; k++)
            {
                balance *= 1 + monthly;
                balance += deposit;
            }

            return balance;
        }

        /// <summary>Welford's online population variance of the samples x·k + y·cos k, k = 1..n.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double WelfordVariance(double x, double y, int n)
        {
            double mean = 0.0;
            double m2 = 0.0;
            for (int k = 1; k <= n; k++)
            {
                double v = x * k + y * Math.Cos(k);
                double delta = v - mean;
                mean += delta / k;
                m2 += delta * (v - mean);
            }

            return m2 / n;
        }

        /// <summary>An exponential moving average of a constant input x from e0, n steps: x + (e0 − x)(1 − α)ⁿ.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ExponentialMovingAverage(double x, double alpha, double e0, int n)
        {
            double e = e0;
            for (int k = 0; k < n; k++)
            {
                e += alpha * (x - e);
            }

            return e;
        }

        /// <summary>The logistic map x ← r·x(1 − x), n times.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LogisticMapOrbit(double r, double x0, int n)
        {
            double x = x0;
            for (int k = 0; k < n; k++)
            {
                x = r * x * (1 - x);
            }

            return x;
        }

        /// <summary>
        /// The largest eigenvalue of the symmetric matrix [[a, b], [b, c]] by 200 steps of power
        /// iteration, then the Rayleigh quotient: its derivative is v₁², 2v₁v₂, v₂² for the unit eigenvector v.
        /// </summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double PowerIteration(double a, double b, double c)
        {
            double v1 = 1.0;
            double v2 = 0.5;
            for (int k = 0; k < 200; k++)
            {
                double w1 = a * v1 + b * v2;
                double w2 = b * v1 + c * v2;
                double norm = Math.Sqrt(w1 * w1 + w2 * w2);
                v1 = w1 / norm;
                v2 = w2 / norm;
            }

            return v1 * (a * v1 + b * v2) + v2 * (b * v1 + c * v2);
        }
    }

    public static class LoopModelCases
    {
        private static double[] RungeKuttaDerivative(double y0, double lambda, double T, int n)
        {
            double h = T / n;
            double z = lambda * h;
            double r = 1 + z + z * z / 2 + z * z * z / 6 + z * z * z * z / 24;
            double dr = 1 + z + z * z / 2 + z * z * z / 6;
            double common = y0 * n * Math.Pow(r, n - 1) * dr;
            return [Math.Pow(r, n), common * h, common * lambda / n];
        }

        private static double[] CompoundInterestDerivative(double principal, double rate, double deposit, int months)
        {
            double g = 1 + rate / 12;
            double sumPowers = Enumerable.Range(0, months).Sum(k => Math.Pow(g, k));
            double sumSlopes = Enumerable.Range(1, Math.Max(months - 1, 0)).Sum(k => k * Math.Pow(g, k - 1));
            double dRate = (principal * months * Math.Pow(g, months - 1) + deposit * sumSlopes) / 12;
            return [Math.Pow(g, months), dRate, sumPowers];
        }

        /// <summary>Var(x·k + y·cos k) = x²·Var(k) + 2xy·Cov(k, cos k) + y²·Var(cos k), population moments over k = 1..n.</summary>
        private static double[] WelfordDerivative(double x, double y, int n)
        {
            double[] k = Enumerable.Range(1, n).Select(i => (double)i).ToArray();
            double[] c = k.Select(Math.Cos).ToArray();
            double mk = k.Average();
            double mc = c.Average();
            double vkk = k.Sum(v => (v - mk) * (v - mk)) / n;
            double vcc = c.Sum(v => (v - mc) * (v - mc)) / n;
            double vkc = k.Zip(c, (a, b) => (a - mk) * (b - mc)).Sum() / n;
            return [2 * x * vkk + 2 * y * vkc, 2 * x * vkc + 2 * y * vcc];
        }

        private static double[] LogisticMapDerivative(double r, double x0, int n)
        {
            double x = x0;
            double dr = 0.0;
            double dx0 = 1.0;
            for (int k = 0; k < n; k++)
            {
                double slope = r * (1 - 2 * x);
                dr = x * (1 - x) + slope * dr;
                dx0 = slope * dx0;
                x = r * x * (1 - x);
            }

            return [dr, dx0];
        }

        /// <summary>The unit eigenvector of the largest eigenvalue of [[a, b], [b, c]], in closed form.</summary>
        private static double[] PowerIterationDerivative(double a, double b, double c)
        {
            double lambda = 0.5 * (a + c) + Math.Sqrt(0.25 * (a - c) * (a - c) + b * b);
            // (M − λ)v = 0: v ∝ (b, λ − a), or (λ − c, b) when b is tiny; both are fine away from b = 0.
            double v1 = lambda - c;
            double v2 = b;
            double norm = Math.Sqrt(v1 * v1 + v2 * v2);
            v1 /= norm;
            v2 /= norm;
            return [v1 * v1, 2 * v1 * v2, v2 * v2];
        }

        public static IEnumerable<GradientCase> All() => new CaseList(typeof(LoopModels))
        {
            {
                nameof(LoopModels.TrapezoidIntegral),
                D(U(-4, 4), Int(1, 20)),
                p =>
                {
                    int n = (int)p[1];
                    double h = 1.0 / n;
                    return [h * (0.5 * Math.Cos(p[0]) + Enumerable.Range(1, n - 1).Sum(k => k * h * Math.Cos(p[0] * (k * h))))];
                }
            },
            {
                nameof(LoopModels.SimpsonIntegral),
                D(U(-2, 2), Int(1, 10)),
                p =>
                {
                    int panels = 2 * (int)p[1];
                    double h = 1.0 / panels;
                    double s = Math.Exp(p[0]) + Enumerable.Range(1, panels - 1).Sum(k => (k % 2 == 1 ? 4.0 : 2.0) * (k * h) * (k * h) * Math.Exp(p[0] * (k * h) * (k * h)));
                    return [s * h / 3];
                }
            },
            {
                nameof(LoopModels.EulerDecay),
                D(U(-2, 2), U(0.1, 2), U(0.5, 3), Int(1, 30)),
                p =>
                {
                    int n = (int)p[3];
                    double q = 1 - p[2] / n * p[1];
                    double slope = n * Math.Pow(q, n - 1) * p[0];
                    return [Math.Pow(q, n), -slope * p[2] / n, -slope * p[1] / n];
                },
                1e-11
            },
            {
                nameof(LoopModels.RungeKuttaGrowth),
                D(U(-2, 2), U(-2, 1), U(0.5, 2), Int(1, 12)),
                p => RungeKuttaDerivative(p[0], p[1], p[2], (int)p[3]),
                1e-11
            },
            {
                nameof(LoopModels.GradientDescentSteps),
                D(U(-3, 3), U(-3, 3), U(0.05, 0.9), Int(0, 25)),
                p =>
                {
                    int n = (int)p[3];
                    double q = 1 - 2 * p[2];
                    return [Math.Pow(q, n), 1 - Math.Pow(q, n), n == 0 ? 0.0 : -2 * n * (p[0] - p[1]) * Math.Pow(q, n - 1)];
                }
            },
            {
                nameof(LoopModels.CompoundInterest),
                D(U(0, 1000), U(0.01, 0.2), U(0, 100), Int(0, 60)),
                p => CompoundInterestDerivative(p[0], p[1], p[2], (int)p[3])
            },
            { nameof(LoopModels.WelfordVariance), D(U(-2, 2), U(-2, 2), Int(1, 30)), p => WelfordDerivative(p[0], p[1], (int)p[2]), 1e-10 },
            {
                nameof(LoopModels.ExponentialMovingAverage),
                D(U(-3, 3), U(0.05, 0.95), U(-3, 3), Int(0, 30)),
                p =>
                {
                    int n = (int)p[3];
                    double q = 1 - p[1];
                    return [1 - Math.Pow(q, n), n == 0 ? 0.0 : -(p[2] - p[0]) * n * Math.Pow(q, n - 1), Math.Pow(q, n)];
                }
            },
            { nameof(LoopModels.LogisticMapOrbit), D(U(1.5, 3.0), U(0.1, 0.9), Int(0, 10)), p => LogisticMapDerivative(p[0], p[1], (int)p[2]) },
            {
                nameof(LoopModels.PowerIteration),
                D(U(2, 4), Signed(0.2, 1), U(-1, 1)),
                p => PowerIterationDerivative(p[0], p[1], p[2]),
                1e-10
            },
        };
    }
}
