using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Numerics.Tests.Harness;

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>
    /// Array and span parameters: reductions, norms, softmax and log-sum-exp, polynomials with a
    /// coefficient array, flat matrices, int[] and ReadOnlySpan&lt;int&gt; indices, ReadOnlySpan and Span
    /// parameters, scalars mixed in, and nameof subsets. The gradient of each differentiated array is
    /// written into a Span&lt;double&gt; of its length.
    /// </summary>
    public static partial class Arrays
    {
        /// <summary>a·b.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Dot(double[] a, double[] b)
        {
            double s = 0.0;
            for (int i = 0; i < a.Length; i++)
            {
                s += a[i] * b[i];
            }

            return s;
        }

        /// <summary>‖x‖₂.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Norm2(double[] x)
        {
            double s = 0.0;
            for (int i = 0; i < x.Length; i++)
            {
                s += x[i] * x[i];
            }

            return Math.Sqrt(s);
        }

        /// <summary>Σ xᵢ² over a ReadOnlySpan.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SumOfSquaresReadOnlySpan(ReadOnlySpan<double> x)
        {
            double s = 0.0;
            for (int i = 0; i < x.Length; i++)
            {
                s += x[i] * x[i];
            }

            return s;
        }

        /// <summary>Σ aᵢ·sin(bᵢ) over a ReadOnlySpan and a Span.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ReadOnlySpanAndSpan(ReadOnlySpan<double> a, Span<double> b)
        {
            double s = 0.0;
            for (int i = 0; i < a.Length; i++)
            {
                s += a[i] * Math.Sin(b[i]);
            }

            return s;
        }

        /// <summary>The p-norm (Σ|xᵢ|ᵖ)^(1/p), differentiated in the entries and in p.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double PNorm(double[] x, double p)
        {
            double s = 0.0;
            for (int i = 0; i < x.Length; i++)
            {
                s += Math.Pow(Math.Abs(x[i]), p);
            }

            return Math.Pow(s, 1 / p);
        }

        /// <summary>log Σ e^xᵢ, shifted by the largest entry (found by a branch in a loop) for stability.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LogSumExp(double[] x)
        {
            double m = x[0];
            for (int i = 1; i < x.Length; i++)
            {
                if (x[i] > m)
                {
                    m = x[i];
                }
            }

            double s = 0.0;
            for (int i = 0; i < x.Length; i++)
            {
                s += Math.Exp(x[i] - m);
            }

            return m + Math.Log(s);
        }

        /// <summary>The softmax cross-entropy −log softmax(logits)[label], the label an int parameter.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SoftmaxCrossEntropy(double[] logits, int label)
        {
            double m = logits[0];
            for (int i = 1; i < logits.Length; i++)
            {
                m = Math.Max(m, logits[i]);
            }

            double s = 0.0;
            for (int i = 0; i < logits.Length; i++)
            {
                s += Math.Exp(logits[i] - m);
            }

            return m + Math.Log(s) - logits[label];
        }

        /// <summary>Σ cₖ·xᵏ by Horner over the coefficient array, counting down from its length.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Polynomial(double[] c, double x)
        {
            double v = 0.0;
            for (int k = c.Length - 1; k >= 0; k--)
            {
                v = v * x + c[k];
            }

            return v;
        }

        /// <summary>The population variance, in two passes: the mean, then the squared deviations.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Variance(double[] x)
        {
            double mean = 0.0;
            for (int i = 0; i < x.Length; i++)
            {
                mean += x[i];
            }

            mean /= x.Length;
            double s = 0.0;
            for (int i = 0; i < x.Length; i++)
            {
                double d = x[i] - mean;
                s += d * d;
            }

            return s / x.Length;
        }

        /// <summary>a·b / (‖a‖·‖b‖), three sums in one loop.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double CosineSimilarity(double[] a, double[] b)
        {
            double ab = 0.0;
            double aa = 0.0;
            double bb = 0.0;
            for (int i = 0; i < a.Length; i++)
            {
                ab += a[i] * b[i];
                aa += a[i] * a[i];
                bb += b[i] * b[i];
            }

            return ab / Math.Sqrt(aa * bb);
        }

        /// <summary>The trapezoid rule over samples y spaced h apart: the end samples read outside the loop.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double TrapezoidSamples(double[] y, double h)
        {
            int n = y.Length;
            double s = 0.5 * (y[0] + y[n - 1]);
            for (int i = 1; i < n - 1; i++)
            {
                s += y[i];
            }

            return s * h;
        }

        /// <summary>Σ (k + 1)·xₖ² indexed with a long counter (the gradient span's indexer takes an int), and a long-sized copy.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LongIndexedSquares(double[] x)
        {
            double s = 0.0;
            for (long k = 0; k < x.Length; k++)
            {
                s += (k + 1) * x[k] * x[k];
            }

            double[] copy = new double[(long)x.Length];
            for (long k = 0; k < copy.Length; k++)
            {
                copy[k] = x[k];
            }

            return s + (copy.Length > 0 ? copy[0L] * copy[copy.Length - 1L] : 0.0);
        }

        /// <summary>Σ (xᵢ₊₁ − xᵢ)²: each entry read in two iterations.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SmoothnessPenalty(double[] x)
        {
            double s = 0.0;
            for (int i = 0; i + 1 < x.Length; i++)
            {
                double d = x[i + 1] - x[i];
                s += d * d;
            }

            return s;
        }

        /// <summary>softplus(z) = log(1 + eᶻ), called per entry below.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Softplus(double z) => Math.Log(1 + Math.Exp(z));

        /// <summary>Σ softplus(xᵢ)·wᵢ: a [Differentiable] call on each entry.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double SoftplusSum(double[] x, double[] w)
        {
            double s = 0.0;
            for (int i = 0; i < x.Length; i++)
            {
                s += Softplus(x[i]) * w[i];
            }

            return s;
        }

        /// <summary>Σ w[index[i]]·vᵢ²: an int[] of indices, repeats included; the index array is passed through.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public static double GatherWeighted(double[] w, int[] index, double[] v)
        {
            double s = 0.0;
            for (int i = 0; i < index.Length; i++)
            {
                s += w[index[i]] * v[i] * v[i];
            }

            return s;
        }

        /// <summary>Σ (i + 1)·p[index[i]] over a ReadOnlySpan of values and a ReadOnlySpan&lt;int&gt; of indices.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double GatherSpans(ReadOnlySpan<double> p, ReadOnlySpan<int> index)
        {
            double s = 0.0;
            for (int i = 0; i < index.Length; i++)
            {
                s += (i + 1) * Math.Exp(p[index[i]]);
            }

            return s;
        }

        /// <summary>The extended Rosenbrock function Σ 100(x₂ᵢ₊₁ − x₂ᵢ²)² + (1 − x₂ᵢ)², over pairs of an even-length array.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ExtendedRosenbrock(double[] x)
        {
            double s = 0.0;
            for (int i = 0; i < x.Length / 2; i++)
            {
                double a = x[2 * i + 1] - x[2 * i] * x[2 * i];
                double b = 1 - x[2 * i];
                s += 100 * a * a + b * b;
            }

            return s;
        }

        /// <summary>The chained Rosenbrock function over a Span: Σ 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)².</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ChainedRosenbrockSpan(Span<double> x)
        {
            double s = 0.0;
            for (int i = 0; i + 1 < x.Length; i++)
            {
                double a = x[i + 1] - x[i] * x[i];
                double b = 1 - x[i];
                s += 100 * a * a + b * b;
            }

            return s;
        }

        /// <summary>‖A·v − b‖² with A a flat row-major matrix of b.Length rows and v.Length columns.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public static double MatVecResidual(double[] matrix, double[] v, double[] b)
        {
            int rows = b.Length;
            int cols = v.Length;
            double s = 0.0;
            for (int r = 0; r < rows; r++)
            {
                double row = -b[r];
                for (int c = 0; c < cols; c++)
                {
                    row += matrix[r * cols + c] * v[c];
                }

                s += row * row;
            }

            return s;
        }

        /// <summary>xᵀAx with A flat and square, its size an int parameter.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double QuadraticForm(double[] matrix, double[] x, int n)
        {
            double s = 0.0;
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    s += x[i] * matrix[i * n + j] * x[j];
                }
            }

            return s;
        }

        /// <summary>
        /// ‖A·v‖² for a sparse A in compressed-row form (values, column indices, row starts): two int[]
        /// index arrays, differentiated in the values and in v.
        /// </summary>
        [Differentiable(nameof(values), nameof(v), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public static double SparseMatVecNorm(double[] values, int[] columns, int[] rowStart, double[] v)
        {
            double s = 0.0;
            for (int r = 0; r + 1 < rowStart.Length; r++)
            {
                double y = 0.0;
                for (int k = rowStart[r]; k < rowStart[r + 1]; k++)
                {
                    y += values[k] * v[columns[k]];
                }

                s += y * y;
            }

            return s;
        }

        /// <summary>Simple exponential smoothing of a series from its first entry: a derivative in every entry and in α.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ExponentialSmoothing(double[] x, double alpha)
        {
            double level = x[0];
            for (int t = 1; t < x.Length; t++)
            {
                level = alpha * x[t] + (1 - alpha) * level;
            }

            return level;
        }

        /// <summary>The Gaussian log-likelihood of data, differentiated in μ and σ only (the data are passed through).</summary>
        [Differentiable(nameof(mu), nameof(sigma), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double GaussianLogLikelihood(double[] data, double mu, double sigma)
        {
            double s = 0.0;
            for (int i = 0; i < data.Length; i++)
            {
                double z = (data[i] - mu) / sigma;
                s += -0.5 * z * z;
            }

            return s - data.Length * Math.Log(sigma) - 0.5 * data.Length * Math.Log(2 * Math.PI);
        }

        /// <summary>scale·Σ sin(xᵢ), differentiated in x only (the scale is passed through).</summary>
        [Differentiable(nameof(x), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ScaledSineSum(double[] x, double scale)
        {
            double s = 0.0;
            for (int i = 0; i < x.Length; i++)
            {
                s += Math.Sin(x[i]);
            }

            return scale * s;
        }

        /// <summary>The largest entry times a scalar: a branch per entry (the points keep the top two entries apart).</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double MaxEntryScaled(double[] x, double scale)
        {
            double m = x[0];
            for (int i = 1; i < x.Length; i++)
            {
                if (x[i] > m)
                {
                    m = x[i];
                }
            }

            return m * scale;
        }

        /// <summary>Σ a₂ᵢ²: the odd entries of a and all of the second array are never read, so their gradient is 0.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double EveryOtherEntry(double[] a, double[] unused)
        {
            double s = 0.0;
            for (int i = 0; i < a.Length; i += 2)
            {
                s += a[i] * a[i];
            }

            return s;
        }

        /// <summary>Σ xₖ² over the leading positive entries: the loop condition reads x[k] only while k &lt; x.Length.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LeadingPositiveSquares(double[] x)
        {
            double s = 0.0;
            int k = 0;
            while (k < x.Length && x[k] > 0)
            {
                s += x[k] * x[k];
                k++;
            }

            return s;
        }

        /// <summary>Σ xᵢ² until the sum reaches a limit: a data-dependent trip count over an array (the limit gets derivative 0).</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SquaresUntilLimit(double[] x, double limit)
        {
            double s = 0.0;
            int i = 0;
            while (i < x.Length && s < limit)
            {
                s += x[i] * x[i];
                i++;
            }

            return s;
        }

        /// <summary>An entry read only where the conditional operator's guard holds, else an entry of another array.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double GuardedPick(double[] a, double[] b, int k) => k < a.Length ? a[k] * a[k] : 2 * b[0];

        /// <summary>Linear interpolation in a table at t, the index ⌊t⌋ computed from the differentiated t.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double TableInterpolation(double[] table, double t)
        {
            int i = (int)Math.Floor(t);
            double f = t - i;
            return table[i] * (1 - f) + table[i + 1] * f;
        }

        /// <summary>The Lennard-Jones energy Σᵢ&lt;ⱼ 4(r⁻¹² − r⁻⁶) of particles in the plane, positions flat (x₀, y₀, x₁, y₁, …).</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LennardJones(double[] positions)
        {
            int n = positions.Length / 2;
            double energy = 0.0;
            for (int i = 0; i < n; i++)
            {
                for (int j = i + 1; j < n; j++)
                {
                    double dx = positions[2 * i] - positions[2 * j];
                    double dy = positions[2 * i + 1] - positions[2 * j + 1];
                    double r2 = dx * dx + dy * dy;
                    double inv6 = 1 / (r2 * r2 * r2);
                    energy += 4 * (inv6 * inv6 - inv6);
                }
            }

            return energy;
        }
    }

    public static class ArrayCases
    {
        private static double[] Softmax(double[] x)
        {
            double m = x.Max();
            double[] e = x.Select(v => Math.Exp(v - m)).ToArray();
            double s = e.Sum();
            return e.Select(v => v / s).ToArray();
        }

        private static double[] PNormGradient(double[] x, double p, out double dp)
        {
            double s = x.Sum(v => Math.Pow(Math.Abs(v), p));
            double norm = Math.Pow(s, 1 / p);
            double weighted = x.Sum(v => Math.Pow(Math.Abs(v), p) * Math.Log(Math.Abs(v)));
            dp = norm * (-Math.Log(s) / (p * p) + weighted / (p * s));
            return x.Select(v => Math.Sign(v) * Math.Pow(Math.Abs(v), p - 1) * Math.Pow(s, 1 / p - 1)).ToArray();
        }

        private static object[] CosineGradient(double[] a, double[] b)
        {
            double ab = a.Zip(b, (u, v) => u * v).Sum();
            double na = Math.Sqrt(a.Sum(v => v * v));
            double nb = Math.Sqrt(b.Sum(v => v * v));
            double cos = ab / (na * nb);
            return
            [
                a.Select((v, i) => b[i] / (na * nb) - cos * v / (na * na)).ToArray(),
                b.Select((v, i) => a[i] / (na * nb) - cos * v / (nb * nb)).ToArray(),
            ];
        }

        private static double[] ExtendedRosenbrockGradient(double[] x)
        {
            var g = new double[x.Length];
            for (int i = 0; i < x.Length / 2; i++)
            {
                double u = x[2 * i];
                double w = x[2 * i + 1];
                g[2 * i] = -400 * u * (w - u * u) - 2 * (1 - u);
                g[2 * i + 1] = 200 * (w - u * u);
            }

            return g;
        }

        private static double[] ChainedRosenbrockGradient(double[] x)
        {
            var g = new double[x.Length];
            for (int i = 0; i + 1 < x.Length; i++)
            {
                g[i] += -400 * x[i] * (x[i + 1] - x[i] * x[i]) - 2 * (1 - x[i]);
                g[i + 1] += 200 * (x[i + 1] - x[i] * x[i]);
            }

            return g;
        }

        private static object[] MatVecGradient(double[] a, double[] v, double[] b)
        {
            int rows = b.Length;
            int cols = v.Length;
            var residual = new double[rows];
            for (int r = 0; r < rows; r++)
            {
                residual[r] = -b[r];
                for (int c = 0; c < cols; c++)
                {
                    residual[r] += a[r * cols + c] * v[c];
                }
            }

            var da = new double[a.Length];
            var dv = new double[cols];
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < cols; c++)
                {
                    da[r * cols + c] = 2 * residual[r] * v[c];
                    dv[c] += 2 * a[r * cols + c] * residual[r];
                }
            }

            return [da, dv, residual.Select(x => -2 * x).ToArray()];
        }

        private static object[] QuadraticFormGradient(double[] a, double[] x, int n)
        {
            var da = new double[n * n];
            var dx = new double[n];
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    da[i * n + j] = x[i] * x[j];
                    dx[i] += (a[i * n + j] + a[j * n + i]) * x[j];
                }
            }

            return [da, dx];
        }

        /// <summary>A random sparse matrix in compressed-row form with <paramref name="cols"/> columns.</summary>
        private static object[] DrawSparse(SplitMix64 rng)
        {
            int rows = rng.Int(1, 5);
            int cols = rng.Int(1, 5);
            var rowStart = new int[rows + 1];
            var columns = new List<int>();
            for (int r = 0; r < rows; r++)
            {
                rowStart[r] = columns.Count;
                int count = rng.Int(0, cols);
                columns.AddRange(rng.Indices(count, cols));
            }

            rowStart[rows] = columns.Count;
            return [rng.Vector(columns.Count, -2, 2), columns.ToArray(), rowStart, rng.Vector(cols, -2, 2)];
        }

        private static object[] SparseGradient(double[] values, int[] columns, int[] rowStart, double[] v)
        {
            var dvalues = new double[values.Length];
            var dv = new double[v.Length];
            for (int r = 0; r + 1 < rowStart.Length; r++)
            {
                double y = 0.0;
                for (int k = rowStart[r]; k < rowStart[r + 1]; k++)
                {
                    y += values[k] * v[columns[k]];
                }

                for (int k = rowStart[r]; k < rowStart[r + 1]; k++)
                {
                    dvalues[k] = 2 * y * v[columns[k]];
                    dv[columns[k]] += 2 * y * values[k];
                }
            }

            return [dvalues, dv];
        }

        /// <summary>L = (1 − α)ⁿ⁻¹x₀ + Σₜ α(1 − α)ⁿ⁻¹⁻ᵗxₜ; dL/dα by the forward recurrence dLₜ = xₜ − Lₜ₋₁ + (1 − α)·dLₜ₋₁.</summary>
        private static object[] SmoothingGradient(double[] x, double alpha)
        {
            int n = x.Length;
            var dx = new double[n];
            dx[0] = Math.Pow(1 - alpha, n - 1);
            for (int t = 1; t < n; t++)
            {
                dx[t] = alpha * Math.Pow(1 - alpha, n - 1 - t);
            }

            double level = x[0];
            double dAlpha = 0.0;
            for (int t = 1; t < n; t++)
            {
                dAlpha = x[t] - level + (1 - alpha) * dAlpha;
                level = alpha * x[t] + (1 - alpha) * level;
            }

            return [dx, dAlpha];
        }

        /// <summary>n particles near the points of a grid with spacing 1.2, jittered: no two closer than about 0.9.</summary>
        private static double[] DrawParticles(SplitMix64 rng)
        {
            int n = rng.Int(2, 7);
            var positions = new double[2 * n];
            for (int i = 0; i < n; i++)
            {
                positions[2 * i] = 1.2 * (i % 3) + rng.Uniform(-0.15, 0.15);
                positions[2 * i + 1] = 1.2 * (i / 3) + rng.Uniform(-0.15, 0.15);
            }

            return positions;
        }

        private static double[] LennardJonesGradient(double[] positions)
        {
            int n = positions.Length / 2;
            var g = new double[positions.Length];
            for (int i = 0; i < n; i++)
            {
                for (int j = i + 1; j < n; j++)
                {
                    double dx = positions[2 * i] - positions[2 * j];
                    double dy = positions[2 * i + 1] - positions[2 * j + 1];
                    double r2 = dx * dx + dy * dy;
                    // dE/d(r²) for E = 4(r⁻¹² − r⁻⁶) = 4(r2⁻⁶ − r2⁻³).
                    double slope = 4 * (-6 * Math.Pow(r2, -7) + 3 * Math.Pow(r2, -4));
                    g[2 * i] += slope * 2 * dx;
                    g[2 * j] -= slope * 2 * dx;
                    g[2 * i + 1] += slope * 2 * dy;
                    g[2 * j + 1] -= slope * 2 * dy;
                }
            }

            return g;
        }

        /// <summary>An array whose largest entry leads the second by at least 10⁻³·max(1, |largest|), so no step changes the branch.</summary>
        private static double[] DrawClearMaximum(SplitMix64 rng, int n)
        {
            while (true)
            {
                double[] x = rng.Vector(n, -3, 3);
                double[] sorted = x.OrderByDescending(v => v).ToArray();
                if (n == 1 || sorted[0] - sorted[1] > 1e-3 * Math.Max(1, Math.Abs(sorted[0])))
                {
                    return x;
                }
            }
        }

        private static double[] OneHotMax(double[] x, double scale)
        {
            var g = new double[x.Length];
            g[Array.IndexOf(x, x.Max())] = scale;
            return g;
        }

        /// <summary>Entries away from 0, positive four times in five, so that the leading run is often long.</summary>
        private static double[] DrawMostlyPositive(SplitMix64 rng)
        {
            int n = rng.Int(1, 10);
            var x = new double[n];
            for (int i = 0; i < n; i++)
            {
                x[i] = (rng.Integer(0, 4) == 0 ? -1.0 : 1.0) * rng.Uniform(0.1, 2);
            }

            return x;
        }

        private static int LeadingPositives(double[] x) => x.TakeWhile(v => v > 0).Count();

        /// <summary>Entries and a limit such that no partial sum the loop compares is within 10⁻³·max(1, limit) of the limit.</summary>
        private static object[] DrawUntilLimit(SplitMix64 rng)
        {
            while (true)
            {
                double[] x = rng.Vector(rng.Int(1, 10), -1.5, 1.5);
                double limit = rng.Uniform(0.5, 5);
                double s = 0.0;
                bool clear = true;
                for (int i = 0; i < x.Length; i++)
                {
                    s += x[i] * x[i];
                    clear &= Math.Abs(s - limit) > 1e-3 * Math.Max(1, limit);
                }

                if (clear)
                {
                    return [x, limit];
                }
            }
        }

        private static int TermsUntilLimit(double[] x, double limit)
        {
            double s = 0.0;
            int i = 0;
            while (i < x.Length && s < limit)
            {
                s += x[i] * x[i];
                i++;
            }

            return i;
        }

        /// <summary>A table and a point t in [0, n − 1] at least 10⁻³·max(1, t) away from every integer (where the slope jumps).</summary>
        private static object[] DrawInterpolation(SplitMix64 rng)
        {
            double[] table = rng.Vector(rng.Int(2, 10), -2, 2);
            while (true)
            {
                double t = rng.Uniform(0, table.Length - 1);
                if (Coords.FromInteger(t) > 1e-3 * Math.Max(1, t))
                {
                    return [table, t];
                }
            }
        }

        public static IEnumerable<ArrayCase> All() => new ArrayCaseList(typeof(Arrays))
        {
            {
                nameof(Arrays.Dot),
                rng =>
                {
                    int n = rng.Int(0, 12);
                    return [rng.Vector(n, -2, 2), rng.Vector(n, -2, 2)];
                },
                p => [p.V(1), p.V(0)]
            },
            {
                nameof(Arrays.Norm2),
                rng => [rng.SignedVector(rng.Int(1, 12), 0.1, 2)],
                p =>
                {
                    double norm = Math.Sqrt(p.V(0).Sum(v => v * v));
                    return [p.V(0).Select(v => v / norm).ToArray()];
                }
            },
            {
                nameof(Arrays.SumOfSquaresReadOnlySpan),
                rng => [rng.Vector(rng.Int(0, 12), -3, 3)],
                p => [p.V(0).Select(v => 2 * v).ToArray()]
            },
            {
                nameof(Arrays.ReadOnlySpanAndSpan),
                rng =>
                {
                    int n = rng.Int(1, 10);
                    return [rng.Vector(n, -2, 2), rng.Vector(n, -3, 3)];
                },
                p => [p.V(1).Select(Math.Sin).ToArray(), p.V(0).Select((a, i) => a * Math.Cos(p.V(1)[i])).ToArray()]
            },
            {
                nameof(Arrays.PNorm),
                rng => [rng.SignedVector(rng.Int(1, 8), 0.2, 2), rng.Uniform(1.5, 4)],
                p =>
                {
                    double[] dx = PNormGradient(p.V(0), p.S(1), out double dp);
                    return [dx, dp];
                },
                1e-11
            },
            {
                nameof(Arrays.LogSumExp),
                rng => [rng.Vector(rng.Int(1, 12), -5, 5)],
                p => [Softmax(p.V(0))]
            },
            {
                nameof(Arrays.SoftmaxCrossEntropy),
                rng =>
                {
                    int n = rng.Int(2, 10);
                    return [rng.Vector(n, -4, 4), rng.Int(0, n - 1)];
                },
                p =>
                {
                    double[] g = Softmax(p.V(0));
                    g[p.I(1)] -= 1;
                    return [g];
                }
            },
            {
                nameof(Arrays.Polynomial),
                rng => [rng.Vector(rng.Int(0, 10), -2, 2), rng.Uniform(-1.3, 1.3)],
                p =>
                {
                    double[] c = p.V(0);
                    double x = p.S(1);
                    return [c.Select((_, k) => Math.Pow(x, k)).ToArray(), c.Select((ck, k) => k == 0 ? 0.0 : k * ck * Math.Pow(x, k - 1)).Sum()];
                }
            },
            {
                nameof(Arrays.Variance),
                rng => [rng.Vector(rng.Int(1, 15), -3, 3)],
                p =>
                {
                    double[] x = p.V(0);
                    double mean = x.Average();
                    return [x.Select(v => 2 * (v - mean) / x.Length).ToArray()];
                }
            },
            {
                nameof(Arrays.CosineSimilarity),
                rng =>
                {
                    int n = rng.Int(1, 10);
                    return [rng.SignedVector(n, 0.1, 2), rng.SignedVector(n, 0.1, 2)];
                },
                p => CosineGradient(p.V(0), p.V(1))
            },
            {
                nameof(Arrays.TrapezoidSamples),
                rng => [rng.Vector(rng.Int(2, 20), -2, 2), rng.Uniform(0.01, 0.5)],
                p =>
                {
                    double[] y = p.V(0);
                    double h = p.S(1);
                    double[] weights = y.Select((_, i) => i == 0 || i == y.Length - 1 ? 0.5 : 1.0).ToArray();
                    return [weights.Select(w => w * h).ToArray(), weights.Zip(y, (w, v) => w * v).Sum()];
                }
            },
            {
                nameof(Arrays.LongIndexedSquares),
                rng => [rng.Vector(rng.Int(0, 9), -2, 2)],
                p =>
                {
                    double[] x = p.V(0);
                    double[] g = x.Select((v, k) => 2 * (k + 1) * v).ToArray();
                    if (x.Length > 0)
                    {
                        g[0] += x[^1];
                        g[^1] += x[0];
                    }

                    return [g];
                }
            },
            {
                nameof(Arrays.SmoothnessPenalty),
                rng => [rng.Vector(rng.Int(1, 15), -2, 2)],
                p =>
                {
                    double[] x = p.V(0);
                    return [x.Select((v, i) => (i > 0 ? 2 * (v - x[i - 1]) : 0.0) - (i + 1 < x.Length ? 2 * (x[i + 1] - v) : 0.0)).ToArray()];
                }
            },
            { nameof(Arrays.Softplus), rng => [rng.Uniform(-4, 4)], p => [1 / (1 + Math.Exp(-p.S(0)))] },
            {
                nameof(Arrays.SoftplusSum),
                rng =>
                {
                    int n = rng.Int(0, 10);
                    return [rng.Vector(n, -4, 4), rng.Vector(n, -2, 2)];
                },
                p =>
                [
                    p.V(0).Select((x, i) => p.V(1)[i] / (1 + Math.Exp(-x))).ToArray(),
                    p.V(0).Select(x => Math.Log(1 + Math.Exp(x))).ToArray(),
                ]
            },
            {
                nameof(Arrays.GatherWeighted),
                rng =>
                {
                    int size = rng.Int(1, 6);
                    int count = rng.Int(0, 12);
                    return [rng.Vector(size, -2, 2), rng.Indices(count, size), rng.Vector(count, -2, 2)];
                },
                p =>
                {
                    double[] w = p.V(0);
                    int[] index = p.Indices(1);
                    double[] v = p.V(2);
                    var dw = new double[w.Length];
                    for (int i = 0; i < index.Length; i++)
                    {
                        dw[index[i]] += v[i] * v[i];
                    }

                    return [dw, v.Select((x, i) => 2 * w[index[i]] * x).ToArray()];
                }
            },
            {
                nameof(Arrays.GatherSpans),
                rng =>
                {
                    int size = rng.Int(1, 6);
                    return [rng.Vector(size, -2, 2), rng.Indices(rng.Int(0, 12), size)];
                },
                p =>
                {
                    var dp = new double[p.V(0).Length];
                    int[] index = p.Indices(1);
                    for (int i = 0; i < index.Length; i++)
                    {
                        dp[index[i]] += (i + 1) * Math.Exp(p.V(0)[index[i]]);
                    }

                    return [dp];
                }
            },
            {
                nameof(Arrays.ExtendedRosenbrock),
                rng => [rng.Vector(2 * rng.Int(5, 25), -1.5, 1.5)],
                p => [ExtendedRosenbrockGradient(p.V(0))]
            },
            {
                nameof(Arrays.ChainedRosenbrockSpan),
                rng => [rng.Vector(rng.Int(1, 30), -1.5, 1.5)],
                p => [ChainedRosenbrockGradient(p.V(0))]
            },
            {
                nameof(Arrays.MatVecResidual),
                rng =>
                {
                    int rows = rng.Int(1, 6);
                    int cols = rng.Int(1, 6);
                    return [rng.Vector(rows * cols, -2, 2), rng.Vector(cols, -2, 2), rng.Vector(rows, -2, 2)];
                },
                p => MatVecGradient(p.V(0), p.V(1), p.V(2))
            },
            {
                nameof(Arrays.QuadraticForm),
                rng =>
                {
                    int n = rng.Int(1, 6);
                    return [rng.Vector(n * n, -2, 2), rng.Vector(n, -2, 2), n];
                },
                p => QuadraticFormGradient(p.V(0), p.V(1), p.I(2))
            },
            {
                nameof(Arrays.SparseMatVecNorm),
                DrawSparse,
                p => SparseGradient(p.V(0), p.Indices(1), p.Indices(2), p.V(3))
            },
            {
                nameof(Arrays.ExponentialSmoothing),
                rng => [rng.Vector(rng.Int(1, 20), -2, 2), rng.Uniform(0.05, 0.95)],
                p => SmoothingGradient(p.V(0), p.S(1))
            },
            {
                nameof(Arrays.GaussianLogLikelihood),
                rng => [rng.Vector(rng.Int(1, 20), -3, 3), rng.Uniform(-1, 1), rng.Uniform(0.5, 3)],
                p =>
                {
                    double[] x = p.V(0);
                    double mu = p.S(1);
                    double sigma = p.S(2);
                    return [x.Sum(v => v - mu) / (sigma * sigma), -x.Length / sigma + x.Sum(v => (v - mu) * (v - mu)) / (sigma * sigma * sigma)];
                }
            },
            {
                nameof(Arrays.ScaledSineSum),
                rng => [rng.Vector(rng.Int(0, 12), -3, 3), rng.Uniform(-2, 2)],
                p => [p.V(0).Select(v => p.S(1) * Math.Cos(v)).ToArray()]
            },
            {
                nameof(Arrays.MaxEntryScaled),
                rng => [DrawClearMaximum(rng, rng.Int(1, 10)), rng.Uniform(-2, 2)],
                p => [OneHotMax(p.V(0), p.S(1)), p.V(0).Max()]
            },
            {
                nameof(Arrays.EveryOtherEntry),
                rng => [rng.Vector(rng.Int(1, 12), -2, 2), rng.Vector(rng.Int(1, 4), -2, 2)],
                p => [p.V(0).Select((v, i) => i % 2 == 0 ? 2 * v : 0.0).ToArray(), new double[p.V(1).Length]]
            },
            {
                nameof(Arrays.LeadingPositiveSquares),
                rng => [DrawMostlyPositive(rng)],
                p => [p.V(0).Select((v, i) => i < LeadingPositives(p.V(0)) ? 2 * v : 0.0).ToArray()]
            },
            {
                nameof(Arrays.SquaresUntilLimit),
                DrawUntilLimit,
                p => [p.V(0).Select((v, i) => i < TermsUntilLimit(p.V(0), p.S(1)) ? 2 * v : 0.0).ToArray(), 0.0]
            },
            {
                nameof(Arrays.GuardedPick),
                rng =>
                {
                    int n = rng.Int(1, 5);
                    return [rng.Vector(n, -2, 2), rng.Vector(rng.Int(1, 3), -2, 2), rng.Int(0, n + 2)];
                },
                p =>
                {
                    double[] da = new double[p.V(0).Length];
                    double[] db = new double[p.V(1).Length];
                    if (p.I(2) < da.Length)
                    {
                        da[p.I(2)] = 2 * p.V(0)[p.I(2)];
                    }
                    else
                    {
                        db[0] = 2;
                    }

                    return [da, db];
                }
            },
            {
                nameof(Arrays.TableInterpolation),
                DrawInterpolation,
                p =>
                {
                    double[] table = p.V(0);
                    double t = p.S(1);
                    int i = (int)Math.Floor(t);
                    var dtable = new double[table.Length];
                    dtable[i] = 1 - (t - i);
                    dtable[i + 1] = t - i;
                    return [dtable, table[i + 1] - table[i]];
                }
            },
            {
                nameof(Arrays.LennardJones),
                rng => [DrawParticles(rng)],
                p => [LennardJonesGradient(p.V(0))],
                1e-11
            },
        };
    }
}
