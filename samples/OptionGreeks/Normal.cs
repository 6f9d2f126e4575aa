using System;
using Fluxion;

namespace Fluxion.Samples.OptionGreeks
{
    /// <summary>The standard normal distribution, in plain C#.</summary>
    public static partial class Normal
    {
        /// <summary>1 / √(2π).</summary>
        private const double InverseSqrtTwoPi = 0.398942280401432677939946059934;

        /// <summary>
        /// Φ(x), the standard normal cumulative distribution, by Hart's double-precision algorithm (Hart 1968, in the form
        /// of West, "Better approximations to cumulative normal functions", 2005): a rational function times e^(−x²/2)
        /// below |x| = 7.07, a continued fraction above; absolute error about 1e-16. Fluxion differentiates it as written;
        /// its derivative differs from the density φ by less than 1e-14. Hvp makes the core that callers' Hessians call.
        /// </summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Hvp)]
        public static double Cdf(double x)
        {
            // |x| spelled as a branch on the same test as the reflection below, so that at x = 0 both take the same side;
            // Math.Abs counts 0 as positive, and its derivative there would disagree with the reflection's sign.
            double z = x > 0.0 ? x : -x;
            double tail = 0.0;
            if (z <= 37.0)
            {
                double gaussian = Math.Exp(-z * z / 2.0);
                if (z < 7.07106781186547)
                {
                    double numerator = 3.52624965998911E-02 * z + 0.700383064443688;
                    numerator = numerator * z + 6.37396220353165;
                    numerator = numerator * z + 33.912866078383;
                    numerator = numerator * z + 112.079291497871;
                    numerator = numerator * z + 221.213596169931;
                    numerator = numerator * z + 220.206867912376;
                    double denominator = 8.83883476483184E-02 * z + 1.75566716318264;
                    denominator = denominator * z + 16.064177579207;
                    denominator = denominator * z + 86.7807322029461;
                    denominator = denominator * z + 296.564248779674;
                    denominator = denominator * z + 637.333633378831;
                    denominator = denominator * z + 793.826512519948;
                    denominator = denominator * z + 440.413735824752;
                    tail = gaussian * numerator / denominator;
                }
                else
                {
                    double fraction = z + 0.65;
                    fraction = z + 4.0 / fraction;
                    fraction = z + 3.0 / fraction;
                    fraction = z + 2.0 / fraction;
                    fraction = z + 1.0 / fraction;
                    tail = gaussian / fraction / 2.506628274631;
                }
            }

            return x > 0.0 ? 1.0 - tail : tail;
        }

        /// <summary>φ(x) = e^(−x²/2) / √(2π), the standard normal density, for the closed-form Greeks.</summary>
        public static double Density(double x) => InverseSqrtTwoPi * Math.Exp(-x * x / 2.0);
    }
}
