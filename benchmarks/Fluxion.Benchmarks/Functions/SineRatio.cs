using System;

namespace Fluxion.Benchmarks.Functions
{
    /// <summary>F(x, y) = x·sin(y) / (1 + x²), the README's quick-start function.</summary>
    public static partial class SineRatio
    {
        /// <summary>The primal; Fluxion generates <c>F_Grad</c> beside it.</summary>
        [Differentiable]
        public static double F(double x, double y) => x * Math.Sin(y) / (1.0 + x * x);

        /// <summary>
        /// Hand-written gradient as an expert writes it: sin(y) and cos(y) from one
        /// <see cref="Math.SinCos"/> call, and one division shared by the value and both partials:
        /// ∂F/∂x = sin(y)·(1 − x²)/(1 + x²)², ∂F/∂y = x·cos(y)/(1 + x²).
        /// </summary>
        public static double HandGradient(double x, double y, out double dx, out double dy)
        {
            (double sin, double cos) = Math.SinCos(y);
            double xx = x * x;
            double inverse = 1.0 / (1.0 + xx);
            double sinOverSum = sin * inverse;
            dx = sinOverSum * (1.0 - xx) * inverse;
            dy = x * cos * inverse;
            return x * sinOverSum;
        }

        /// <summary>
        /// <see cref="HandGradient"/> with the same <see cref="Math"/> calls as the generated code
        /// (<see cref="Math.Sin"/> and <see cref="Math.Cos"/> separately), to separate the cost
        /// of the derivative arithmetic from the choice of library calls.
        /// </summary>
        public static double HandGradientSameCalls(double x, double y, out double dx, out double dy)
        {
            double sin = Math.Sin(y);
            double xx = x * x;
            double inverse = 1.0 / (1.0 + xx);
            double sinOverSum = sin * inverse;
            dx = sinOverSum * (1.0 - xx) * inverse;
            dy = x * Math.Cos(y) * inverse;
            return x * sinOverSum;
        }

        /// <summary>Central finite differences: 4 calls of <see cref="F"/>.</summary>
        public static void FiniteDifference(double x, double y, out double dx, out double dy)
        {
            double hx = Step.For(x), hy = Step.For(y);
            dx = (F(x + hx, y) - F(x - hx, y)) / (2.0 * hx);
            dy = (F(x, y + hy) - F(x, y - hy)) / (2.0 * hy);
        }
    }
}
