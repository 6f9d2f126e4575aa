// Innermost loops with a constant trip count that walk a row of a flat matrix: the gradient reads
// (and adds into) each row through a span made before the loop. Sources of every kind (arrays, spans,
// local arrays, int arrays), a counter starting at 1, and accesses the loop makes only sometimes (in a
// branch, on one side of ?: or right of &&), which must not get a span: for the last row it would run
// past the end of the array.
using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Numerics.Tests.Harness;

namespace Fluxion.Numerics.Tests.Functions
{
    public static partial class Rows
    {
        /// <summary>Σⱼ tanh²(Σₖ wⱼₖxₖ) for a 4×3 matrix W, flat, row by row.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double DenseLayerEnergy(double[] w, double[] x)
        {
            double s = 0.0;
            for (int j = 0; j < 4; j++)
            {
                double z = 0.0;
                for (int k = 0; k < 3; k++)
                {
                    z += w[j * 3 + k] * x[k];
                }

                double t = Math.Tanh(z);
                s += t * t;
            }

            return s;
        }

        /// <summary>vᵀAv for a 3×3 A passed as a read-only span, columns 1 and 2 of each row from a loop that starts at 1.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public static double QuadraticFormFromColumnOne(ReadOnlySpan<double> a, double[] v)
        {
            double s = 0.0;
            for (int i = 0; i < 3; i++)
            {
                double row = a[i * 3] * v[0];
                for (int k = 1; k < 3; k++)
                {
                    row += a[i * 3 + k] * v[k];
                }

                s += v[i] * row;
            }

            return s;
        }

        /// <summary>Σⱼ exp(Σₖ cⱼₖ·hₖ) with h = sin x kept in a local array and the counts c (2×3, int) as weights.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double CountWeightedLocalRows(double[] x, int[] counts)
        {
            double[] h = new double[3];
            for (int k = 0; k < 3; k++)
            {
                h[k] = Math.Sin(x[k]);
            }

            double s = 0.0;
            for (int j = 0; j < 2; j++)
            {
                double z = 0.0;
                for (int k = 0; k < 3; k++)
                {
                    z += counts[j * 3 + k] * h[k];
                }

                s += Math.Exp(0.3 * z);
            }

            return s;
        }

        /// <summary>
        /// Σⱼ Σₖ (k &lt; 2 ? xⱼ₂₊ₖ : 1)·yₖ for 3 rows of 2: the third column exists only in y, so reading x there
        /// would be out of range (for the last row); the loop reads x only when k &lt; 2.
        /// </summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double RaggedLastColumn(double[] x, Span<double> y)
        {
            double s = 0.0;
            for (int j = 0; j < 3; j++)
            {
                for (int k = 0; k < 3; k++)
                {
                    double entry = k < 2 ? x[j * 2 + k] : 1.0;
                    s += entry * y[k] * y[k];
                }
            }

            return s;
        }

        /// <summary>Σⱼ log(1 + Σₖ xⱼ₃₊ₖ²) over 2 rows of 3, skipping negative entries with continue.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double RowsSkippingNegatives(double[] x)
        {
            double s = 0.0;
            for (int j = 0; j < 2; j++)
            {
                double q = 0.0;
                for (int k = 0; k < 3; k++)
                {
                    if (x[j * 3 + k] < 0.0)
                    {
                        continue;
                    }

                    q += x[j * 3 + k] * x[j * 3 + k];
                }

                s += Math.Log(1.0 + q);
            }

            return s;
        }

