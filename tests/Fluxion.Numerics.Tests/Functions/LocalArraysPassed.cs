// Local arrays passed whole to [Differentiable] methods: the callee's gradient span comes back into
// the local array's adjoints, and from there into the caller's inputs. The array is computed from the
// inputs (or constant), and never written after the call.
using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Numerics.Tests.Harness;

namespace Fluxion.Numerics.Tests.Functions
{
    public static partial class LocalArraysPassed
    {
        /// <summary>log Σᵢ e^(zᵢ), shifted by the largest entry.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LogSumExp(double[] z)
        {
            double largest = z[0];
            for (int i = 1; i < z.Length; i++)
            {
                largest = Math.Max(largest, z[i]);
            }

            double sum = 0.0;
            for (int i = 0; i < z.Length; i++)
            {
                sum += Math.Exp(z[i] - largest);
            }

            return largest + Math.Log(sum);
        }

        /// <summary>Σ values: a plain method, not [Differentiable], that can only read what it is given.</summary>
        public static double PlainSum(ReadOnlySpan<double> values)
        {
            double sum = 0.0;
            foreach (double value in values)
            {
                sum += value;
            }

            return sum;
        }

        /// <summary>
        /// Softmax cross-entropy of a 3-class linear layer over tanh features: h = tanh(x), zⱼ = Σₖ wⱼₖhₖ, loss =
        /// logsumexp(z) − z_label. The logits are a local array passed whole.
        /// </summary>
        [Differentiable(nameof(w), nameof(x), Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double SoftmaxLoss(double[] w, double[] x, int label)
        {
            int inputs = x.Length;
            double[] h = new double[inputs];
            for (int k = 0; k < inputs; k++)
            {
                h[k] = Math.Tanh(x[k]);
            }

            double[] z = new double[3];
            for (int j = 0; j < 3; j++)
            {
                for (int k = 0; k < inputs; k++)
                {
                    z[j] += w[j * inputs + k] * h[k];
                }
            }

            return LogSumExp(z) - z[label];
        }

        /// <summary>‖s‖ with sᵢ = xᵢ², through Arrays.Dot(s, s).</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double NormOfSquares(double[] x)
        {
            double[] s = new double[x.Length];
            for (int i = 0; i < x.Length; i++)
            {
                s[i] = x[i] * x[i];
            }

            return Math.Sqrt(Arrays.Dot(s, s));
        }

        /// <summary>Σₖ ‖sin x‖_(1.5 + k) for k &lt; 3: the local array passed in a loop that does not write it.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double NormsInLoop(double[] x)
        {
            double[] h = new double[x.Length];
            for (int i = 0; i < x.Length; i++)
            {
                h[i] = Math.Sin(x[i]) + 1.5;
            }

            double total = 0.0;
            for (int k = 0; k < 3; k++)
            {
                total += Arrays.PNorm(h, 1.5 + k);
            }

            return total;
        }

        /// <summary>
        /// x·c + Σc·x₀ with c a constant local array: passed to a differentiated callee on the passive side, and to a plain
        /// method.
        /// </summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double ConstantLocalArgument(double[] x)
        {
            double[] c = { 0.5, -1.0, 2.0 };
            return Arrays.Dot(x, c) + PlainSum(c) * x[0];
        }

        /// <summary>x₀ + (x₀ &lt; 0 ? ‖(x₀², x₁)‖² : 0): the array created and passed inside a branch.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double CreatedInABranch(double[] x)
        {
            double t = x[0];
            if (x[0] < 0.0)
            {
                double[] h = { x[0] * x[0], x[1] };
                t += Arrays.Dot(h, h);
            }

            return t;
        }

        /// <summary>x₀ &gt; 1 ? x₀ : Σ (sin xᵢ)²: the array created after an early return (the rest becomes a branch).</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double CreatedAfterAnEarlyReturn(double[] x)
        {
            if (x[0] > 1.0)
            {
                return x[0];
            }

            double[] h = new double[x.Length];
            for (int i = 0; i < x.Length; i++)
            {
                h[i] = Math.Sin(x[i]);
            }

            return Arrays.Dot(h, h);
        }

        /// <summary>A switch on ⌊|x₀|⌋: section 0 passes (x₀, 2x₁) to Dot with itself, section 1 passes (x₁) to LogSumExp, others x₀x₁.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double CreatedInSwitchSections(double[] x)
        {
            switch ((int)Math.Floor(Math.Abs(x[0])))
            {
                case 0:
                    double[] pair = { x[0], 2.0 * x[1] };
                    return Arrays.Dot(pair, pair);
                case 1:
                    double[] single = { x[1] };
                    return LogSumExp(single) * x[0];
                default:
                    return x[0] * x[1];
            }
        }

        /// <summary>
        /// x₀ &gt; 0 and x·x &gt; 1 ? 2x₀x₁ : x₁²: a [Differentiable] call right of &amp;&amp; in a condition, called for its value
        /// only when the left side holds (it once failed to generate).
        /// </summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double CallInCondition(double[] x)
        {
            if (x[0] > 0.0 && Arrays.Dot(x, x) > 1.0)
            {
                return 2.0 * x[0] * x[1];
            }

            return x[1] * x[1];
        }
    }

    public static class LocalArraysPassedCases
    {
        private static object[] SoftmaxGradient(double[] w, double[] x, int label)
        {
            int n = x.Length;
            double[] h = x.Select(Math.Tanh).ToArray();
            double[] z = Enumerable.Range(0, 3).Select(j => Enumerable.Range(0, n).Sum(k => w[j * n + k] * h[k])).ToArray();
            double largest = z.Max();
            double[] p = z.Select(v => Math.Exp(v - largest)).ToArray();
            double total = p.Sum();
            double[] dz = p.Select((v, j) => v / total - (j == label ? 1.0 : 0.0)).ToArray();
            var dw = new double[w.Length];
            var dx = new double[n];
            for (int j = 0; j < 3; j++)
            {
                for (int k = 0; k < n; k++)
                {
                    dw[j * n + k] = dz[j] * h[k];
                    dx[k] += dz[j] * w[j * n + k] * (1 - h[k] * h[k]);
                }
            }

            return [dw, dx];
        }

        /// <summary>f = (Σ xᵢ⁴)^½: ∂f/∂xᵢ = 2xᵢ³/f.</summary>
        private static object[] NormOfSquaresGradient(double[] x)
        {
            double f = Math.Sqrt(x.Sum(v => v * v * v * v));
            return [x.Select(v => 2 * v * v * v / f).ToArray()];
        }

        /// <summary>‖h‖_p = (Σ|hᵢ|^p)^(1/p): ∂/∂hᵢ = sign(hᵢ)|hᵢ|^(p−1)·‖h‖_p^(1−p); hᵢ = sin xᵢ + 1.5 &gt; 0.</summary>
        private static object[] NormsInLoopGradient(double[] x)
        {
            double[] h = x.Select(v => Math.Sin(v) + 1.5).ToArray();
            var dx = new double[x.Length];
            for (int k = 0; k < 3; k++)
            {
                double p = 1.5 + k;
                double norm = Math.Pow(h.Sum(v => Math.Pow(v, p)), 1 / p);
                for (int i = 0; i < x.Length; i++)
                {
                    dx[i] += Math.Pow(h[i], p - 1) * Math.Pow(norm, 1 - p) * Math.Cos(x[i]);
                }
            }

            return [dx];
        }

        public static IEnumerable<ArrayCase> All() => new ArrayCaseList(typeof(LocalArraysPassed))
        {
            {
                nameof(LocalArraysPassed.LogSumExp),
                rng => [rng.Vector(rng.Int(1, 6), -3, 3)],
                p =>
                {
                    double[] z = p.V(0);
                    double largest = z.Max();
                    double total = z.Sum(v => Math.Exp(v - largest));
                    return [z.Select(v => Math.Exp(v - largest) / total).ToArray()];
                }
            },
            {
                nameof(LocalArraysPassed.SoftmaxLoss),
                rng =>
                {
                    int n = rng.Int(1, 4);
                    return [rng.Vector(3 * n, -1, 1), rng.Vector(n, -2, 2), rng.Int(0, 2)];
                },
                p => SoftmaxGradient(p.V(0), p.V(1), p.I(2))
            },
            { nameof(LocalArraysPassed.NormOfSquares), rng => [rng.SignedVector(rng.Int(1, 8), 0.2, 2)], p => NormOfSquaresGradient(p.V(0)) },
            { nameof(LocalArraysPassed.NormsInLoop), rng => [rng.Vector(rng.Int(1, 8), -3, 3)], p => NormsInLoopGradient(p.V(0)) },
            {
                nameof(LocalArraysPassed.CreatedInABranch),
                rng => [rng.SignedVector(2, 0.1, 2)],
                p =>
                {
                    double[] x = p.V(0);
                    return x[0] < 0 ? [new[] { 1 + 4 * x[0] * x[0] * x[0], 2 * x[1] }] : [new[] { 1.0, 0.0 }];
                }
            },
            {
                nameof(LocalArraysPassed.CreatedAfterAnEarlyReturn),
                rng => [rng.Vector(rng.Int(1, 6), -2, 2)],
                p =>
                {
                    double[] x = p.V(0);
                    return x[0] > 1 ? [x.Select((_, i) => i == 0 ? 1.0 : 0.0).ToArray()] : [x.Select(v => 2 * Math.Sin(v) * Math.Cos(v)).ToArray()];
                }
            },
            {
                nameof(LocalArraysPassed.CreatedInSwitchSections),
                rng => [rng.Vector(2, -2.5, 2.5)],
                p =>
                {
                    double[] x = p.V(0);
                    return Math.Floor(Math.Abs(x[0])) switch
                    {
                        0 => [new[] { 2 * x[0], 8 * x[1] }],
                        1 => [new[] { x[1], x[0] }],
                        _ => [new[] { x[1], x[0] }],
                    };
                }
            },
            {
                nameof(LocalArraysPassed.CallInCondition),
                rng => [rng.Vector(2, -1.5, 1.5)],
                p =>
                {
                    double[] x = p.V(0);
                    return x[0] > 0 && x[0] * x[0] + x[1] * x[1] > 1 ? [new[] { 2 * x[1], 2 * x[0] }] : [new[] { 0.0, 2 * x[1] }];
                }
            },
            { nameof(LocalArraysPassed.ConstantLocalArgument), rng => [rng.Vector(3, -2, 2)], p => [new[] { 0.5 + 1.5, -1.0, 2.0 }] },
        };
    }
}
