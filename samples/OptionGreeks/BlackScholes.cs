using System;
using Fluxion;

namespace Fluxion.Samples.OptionGreeks
{
    /// <summary>The Black-Scholes price of a European call on a stock without dividends, differentiated by Fluxion.</summary>
    public static partial class BlackScholes
    {
        /// <summary>
        /// C = S·Φ(d1) − K·e^(−rT)·Φ(d2), d1 = (ln(S/K) + (r + σ²/2)·T) / (σ√T), d2 = d1 − σ√T, with Φ
        /// <see cref="Normal.Cdf"/>, itself <c>[Differentiable]</c>: the chain rule runs through its generated <c>Cdf_Grad</c>.
        /// </summary>
        /// <remarks>Fluxion generates
        /// <c>Call_Grad(spot, strike, rate, volatility, maturity, out dspot, out dstrike, out drate, out dvolatility, out dmaturity)</c>.</remarks>
        [Differentiable]
        public static double Call(double spot, double strike, double rate, double volatility, double maturity)
        {
            double deviation = volatility * Math.Sqrt(maturity);
            double d1 = (Math.Log(spot / strike) + (rate + volatility * volatility / 2.0) * maturity) / deviation;
            double d2 = d1 - deviation;
            return spot * Normal.Cdf(d1) - strike * Math.Exp(-rate * maturity) * Normal.Cdf(d2);
        }

        /// <summary>
        /// The same price with Φ written out in the body, for second derivatives: Fluxion cannot yet generate a Hessian
        /// through a call of another <c>[Differentiable]</c> method (FLX0016), so <see cref="Normal.Cdf"/>'s algorithm runs
        /// here once per leg of the price, in a loop over Φ(d1) and Φ(d2).
        /// </summary>
        /// <remarks>Fluxion generates <c>CallInline_Hessian(spot, strike, rate, volatility, maturity, Span&lt;double&gt; gradient,
        /// Span&lt;double&gt; hessian)</c>, the 5 × 5 matrix over (S, K, r, σ, T) row by row.</remarks>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Hessian)]
        public static double CallInline(double spot, double strike, double rate, double volatility, double maturity)
        {
            double deviation = volatility * Math.Sqrt(maturity);
            double d1 = (Math.Log(spot / strike) + (rate + volatility * volatility / 2.0) * maturity) / deviation;
            double d2 = d1 - deviation;
            double price = 0.0;
            for (int leg = 0; leg < 2; leg++)
            {
                double x = leg == 0 ? d1 : d2;
                double weight = leg == 0 ? spot : -strike * Math.Exp(-rate * maturity);

                // Normal.Cdf(x), line for line.
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

                price += weight * (x > 0.0 ? 1.0 - tail : tail);
            }

            return price;
        }
    }
}
