using System;

namespace Fluxion.Samples.OptionGreeks
{
    /// <summary>The textbook Greeks of a Black-Scholes call, to compare the generated derivatives with.</summary>
    /// <remarks>
    /// Written with the exact density φ (<see cref="Normal.Density"/>) and Φ (<see cref="Normal.Cdf"/>, exact to about
    /// 1e-16); they use S·φ(d1) = K·e^(−rT)·φ(d2), which holds for the exact φ.
    /// </remarks>
    public sealed record ClosedForms(
        double Delta, double StrikeSensitivity, double Rho, double Vega, double MaturitySensitivity,
        double Gamma, double Vanna, double Volga, double StrikeGamma)
    {
        /// <summary>Theta, the price's change per year as time passes: −∂C/∂T.</summary>
        public double Theta => -MaturitySensitivity;

        /// <summary>The Greeks at one point.</summary>
        public static ClosedForms Of(double spot, double strike, double rate, double volatility, double maturity)
        {
            double sqrtMaturity = Math.Sqrt(maturity);
            double deviation = volatility * sqrtMaturity;
            double d1 = (Math.Log(spot / strike) + (rate + volatility * volatility / 2.0) * maturity) / deviation;
            double d2 = d1 - deviation;
            double discount = Math.Exp(-rate * maturity);
            double density = Normal.Density(d1);
            double vega = spot * density * sqrtMaturity;
            return new ClosedForms(
                Delta: Normal.Cdf(d1),
                StrikeSensitivity: -discount * Normal.Cdf(d2),
                Rho: strike * maturity * discount * Normal.Cdf(d2),
                Vega: vega,
                MaturitySensitivity: spot * density * volatility / (2.0 * sqrtMaturity) + rate * strike * discount * Normal.Cdf(d2),
                Gamma: density / (spot * deviation),
                Vanna: -density * d2 / volatility,
                Volga: vega * d1 * d2 / volatility,
                StrikeGamma: discount * Normal.Density(d2) / (strike * deviation));
        }
    }
}
