using Fluxion;

namespace Fluxion.Samples.OptionGreeks
{
    /// <summary>A book of calls on one stock, each with its own strike, maturity and quantity.</summary>
    public static partial class Portfolio
    {
        /// <summary>
        /// Σ quantityᵢ · C(S, Kᵢ, r, σ, Tᵢ), through <see cref="BlackScholes.Call"/>. Differentiated with respect to the
        /// market (spot, rate, volatility) and each option's strike and maturity; the quantities are passed through.
        /// </summary>
        /// <remarks>Fluxion generates <c>Value_Grad(spot, rate, volatility, strikes, maturities, quantities, out dspot,
        /// out drate, out dvolatility, Span&lt;double&gt; dstrikes, Span&lt;double&gt; dmaturities)</c>.</remarks>
        [Differentiable(nameof(spot), nameof(rate), nameof(volatility), nameof(strikes), nameof(maturities))]
        public static double Value(double spot, double rate, double volatility, double[] strikes, double[] maturities, double[] quantities)
        {
            double total = 0.0;
            for (int i = 0; i < strikes.Length; i++)
            {
                total += quantities[i] * BlackScholes.Call(spot, strikes[i], rate, volatility, maturities[i]);
            }

            return total;
        }
    }
}
