using System;
using System.Runtime.CompilerServices;

namespace Fluxion.Benchmarks.Functions
{
    /// <summary>
    /// Black–Scholes price of a European call,
    /// C = S·N(d1) − K·e^(−rT)·N(d2), d1 = [ln(S/K) + (r + σ²/2)·T] / (σ√T), d2 = d1 − σ√T,
    /// differentiated with respect to all five inputs (delta, ∂C/∂K, rho, vega, ∂C/∂T).
    /// The normal CDF is N(x) = ½·[1 + erf(x/√2)] with the erf approximation 7.1.26 of
    /// Abramowitz and Stegun (absolute error below 1.5·10⁻⁷), written without branches.
    /// </summary>
    public static partial class BlackScholes
    {
        private const double P = 0.3275911;
        private const double A1 = 0.254829592;
        private const double A2 = -0.284496736;
        private const double A3 = 1.421413741;
        private const double A4 = -1.453152027;
        private const double A5 = 1.061405429;
        private const double InverseSqrt2 = 0.70710678118654752440;

        /// <summary>erf(x) ≈ sign(x)·[1 − t·(a1 + t·(a2 + t·(a3 + t·(a4 + t·a5))))·e^(−x²)], t = 1/(1 + p|x|).</summary>
        [Differentiable]
        public static double Erf(double x)
        {
            double t = 1.0 / (1.0 + P * Math.Abs(x));
            double poly = t * (A1 + t * (A2 + t * (A3 + t * (A4 + t * A5))));
            return Math.Sign(x) * (1.0 - poly * Math.Exp(-x * x));
        }

        /// <summary>The standard normal CDF through <see cref="Erf"/>.</summary>
        [Differentiable]
        public static double NormalCdf(double x) => 0.5 * (1.0 + Erf(x * InverseSqrt2));

        /// <summary>The call price; Fluxion generates <c>CallPrice_Grad</c>.</summary>
        [Differentiable]
        public static double CallPrice(double spot, double strike, double rate, double vol, double time)
        {
            double sqrtTime = Math.Sqrt(time);
            double volSqrtTime = vol * sqrtTime;
            double d1 = (Math.Log(spot / strike) + (rate + 0.5 * vol * vol) * time) / volSqrtTime;
            double d2 = d1 - volSqrtTime;
            double discount = Math.Exp(-rate * time);
            return spot * NormalCdf(d1) - strike * discount * NormalCdf(d2);
        }

        /// <summary>
        /// Hand-written gradient as an expert writes it, one forward and one backward pass. It
        /// differentiates the same approximation as <see cref="CallPrice"/> (the closed-form
        /// greeks N(d1), S·φ(d1)·√T, … are derivatives of the exact price, and differ from these
        /// by the approximation's error), and takes the sign of erf with
        /// <see cref="Math.CopySign(double, double)"/>, a branch-free intrinsic, where the source
        /// multiplies by <see cref="Math.Sign(double)"/>, a call (same result for x ≠ 0).
        /// With g1 = S·N′(d1), g2 = −K·e^(−rT)·N′(d2), q = (g1 + g2)/(σ√T) and
        /// v = −g2 − q·d1 (the adjoint of σ√T):
        /// ∂C/∂S = N(d1) + q/S, ∂C/∂K = −e^(−rT)·N(d2) − q/K, ∂C/∂r = q·T + K·e^(−rT)·N(d2)·T,
        /// ∂C/∂σ = q·σ·T + v·√T, ∂C/∂T = q·(r + σ²/2) + v·σ/(2√T) + K·e^(−rT)·N(d2)·r.
        /// </summary>
        public static double HandGradient(
            double spot, double strike, double rate, double vol, double time,
            out double dspot, out double dstrike, out double drate, out double dvol, out double dtime)
            => Gradient<CopySign>(spot, strike, rate, vol, time, out dspot, out dstrike, out drate, out dvol, out dtime);

        /// <summary>
        /// <see cref="HandGradient"/> with the same <see cref="Math"/> calls as the source
        /// (<see cref="Math.Sign(double)"/>), to separate the cost of the derivative arithmetic
        /// from the choice of library calls.
        /// </summary>
        public static double HandGradientSameCalls(
            double spot, double strike, double rate, double vol, double time,
            out double dspot, out double dstrike, out double drate, out double dvol, out double dtime)
            => Gradient<SignTimes>(spot, strike, rate, vol, time, out dspot, out dstrike, out drate, out dvol, out dtime);

