// Loops whose iteration i adds into neighbouring elements of a gradient (i and i + 1): the fused
// loop carries the contribution to the next element in a local. Some shapes take that path (two
// neighbours, counter stepped at the end, span written first or after another loop, a do loop, two
// spans carried in one loop, a constant trip count that also gives the loop row spans, a break after
// the step); the others (three neighbours, counter stepped first) must stay right without it.
// Lengths start at 0, so the loop that does not run at all is drawn too.
using System;
using System.Collections.Generic;
using System.Linq;
using Fluxion.Numerics.Tests.Harness;

namespace Fluxion.Numerics.Tests.Functions
{
    public static partial class Stencils
    {
        /// <summary>A chain of springs: Σᵢ (k/2)(xᵢ₊₁ − xᵢ − r)².</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SpringChain(double[] x, double stiffness, double rest)
        {
            double energy = 0.0;
            for (int i = 0; i < x.Length - 1; i++)
            {
                double stretch = x[i + 1] - x[i] - rest;
                energy += 0.5 * stiffness * stretch * stretch;
            }

            return energy;
        }

        /// <summary>Σᵢ₌₁ (xᵢ − xᵢ₋₁)⁴: the neighbours are i − 1 and i.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double BackwardDifferenceQuartic(double[] x)
        {
            double s = 0.0;
            for (int i = 1; i < x.Length; i++)
            {
                double d = x[i] - x[i - 1];
                s += d * d * d * d;
            }

            return s;
        }

        /// <summary>
        /// Σᵢ (xᵢ₊₁ − xᵢ)² + Σᵢ xᵢ·sin xᵢ₊₁: the second loop adds into a gradient the first one wrote, so it adds
        /// to its elements instead of assigning them.
        /// </summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double TwoStencilLoops(double[] x)
        {
            double s = 0.0;
            for (int i = 0; i + 1 < x.Length; i++)
            {
                double d = x[i + 1] - x[i];
                s += d * d;
            }

            for (int i = 0; i + 1 < x.Length; i++)
            {
                s += x[i] * Math.Sin(x[i + 1]);
            }

            return s;
        }

        /// <summary>x₀² + Σᵢ w·xᵢ·xᵢ₊₁ over a span, scaled by a parameter: a contribution before the loop and a scalar partial.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double CoupledChain(ReadOnlySpan<double> x, double w)
        {
            double s = x.Length > 0 ? x[0] * x[0] : 0.0;
            for (int i = 0; i < x.Length - 1; i++)
            {
                s += w * x[i] * x[i + 1];
            }

            return s;
        }

        /// <summary>Σᵢ (xᵢ − 2xᵢ₋₁ + xᵢ₋₂)²: three neighbours, so nothing is carried.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SecondDifferencePenalty(double[] x)
        {
            double s = 0.0;
            for (int i = 2; i < x.Length; i++)
            {
                double d = x[i] - 2.0 * x[i - 1] + x[i - 2];
                s += d * d;
            }

            return s;
        }

        /// <summary>Σᵢ (xᵢ₊₁ − xᵢ)²·e^(−xᵢ) with the counter stepped before the elements are read.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double StepFirstStencil(double[] x)
        {
            double s = 0.0;
            int i = -1;
            while (i < x.Length - 2)
            {
                i++;
                double d = x[i + 1] - x[i];
                s += d * d * Math.Exp(-x[i]);
            }

            return s;
        }

        /// <summary>Σᵢ cos(xᵢ₊₁ − xᵢ) in a do loop (x has at least two entries).</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double DoLoopStencil(double[] x)
        {
            double s = 0.0;
            int i = 0;
            do
            {
                s += Math.Cos(x[i + 1] - x[i]);
                i++;
            }
            while (i < x.Length - 1);

            return s;
        }

        /// <summary>Σᵢ (xᵢ₊₁ − xᵢ)(yᵢ₊₁ − yᵢ): both gradients carried in the same loop.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double CrossDifferences(double[] x, double[] y)
        {
            double s = 0.0;
            for (int i = 0; i < x.Length - 1; i++)
            {
                s += (x[i + 1] - x[i]) * (y[i + 1] - y[i]);
            }

            return s;
        }

        /// <summary>Σᵢ₌₀⁶ sin(xᵢ₊₁ − xᵢ) over exactly 8 entries: a constant trip count, so rows and carry both apply.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double FixedLengthStencil(double[] x)
        {
            double s = 0.0;
            for (int i = 0; i < 7; i++)
            {
                s += Math.Sin(x[i + 1] - x[i]);
            }

            return s;
        }

        /// <summary>Σ xᵢxᵢ₊₁ until the sum passes 3: the loop breaks after stepping its counter.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ProductsUntilThree(double[] x)
        {
            double s = 0.0;
            int i = 0;
            while (i < x.Length - 1)
            {
                s += x[i] * x[i + 1];
                i++;
                if (s > 3.0)
                {
                    break;
                }
            }

            return s;
        }
    }

    public static class StencilCases
    {
        /// <summary>∂/∂xⱼ Σᵢ g(xᵢ₊₁ − xᵢ) = g′(xⱼ − xⱼ₋₁) − g′(xⱼ₊₁ − xⱼ), with the missing neighbours' terms 0.</summary>
        private static double[] DifferenceGradient(double[] x, Func<double, double> derivative)
        {
            var g = new double[x.Length];
            for (int i = 0; i + 1 < x.Length; i++)
            {
                double slope = derivative(x[i + 1] - x[i]);
                g[i + 1] += slope;
                g[i] -= slope;
            }

            return g;
        }

