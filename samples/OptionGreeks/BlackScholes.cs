using System;
using Fluxion;

namespace Fluxion.Samples.OptionGreeks
{
    /// <summary>The Black-Scholes price of a European call on a stock without dividends, differentiated by Fluxion.</summary>
    public static partial class BlackScholes
    {
        /// <summary>
        /// C = S·Φ(d1) − K·e^(−rT)·Φ(d2), d1 = (ln(S/K) + (r + σ²/2)·T) / (σ√T), d2 = d1 − σ√T, with Φ
        /// <see cref="Normal.Cdf"/>, itself <c>[Differentiable]</c>: the chain rule runs through its generated <c>Cdf_Grad</c>,
        /// and for second derivatives through its Hvp core too.
        /// </summary>
        /// <remarks>Fluxion generates
        /// <c>Call_Grad(spot, strike, rate, volatility, maturity, out dspot, out dstrike, out drate, out dvolatility, out dmaturity)</c>
        /// and <c>Call_Hessian(spot, strike, rate, volatility, maturity, Span&lt;double&gt; gradient, Span&lt;double&gt; hessian)</c>,
        /// the 5 × 5 matrix over (S, K, r, σ, T) row by row.</remarks>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Hessian)]
        public static double Call(double spot, double strike, double rate, double volatility, double maturity)
        {
            double deviation = volatility * Math.Sqrt(maturity);
            double d1 = (Math.Log(spot / strike) + (rate + volatility * volatility / 2.0) * maturity) / deviation;
            double d2 = d1 - deviation;
            return spot * Normal.Cdf(d1) - strike * Math.Exp(-rate * maturity) * Normal.Cdf(d2);
        }
    }
}