        // The two hand-written variants differ only in how erf gets its sign; the JIT compiles
        // one specialised copy per struct type argument, so the choice costs nothing at run time.
        private interface ISign
        {
            static abstract double Apply(double magnitude, double sign);
        }

        private struct CopySign : ISign
        {
            public static double Apply(double magnitude, double sign) => Math.CopySign(magnitude, sign);
        }

        private struct SignTimes : ISign
        {
            public static double Apply(double magnitude, double sign) => Math.Sign(sign) * magnitude;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static double Gradient<TSign>(
            double spot, double strike, double rate, double vol, double time,
            out double dspot, out double dstrike, out double drate, out double dvol, out double dtime)
            where TSign : struct, ISign
        {
            double sqrtTime = Math.Sqrt(time);
            double volSqrtTime = vol * sqrtTime;
            double drift = rate + 0.5 * vol * vol;
            double d1 = (Math.Log(spot / strike) + drift * time) / volSqrtTime;
            double d2 = d1 - volSqrtTime;
            double discount = Math.Exp(-rate * time);
            double n1 = NormalCdfWithDensity<TSign>(d1, out double density1);
            double n2 = NormalCdfWithDensity<TSign>(d2, out double density2);
            double strikeDiscount = strike * discount;
            double price = spot * n1 - strikeDiscount * n2;

            double g1 = spot * density1;
            double g2 = -strikeDiscount * density2;
            double q = (g1 + g2) / volSqrtTime;
            double v = -g2 - q * d1;
            double discounted = strikeDiscount * n2;
            dspot = n1 + q / spot;
            dstrike = -discount * n2 - q / strike;
            drate = (q + discounted) * time;
            dvol = q * vol * time + v * sqrtTime;
            dtime = q * drift + v * vol * 0.5 / sqrtTime + discounted * rate;
            return price;
        }

        // N(x) as NormalCdf computes it, and the derivative of that approximation:
        // with u = x/√2, a = |u|, t = 1/(1 + p·a), poly(t) = t·(a1 + t·(a2 + …)),
        // d erf/du = e^(−u²)·[p·t²·poly′(t) + 2·a·poly(t)], and N′(x) = d erf/du / (2√2).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static double NormalCdfWithDensity<TSign>(double x, out double density)
            where TSign : struct, ISign
        {
            double u = x * InverseSqrt2;
            double a = Math.Abs(u);
            double t = 1.0 / (1.0 + P * a);
            double poly = t * (A1 + t * (A2 + t * (A3 + t * (A4 + t * A5))));
            double slope = A1 + t * (2.0 * A2 + t * (3.0 * A3 + t * (4.0 * A4 + t * (5.0 * A5))));
            double gauss = Math.Exp(-u * u);
            density = 0.5 * InverseSqrt2 * gauss * (P * t * t * slope + 2.0 * a * poly);
            return 0.5 * (1.0 + TSign.Apply(1.0 - poly * gauss, u));
        }

        /// <summary>Central finite differences over the 5 inputs: 10 calls of <see cref="CallPrice"/>.</summary>
        public static void FiniteDifference(
            double spot, double strike, double rate, double vol, double time,
            out double dspot, out double dstrike, out double drate, out double dvol, out double dtime)
        {
            double h;
            h = Step.For(spot); dspot = (CallPrice(spot + h, strike, rate, vol, time) - CallPrice(spot - h, strike, rate, vol, time)) / (2.0 * h);
            h = Step.For(strike); dstrike = (CallPrice(spot, strike + h, rate, vol, time) - CallPrice(spot, strike - h, rate, vol, time)) / (2.0 * h);
            h = Step.For(rate); drate = (CallPrice(spot, strike, rate + h, vol, time) - CallPrice(spot, strike, rate - h, vol, time)) / (2.0 * h);
            h = Step.For(vol); dvol = (CallPrice(spot, strike, rate, vol + h, time) - CallPrice(spot, strike, rate, vol - h, time)) / (2.0 * h);
            h = Step.For(time); dtime = (CallPrice(spot, strike, rate, vol, time + h) - CallPrice(spot, strike, rate, vol, time - h)) / (2.0 * h);
        }
    }
}
