using System;
using Fluxion.Numerics.Tests.Functions;
using Fluxion.Numerics.Tests.Harness;

namespace Fluxion.Numerics.Tests
{
    /// <summary>
    /// The Black-Scholes call's generated gradient against the textbook Greeks:
    /// delta = Φ(d1), ∂C/∂K = −e^(−rT)Φ(d2), rho = K·T·e^(−rT)Φ(d2), vega = S·φ(d1)·√T,
    /// ∂C/∂T = S·φ(d1)·σ/(2√T) + r·K·e^(−rT)Φ(d2).
    /// </summary>
    /// <remarks>
    /// The textbook forms use s·φ(d1) = k·e^(−rT)·φ(d2), true of the exact normal density φ. The
    /// price here is built on an erf approximation whose density n differs from φ by at most
    /// <see cref="DensityError"/> (checked below), so each Greek may differ from its textbook form by
    /// at most DensityError·(S·|∂d1/∂x| + K·e^(−rT)·|∂d2/∂x|). The exact derivative of the formula as
    /// written is checked to 1e-12 in the catalog (GradientAgreesWithExactDerivative).
    /// </remarks>
    public sealed class BlackScholesTests
    {
        /// <summary>max |n − φ| of Abramowitz &amp; Stegun 7.1.26 over the real line is about 2.5e-6 (near 0).</summary>
        private const double DensityError = 3e-6;

        private const int Draws = 256;

        [Fact]
        public void ApproximatedDensityIsCloseToTheNormalDensity()
        {
            var rng = new SplitMix64(SplitMix64.SeedFor("density"));
            for (int i = 0; i < Draws; i++)
            {
                double x = (rng.Bool() ? 1 : -1) * rng.Uniform(1e-3, 6);
                Finance.NormCdf_Grad(x, out double density);
                Assert.True(Math.Abs(density - BlackScholesReference.Phi(x)) <= DensityError, $"x = {x:R}: {density:R} vs {BlackScholesReference.Phi(x):R}");
            }
        }

        [Fact]
        public void GreeksMatchTheTextbookClosedForms()
        {
            var rng = new SplitMix64(SplitMix64.SeedFor("greeks"));
            Domain domain = BlackScholesReference.OptionDomain;
            for (int i = 0; i < Draws; i++)
            {
                double[] p = domain.Draw(rng);
                double s = p[0], k = p[1], r = p[2], sigma = p[3], t = p[4];
                double price = Finance.BlackScholesCall_Grad(s, k, r, sigma, t, out double delta, out double dStrike, out double rho, out double vega, out double dMaturity);
                Assert.Equal(Finance.BlackScholesCall(s, k, r, sigma, t), price);

                var (d1, d2) = BlackScholesReference.Ds(s, k, r, sigma, t);
                double sqrtT = Math.Sqrt(t);
                double disc = Math.Exp(-r * t);
                double cdf1 = Finance.NormCdf(d1), cdf2 = Finance.NormCdf(d2);
                double phi1 = BlackScholesReference.Phi(d1);
                double a = Math.Log(s / k) + r * t;
                double dd1dt = r / (sigma * sqrtT) - a / (2 * sigma * t * sqrtT) + sigma / (4 * sqrtT);

                Check("delta", delta, cdf1, Bound(s, k, disc, 1 / (s * sigma * sqrtT), 1 / (s * sigma * sqrtT)), p);
                Check("dC/dK", dStrike, -disc * cdf2, Bound(s, k, disc, 1 / (k * sigma * sqrtT), 1 / (k * sigma * sqrtT)), p);
                Check("rho", rho, k * t * disc * cdf2, Bound(s, k, disc, sqrtT / sigma, sqrtT / sigma), p);
                double dd1dsigma = -a / (sigma * sigma * sqrtT) + sqrtT / 2;
                Check("vega", vega, s * phi1 * sqrtT, Bound(s, k, disc, dd1dsigma, dd1dsigma - sqrtT), p);
                Check("dC/dT", dMaturity, s * phi1 * sigma / (2 * sqrtT) + r * k * disc * cdf2, Bound(s, k, disc, dd1dt, dd1dt - sigma / (2 * sqrtT)), p);
            }
        }

        /// <summary>Put-call parity C − P = S − K·e^(−rT) in value and in every partial derivative.</summary>
        [Fact]
        public void PutCallParityHoldsForTheGradients()
        {
            var rng = new SplitMix64(SplitMix64.SeedFor("parity"));
            Domain domain = BlackScholesReference.OptionDomain;
            for (int i = 0; i < Draws; i++)
            {
                double[] p = domain.Draw(rng);
                double s = p[0], k = p[1], r = p[2], sigma = p[3], t = p[4];
                double call = Finance.BlackScholesCall_Grad(s, k, r, sigma, t, out double cs, out double ck, out double cr, out double cv, out double ct);
                double put = Finance.BlackScholesPut_Grad(s, k, r, sigma, t, out double ps, out double pk, out double pr, out double pv, out double pt);
                double disc = Math.Exp(-r * t);
                Assert.True(Math.Abs(call - put - (s - k * disc)) <= 1e-10 * Math.Max(1, s), "value");
                Assert.True(Math.Abs(cs - ps - 1) <= 1e-12, "∂/∂S");
                Assert.True(Math.Abs(ck - pk + disc) <= 1e-12, "∂/∂K");
                Assert.True(Math.Abs(cr - pr - k * t * disc) <= 1e-12 * Math.Max(1, k * t), "∂/∂r");
                Assert.True(Math.Abs(cv - pv) <= 1e-12 * Math.Max(1, Math.Abs(cv)), "∂/∂σ");
                Assert.True(Math.Abs(ct - pt - r * k * disc) <= 1e-12 * Math.Max(1, Math.Abs(ct)), "∂/∂T");
            }
        }

        private static double Bound(double s, double k, double disc, double dd1, double dd2) =>
            DensityError * (s * Math.Abs(dd1) + k * disc * Math.Abs(dd2));

        private static void Check(string greek, double generated, double textbook, double bound, double[] p)
        {
            double tolerance = bound + 1e-12 * Math.Max(1, Math.Abs(textbook));
            Assert.True(
                Math.Abs(generated - textbook) <= tolerance,
                $"{greek} at S={p[0]:R} K={p[1]:R} r={p[2]:R} σ={p[3]:R} T={p[4]:R}: generated {generated:R}, textbook {textbook:R}, allowed {tolerance:G3}");
        }
    }
}