        /// <summary>
        /// Σⱼ Σₖ wⱼₖ·xₖ² with wⱼₖ = (k &lt; 2 ? maskⱼ₂₊ₖ : 1), doubled where k &lt; 2 and maskⱼ₂₊ₖ &gt; 0.5; the mask (3×2) is not
        /// differentiated, so the ?: and the &amp;&amp; stay expressions the gradient evaluates as the original does.
        /// </summary>
        [Differentiable(nameof(x), Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double MaskedRows(double[] x, double[] mask)
        {
            double s = 0.0;
            for (int j = 0; j < 3; j++)
            {
                for (int k = 0; k < 3; k++)
                {
                    double w = k < 2 ? mask[j * 2 + k] : 1.0;
                    if (k < 2 && mask[j * 2 + k] > 0.5)
                    {
                        w = w * 2.0;
                    }

                    s += w * x[k] * x[k];
                }
            }

            return s;
        }
    }

    public static class RowCases
    {
        private static object[] DenseLayerGradient(double[] w, double[] x)
        {
            var dw = new double[12];
            var dx = new double[3];
            for (int j = 0; j < 4; j++)
            {
                double z = 0.0;
                for (int k = 0; k < 3; k++)
                {
                    z += w[j * 3 + k] * x[k];
                }

                double t = Math.Tanh(z);
                double dz = 2 * t * (1 - t * t);
                for (int k = 0; k < 3; k++)
                {
                    dw[j * 3 + k] = dz * x[k];
                    dx[k] += dz * w[j * 3 + k];
                }
            }

            return [dw, dx];
        }

        /// <summary>∂(vᵀAv)/∂A = vvᵀ, ∂/∂v = (A + Aᵀ)v.</summary>
        private static object[] QuadraticFormGradient(double[] a, double[] v)
        {
            var da = new double[9];
            var dv = new double[3];
            for (int i = 0; i < 3; i++)
            {
                for (int k = 0; k < 3; k++)
                {
                    da[i * 3 + k] = v[i] * v[k];
                    dv[i] += a[i * 3 + k] * v[k];
                    dv[k] += a[i * 3 + k] * v[i];
                }
            }

            return [da, dv];
        }

        private static object[] CountWeightedGradient(double[] x, int[] counts)
        {
            var dx = new double[3];
            for (int j = 0; j < 2; j++)
            {
                double z = 0.0;
                for (int k = 0; k < 3; k++)
                {
                    z += counts[j * 3 + k] * Math.Sin(x[k]);
                }

                double e = 0.3 * Math.Exp(0.3 * z);
                for (int k = 0; k < 3; k++)
                {
                    dx[k] += e * counts[j * 3 + k] * Math.Cos(x[k]);
                }
            }

            return [dx];
        }

        private static object[] RaggedGradient(double[] x, double[] y)
        {
            var dx = new double[6];
            var dy = new double[3];
            for (int j = 0; j < 3; j++)
            {
                for (int k = 0; k < 3; k++)
                {
                    double entry = k < 2 ? x[j * 2 + k] : 1.0;
                    if (k < 2)
                    {
                        dx[j * 2 + k] += y[k] * y[k];
                    }

                    dy[k] += 2 * entry * y[k];
                }
            }

            return [dx, dy];
        }

        private static object[] SkippingGradient(double[] x)
        {
            var dx = new double[6];
            for (int j = 0; j < 2; j++)
            {
                double q = Enumerable.Range(0, 3).Select(k => x[j * 3 + k]).Where(v => v >= 0).Sum(v => v * v);
                for (int k = 0; k < 3; k++)
                {
                    double v = x[j * 3 + k];
                    dx[j * 3 + k] = v >= 0 ? 2 * v / (1 + q) : 0.0;
                }
            }

            return [dx];
        }

        private static object[] MaskedRowsGradient(double[] x, double[] mask)
        {
            var dx = new double[3];
            for (int j = 0; j < 3; j++)
            {
                for (int k = 0; k < 3; k++)
                {
                    double w = k < 2 ? mask[j * 2 + k] * (mask[j * 2 + k] > 0.5 ? 2.0 : 1.0) : 1.0;
                    dx[k] += 2 * w * x[k];
                }
            }

            return [dx];
        }

        public static IEnumerable<ArrayCase> All() => new ArrayCaseList(typeof(Rows))
        {
            { nameof(Rows.DenseLayerEnergy), rng => [rng.Vector(12, -1, 1), rng.Vector(3, -1.5, 1.5)], p => DenseLayerGradient(p.V(0), p.V(1)) },
            { nameof(Rows.QuadraticFormFromColumnOne), rng => [rng.Vector(9, -2, 2), rng.Vector(3, -2, 2)], p => QuadraticFormGradient(p.V(0), p.V(1)) },
            {
                nameof(Rows.CountWeightedLocalRows),
                rng => [rng.Vector(3, -2, 2), rng.Indices(6, 4)],
                p => CountWeightedGradient(p.V(0), p.Indices(1))
            },
            { nameof(Rows.RaggedLastColumn), rng => [rng.Vector(6, -2, 2), rng.Vector(3, -2, 2)], p => RaggedGradient(p.V(0), p.V(1)) },
            { nameof(Rows.MaskedRows), rng => [rng.Vector(3, -2, 2), rng.Vector(6, 0, 1)], p => MaskedRowsGradient(p.V(0), p.V(1)) },
            { nameof(Rows.RowsSkippingNegatives), rng => [rng.SignedVector(6, 0.1, 2)], p => SkippingGradient(p.V(0)) },
        };
    }
}
