// Differentiated arrays passed whole to other [Differentiable] methods: the callee's gradient span
// comes back into the caller's.
using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Numerics.Tests.Harness;

namespace Fluxion.Numerics.Tests.Functions
{
    public static partial class ArrayArgumentsToDifferentiable
    {
        private static readonly double[] Weights = { 0.5, -1.0, 2.0, 0.25 };

        /// <summary>‖a‖ through a call to Arrays.Dot with the differentiated array.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double NormViaDot(double[] a) => Math.Sqrt(Arrays.Dot(a, a));

        /// <summary>tanh(w·x + b): one array differentiated, one passed through, a scalar differentiated.</summary>
        [Differentiable(nameof(w), nameof(bias), Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double Neuron(double[] w, double bias, double[] x) => Math.Tanh(Arrays.Dot(w, x) + bias);

        /// <summary>Σₖ (Neuron(w, b·(k + 1), x) − yₖ)², the neuron called in a loop, on x0 and x1 in turn.</summary>
        [Differentiable(nameof(w), nameof(bias), Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double SquaredErrors(double[] w, double bias, double[] x0, double[] x1, double[] y)
        {
            double total = 0.0;
            for (int k = 0; k < y.Length; k++)
            {
                double prediction;
                if (k % 2 == 0)
                {
                    prediction = Neuron(w, bias * (k + 1), x0) - y[k];
                }
                else
                {
                    prediction = Neuron(w, bias * (k + 1), x1) - y[k];
                }

                total += prediction * prediction;
            }

            return total;
        }

        /// <summary>a·b with both differentiated, through a call, times a scalar both sides depend on.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double ScaledDot(double[] a, double[] b, double s) => s * Arrays.Dot(a, b) + Math.Sin(s);

        /// <summary>Only the scalar differentiated; the array reaches the callee as data.</summary>
        [Differentiable(nameof(s), Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double PassiveArrayActiveScalar(double[] a, double s) => Arrays.PNorm(a, s) * s;

        /// <summary>Σ pᵢqᵢs over spans: a callee that takes ReadOnlySpan&lt;double&gt;, for arrays passed as they are.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double WeightedSpans(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double s)
        {
            double t = 0.0;
            for (int i = 0; i < p.Length; i++)
            {
                t += p[i] * q[i] * s;
            }

            return t;
        }

        /// <summary>
        /// log(1 + W(p, q, ½)) with both arrays converted to spans at the call, inside a larger expression: the conversion
        /// carries the arrays' derivatives (they once came back as zeros, the call taken for a constant).
        /// </summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double LogOfSpanCall(double[] p, double[] q) => Math.Log(1.0 + WeightedSpans(p, q, 0.5));

        /// <summary>The same call as a whole statement's value, with a Span&lt;double&gt; argument of its own.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double SpanCallTimesScalar(Span<double> p, double[] q, double s)
        {
            double w = WeightedSpans(p, q, s);
            return w * s;
        }

        /// <summary>A static table passed to a callee whose array parameter is differentiable there but constant here.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double TableArgument(double[] a) => Arrays.Dot(a, Weights) * Arrays.Dot(a, a);
    }

    public static class ArrayArgumentToDifferentiableCases
    {
        private static double Dot(double[] a, double[] b) => a.Zip(b, (u, v) => u * v).Sum();

        public static IEnumerable<ArrayCase> All() => new ArrayCaseList(typeof(ArrayArgumentsToDifferentiable))
        {
            {
                nameof(ArrayArgumentsToDifferentiable.NormViaDot),
                rng => [rng.SignedVector(rng.Int(1, 10), 0.1, 2)],
                p =>
                {
                    double norm = Math.Sqrt(p.V(0).Sum(v => v * v));
                    return [p.V(0).Select(v => v / norm).ToArray()];
                }
            },
            {
                nameof(ArrayArgumentsToDifferentiable.Neuron),
                rng =>
                {
                    int n = rng.Int(1, 8);
                    return [rng.Vector(n, -1, 1), rng.Uniform(-1, 1), rng.Vector(n, -1, 1)];
                },
                p =>
                {
                    double slope = 1 - Math.Pow(Math.Tanh(Dot(p.V(0), p.V(2)) + p.S(1)), 2);
                    return [p.V(2).Select(v => slope * v).ToArray(), slope];
                }
            },
            {
                nameof(ArrayArgumentsToDifferentiable.SquaredErrors),
                rng =>
                {
                    int n = rng.Int(1, 6);
                    return [rng.Vector(n, -1, 1), rng.Uniform(-1, 1), rng.Vector(n, -1, 1), rng.Vector(n, -1, 1), rng.Vector(rng.Int(0, 5), -1, 1)];
                },
                p =>
                {
                    double[] w = p.V(0), y = p.V(4);
                    var dw = new double[w.Length];
                    double db = 0;
                    for (int k = 0; k < y.Length; k++)
                    {
                        double[] x = k % 2 == 0 ? p.V(2) : p.V(3);
                        double a = Math.Tanh(Dot(w, x) + p.S(1) * (k + 1));
                        double g = 2 * (a - y[k]) * (1 - a * a);
                        for (int j = 0; j < w.Length; j++)
                        {
                            dw[j] += g * x[j];
                        }

                        db += g * (k + 1);
                    }

                    return [dw, db];
                }
            },
            {
                nameof(ArrayArgumentsToDifferentiable.ScaledDot),
                rng =>
                {
                    int n = rng.Int(0, 8);
                    return [rng.Vector(n, -2, 2), rng.Vector(n, -2, 2), rng.Uniform(-2, 2)];
                },
                p => [p.V(1).Select(v => p.S(2) * v).ToArray(), p.V(0).Select(v => p.S(2) * v).ToArray(), Dot(p.V(0), p.V(1)) + Math.Cos(p.S(2))]
            },
            {
                nameof(ArrayArgumentsToDifferentiable.PassiveArrayActiveScalar),
                rng => [rng.SignedVector(rng.Int(1, 6), 0.2, 2), rng.Uniform(1.5, 4)],
                p =>
                {
                    double[] a = p.V(0);
                    double s = p.S(1);
                    double sum = a.Sum(v => Math.Pow(Math.Abs(v), s));
                    double norm = Math.Pow(sum, 1 / s);
                    double weighted = a.Sum(v => Math.Pow(Math.Abs(v), s) * Math.Log(Math.Abs(v)));
                    double dNorm = norm * (-Math.Log(sum) / (s * s) + weighted / (s * sum));
                    return [norm + s * dNorm];
                },
                1e-11
            },
            {
                nameof(ArrayArgumentsToDifferentiable.WeightedSpans),
                rng =>
                {
                    int n = rng.Int(0, 6);
                    return [rng.Vector(n, -2, 2), rng.Vector(n, -2, 2), rng.Uniform(-2, 2)];
                },
                p => [p.V(1).Select(v => p.S(2) * v).ToArray(), p.V(0).Select(v => p.S(2) * v).ToArray(), Dot(p.V(0), p.V(1))]
            },
            {
                nameof(ArrayArgumentsToDifferentiable.LogOfSpanCall),
                rng =>
                {
                    int n = rng.Int(1, 6);
                    return [rng.Vector(n, 0.1, 1), rng.Vector(n, 0.1, 1)];
                },
                p =>
                {
                    double scale = 0.5 / (1.0 + 0.5 * Dot(p.V(0), p.V(1)));
                    return [p.V(1).Select(v => scale * v).ToArray(), p.V(0).Select(v => scale * v).ToArray()];
                }
            },
            {
                nameof(ArrayArgumentsToDifferentiable.SpanCallTimesScalar),
                rng =>
                {
                    int n = rng.Int(0, 6);
                    return [rng.Vector(n, -2, 2), rng.Vector(n, -2, 2), rng.Uniform(-2, 2)];
                },
                p =>
                {
                    double s = p.S(2);
                    return [p.V(1).Select(v => s * s * v).ToArray(), p.V(0).Select(v => s * s * v).ToArray(), 2 * s * Dot(p.V(0), p.V(1))];
                }
            },
            {
                nameof(ArrayArgumentsToDifferentiable.TableArgument),
                rng => [rng.Vector(4, -2, 2)],
                p =>
                {
                    double[] a = p.V(0);
                    double[] w = { 0.5, -1.0, 2.0, 0.25 };
                    double aw = Dot(a, w), aa = Dot(a, a);
                    return [a.Select((v, i) => w[i] * aa + aw * 2 * v).ToArray()];
                }
            },
        };
    }
}
