// Local arrays created inside loops: a fresh array per iteration (as a network's hidden layer per
// sample is often written), with a length that changes from one iteration to the next, with an
// initializer, inside an inner loop, inside a branch, walked by foreach. Each iteration's array is
// new and all zeros; the gradient's forward sweep creates exactly the arrays the original does.
using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Numerics.Tests.Harness;

namespace Fluxion.Numerics.Tests.Functions
{
    public static partial class LocalArraysInLoops
    {
        /// <summary>Σₛ (Σⱼ vⱼ·tanh(Σₖ wⱼₖxₛₖ))², the hidden layer a new array per sample.</summary>
        [Differentiable(nameof(w), nameof(v), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public static double FreshHiddenLayer(double[] w, double[] v, double[] x, int inputs)
        {
            int hidden = v.Length;
            double loss = 0.0;
            for (int s = 0; s < x.Length / inputs; s++)
            {
                double[] h = new double[hidden];
                for (int j = 0; j < hidden; j++)
                {
                    double z = 0.0;
                    for (int k = 0; k < inputs; k++)
                    {
                        z += w[j * inputs + k] * x[s * inputs + k];
                    }

                    h[j] = Math.Tanh(z);
                }

                double output = 0.0;
                for (int j = 0; j < hidden; j++)
                {
                    output += v[j] * h[j];
                }

                loss += output * output;
            }

            return loss;
        }

        /// <summary>Σᵢ Σⱼ≤ᵢ sin(xⱼ)·cᵢ, the prefix of sines a new array of length i + 1 for each i.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double GrowingPrefixes(double[] x, double c)
        {
            double s = 0.0;
            for (int i = 0; i < x.Length; i++)
            {
                double[] prefix = new double[i + 1];
                for (int j = 0; j <= i; j++)
                {
                    prefix[j] = Math.Sin(x[j]) * c;
                }

                for (int j = 0; j < prefix.Length; j++)
                {
                    s += prefix[j] * (j + 1);
                }
            }

            return s;
        }

        /// <summary>Σᵢ (aᵢ·xᵢ + aᵢ²) with a = {xᵢ, 2xᵢ, xᵢ²} from an initializer, walked by foreach.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double InitializedPerIteration(double[] x)
        {
            double s = 0.0;
            for (int i = 0; i < x.Length; i++)
            {
                double[] a = { x[i], 2.0 * x[i], x[i] * x[i] };
                foreach (double value in a)
                {
                    s += value * x[i] + value * value;
                }
            }

            return s;
        }

        /// <summary>Σᵢ Σⱼ exp(−(xᵢ − xⱼ)²)·t: a two-element array inside the inner loop, read in the same iteration.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double PairsInInnerLoop(double[] x, double t)
        {
            double s = 0.0;
            for (int i = 0; i < x.Length; i++)
            {
                for (int j = 0; j < x.Length; j++)
                {
                    double[] pair = new double[2];
                    pair[0] = x[i];
                    pair[1] = x[j];
                    double d = pair[0] - pair[1];
                    s += Math.Exp(-d * d) * t;
                }
            }

            return s;
        }

        /// <summary>
        /// Σᵢ with xᵢ &gt; 0: the squares of xᵢ and xᵢ₋₁ (0 for i = 0) in a new array, kept where positive; Σ |xᵢ| elsewhere.
        /// The array is created in one branch only, and a later iteration writes its second element before reading it.
        /// </summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ArrayInBranch(double[] x)
        {
            double s = 0.0;
            for (int i = 0; i < x.Length; i++)
            {
                if (x[i] > 0.0)
                {
                    double[] squares = new double[2];
                    squares[0] = x[i] * x[i];
                    if (i > 0)
                    {
                        squares[1] = x[i - 1] * x[i - 1];
                    }

                    s += squares[0] + 0.5 * squares[1];
                }
                else
                {
                    s += Math.Abs(x[i]);
                }
            }

            return s;
        }

        /// <summary>A running state per step: a new array holding the previous state, updated elementwise, tanh-squashed.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double StatePerStep(double[] x, double gain)
        {
            double state = 0.0;
            for (int step = 0; step < x.Length; step++)
            {
                double[] inputs = new double[3];
                inputs[0] = state;
                inputs[1] = x[step];
                inputs[2] = state * x[step];
                state = Math.Tanh(gain * (inputs[0] + inputs[1]) + 0.1 * inputs[2]);
            }

            return state;
        }
    }

    public static class LocalArraysInLoopsCases
    {
        private static object[] FreshHiddenLayerGradient(double[] w, double[] v, double[] x, int inputs)
        {
            int hidden = v.Length;
            var dw = new double[w.Length];
            var dv = new double[v.Length];
            for (int s = 0; s < x.Length / inputs; s++)
            {
                var h = new double[hidden];
                for (int j = 0; j < hidden; j++)
                {
                    double z = 0.0;
                    for (int k = 0; k < inputs; k++)
                    {
                        z += w[j * inputs + k] * x[s * inputs + k];
                    }

                    h[j] = Math.Tanh(z);
                }

                double output = v.Zip(h, (a, b) => a * b).Sum();
                for (int j = 0; j < hidden; j++)
                {
                    dv[j] += 2 * output * h[j];
                    double dz = 2 * output * v[j] * (1 - h[j] * h[j]);
                    for (int k = 0; k < inputs; k++)
                    {
                        dw[j * inputs + k] += dz * x[s * inputs + k];
                    }
                }
            }

            return [dw, dv];
        }

        /// <summary>sin(xⱼ)·c·(j + 1) appears once for each i ≥ j: n − j times.</summary>
        private static object[] GrowingPrefixesGradient(double[] x, double c)
        {
            int n = x.Length;
            double[] dx = x.Select((v, j) => (n - j) * (j + 1) * c * Math.Cos(v)).ToArray();
            double dc = x.Select((v, j) => (n - j) * (j + 1) * Math.Sin(v)).Sum();
            return [dx, dc];
        }

        /// <summary>Per i, with u = xᵢ: (u·u + u²) + (2u·u + 4u²) + (u²·u + u⁴) = 8u² + u³ + u⁴.</summary>
        private static object[] InitializedGradient(double[] x) =>
            [x.Select(u => 16 * u + 3 * u * u + 4 * u * u * u).ToArray()];

        private static object[] PairsGradient(double[] x, double t)
        {
            var dx = new double[x.Length];
            double dt = 0.0;
            for (int i = 0; i < x.Length; i++)
            {
                for (int j = 0; j < x.Length; j++)
                {
                    double d = x[i] - x[j];
                    double e = Math.Exp(-d * d);
                    dt += e;
                    dx[i] += -2 * d * e * t;
                    dx[j] += 2 * d * e * t;
                }
            }

            return [dx, dt];
        }

        private static object[] ArrayInBranchGradient(double[] x)
        {
            var dx = new double[x.Length];
            for (int i = 0; i < x.Length; i++)
            {
                if (x[i] > 0.0)
                {
                    dx[i] += 2 * x[i];
                    if (i > 0)
                    {
                        dx[i - 1] += x[i - 1];
                    }
                }
                else
                {
                    dx[i] += Math.Sign(x[i]);
                }
            }

            return [dx];
        }

        /// <summary>Forward-mode sensitivities of the recurrence, carried alongside it.</summary>
        private static object[] StatePerStepGradient(double[] x, double gain)
        {
            int n = x.Length;
            double state = 0.0;
            var dState = new double[n];
            double dGain = 0.0;
            for (int step = 0; step < n; step++)
            {
                double u = x[step];
                double z = gain * (state + u) + 0.1 * state * u;
                double next = Math.Tanh(z);
                double slope = 1 - next * next;
                double byState = gain + 0.1 * u;
                for (int k = 0; k < step; k++)
                {
                    dState[k] = slope * byState * dState[k];
                }

                dState[step] = slope * (gain + 0.1 * state);
                dGain = slope * ((state + u) + byState * dGain);
                state = next;
            }

            return [dState, dGain];
        }

        public static IEnumerable<ArrayCase> All() => new ArrayCaseList(typeof(LocalArraysInLoops))
        {
            {
                nameof(LocalArraysInLoops.FreshHiddenLayer),
                rng =>
                {
                    int inputs = rng.Int(1, 3);
                    int hidden = rng.Int(1, 4);
                    int samples = rng.Int(0, 4);
                    return [rng.Vector(hidden * inputs, -1, 1), rng.Vector(hidden, -1, 1), rng.Vector(samples * inputs, -1.5, 1.5), inputs];
                },
                p => FreshHiddenLayerGradient(p.V(0), p.V(1), p.V(2), p.I(3))
            },
            { nameof(LocalArraysInLoops.GrowingPrefixes), rng => [rng.Vector(rng.Int(0, 8), -2, 2), rng.Uniform(-2, 2)], p => GrowingPrefixesGradient(p.V(0), p.S(1)) },
            { nameof(LocalArraysInLoops.InitializedPerIteration), rng => [rng.Vector(rng.Int(0, 8), -2, 2)], p => InitializedGradient(p.V(0)) },
            { nameof(LocalArraysInLoops.PairsInInnerLoop), rng => [rng.Vector(rng.Int(0, 6), -1.5, 1.5), rng.Uniform(0.5, 2)], p => PairsGradient(p.V(0), p.S(1)) },
            { nameof(LocalArraysInLoops.ArrayInBranch), rng => [rng.SignedVector(rng.Int(0, 8), 0.1, 2)], p => ArrayInBranchGradient(p.V(0)) },
            { nameof(LocalArraysInLoops.StatePerStep), rng => [rng.Vector(rng.Int(0, 8), -1.5, 1.5), rng.Uniform(0.3, 1.5)], p => StatePerStepGradient(p.V(0), p.S(1)) },
        };
    }
}