        private static object[] SpringChainGradient(double[] x, double k, double r)
        {
            double[] dx = DifferenceGradient(x, d => k * (d - r));
            double dk = 0.0;
            double dr = 0.0;
            for (int i = 0; i + 1 < x.Length; i++)
            {
                double stretch = x[i + 1] - x[i] - r;
                dk += 0.5 * stretch * stretch;
                dr -= k * stretch;
            }

            return [dx, dk, dr];
        }

        private static double[] TwoStencilLoopsGradient(double[] x)
        {
            double[] g = DifferenceGradient(x, d => 2 * d);
            for (int i = 0; i + 1 < x.Length; i++)
            {
                g[i] += Math.Sin(x[i + 1]);
                g[i + 1] += x[i] * Math.Cos(x[i + 1]);
            }

            return g;
        }

        private static object[] CoupledChainGradient(double[] x, double w)
        {
            var g = new double[x.Length];
            double dw = 0.0;
            if (x.Length > 0)
            {
                g[0] = 2 * x[0];
            }

            for (int i = 0; i + 1 < x.Length; i++)
            {
                g[i] += w * x[i + 1];
                g[i + 1] += w * x[i];
                dw += x[i] * x[i + 1];
            }

            return [g, dw];
        }

        private static double[] SecondDifferenceGradient(double[] x)
        {
            var g = new double[x.Length];
            for (int i = 2; i < x.Length; i++)
            {
                double d = 2 * (x[i] - 2 * x[i - 1] + x[i - 2]);
                g[i] += d;
                g[i - 1] -= 2 * d;
                g[i - 2] += d;
            }

            return g;
        }

        private static double[] StepFirstGradient(double[] x)
        {
            var g = new double[x.Length];
            for (int i = 0; i + 1 < x.Length; i++)
            {
                double d = x[i + 1] - x[i];
                double e = Math.Exp(-x[i]);
                g[i + 1] += 2 * d * e;
                g[i] += -2 * d * e - d * d * e;
            }

            return g;
        }

        private static object[] CrossDifferencesGradient(double[] x, double[] y)
        {
            var dx = new double[x.Length];
            var dy = new double[y.Length];
            for (int i = 0; i + 1 < x.Length; i++)
            {
                double u = x[i + 1] - x[i];
                double v = y[i + 1] - y[i];
                dx[i + 1] += v;
                dx[i] -= v;
                dy[i + 1] += u;
                dy[i] -= u;
            }

            return [dx, dy];
        }

        private static double[] ProductsUntilThreeGradient(double[] x)
        {
            var g = new double[x.Length];
            double s = 0.0;
            for (int i = 0; i + 1 < x.Length; i++)
            {
                s += x[i] * x[i + 1];
                g[i] += x[i + 1];
                g[i + 1] += x[i];
                if (s > 3.0)
                {
                    break;
                }
            }

            return g;
        }

        public static IEnumerable<ArrayCase> All() => new ArrayCaseList(typeof(Stencils))
        {
            {
                nameof(Stencils.SpringChain),
                rng => [rng.Vector(rng.Int(0, 14), -2, 2), rng.Uniform(0.5, 3), rng.Uniform(-0.5, 0.5)],
                p => SpringChainGradient(p.V(0), p.S(1), p.S(2))
            },
            {
                nameof(Stencils.BackwardDifferenceQuartic),
                rng => [rng.Vector(rng.Int(0, 14), -1.5, 1.5)],
                p => [DifferenceGradient(p.V(0), d => 4 * d * d * d)]
            },
            { nameof(Stencils.TwoStencilLoops), rng => [rng.Vector(rng.Int(0, 14), -2, 2)], p => [TwoStencilLoopsGradient(p.V(0))] },
            { nameof(Stencils.CoupledChain), rng => [rng.Vector(rng.Int(0, 14), -2, 2), rng.Uniform(-2, 2)], p => CoupledChainGradient(p.V(0), p.S(1)) },
            { nameof(Stencils.SecondDifferencePenalty), rng => [rng.Vector(rng.Int(0, 14), -2, 2)], p => [SecondDifferenceGradient(p.V(0))] },
            { nameof(Stencils.StepFirstStencil), rng => [rng.Vector(rng.Int(0, 14), -1, 1)], p => [StepFirstGradient(p.V(0))] },
            {
                nameof(Stencils.CrossDifferences),
                rng =>
                {
                    int n = rng.Int(0, 14);
                    return [rng.Vector(n, -2, 2), rng.Vector(n, -2, 2)];
                },
                p => CrossDifferencesGradient(p.V(0), p.V(1))
            },
            { nameof(Stencils.FixedLengthStencil), rng => [rng.Vector(8, -2, 2)], p => [DifferenceGradient(p.V(0), Math.Cos)] },
            { nameof(Stencils.ProductsUntilThree), rng => [rng.Vector(rng.Int(0, 14), -1.5, 2)], p => [ProductsUntilThreeGradient(p.V(0))] },
            { nameof(Stencils.DoLoopStencil), rng => [rng.Vector(rng.Int(2, 14), -2, 2)], p => [DifferenceGradient(p.V(0), d => -Math.Sin(d))] },
        };
    }
}
