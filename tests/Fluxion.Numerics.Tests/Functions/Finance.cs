using System;
using System.Collections.Generic;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>Interest, annuities, bonds, utility, portfolios and the Black-Scholes call with its Greeks.</summary>
    public static partial class Finance
    {
        // Abramowitz & Stegun 7.1.26: erf x ≈ 1 − t(a1 + t(a2 + t(a3 + t(a4 + t·a5))))·e^(−x²),
        // t = 1/(1 + p·x), for x ≥ 0, with |error| ≤ 1.5e-7.
        public const double P = 0.3275911;
        public const double A1 = 0.254829592;
        public const double A2 = -0.284496736;
        public const double A3 = 1.421413741;
        public const double A4 = -1.453152027;
        public const double A5 = 1.061405429;
        public static readonly double InvSqrt2 = 1 / Math.Sqrt(2);

        /// <summary>
        /// The error function, extended to negative x by oddness through Sign and Abs, so that it is
        /// straight-line code. The approximation is not exactly 0 at 0 (1 − Σaᵢ ≈ −1e-9), so it
        /// jumps by ~2e-9 there: its points are drawn away from 0.
        /// </summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Erf(double x)
        {
            double ax = Math.Abs(x);
            double t = 1 / (1 + P * ax);
            double poly = t * (A1 + t * (A2 + t * (A3 + t * (A4 + t * A5))));
            return Math.Sign(x) * (1 - poly * Math.Exp(-ax * ax));
        }

        /// <summary>The standard normal distribution function Φ(x) = (1 + erf(x/√2))/2.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double NormCdf(double x) => 0.5 * (1 + Erf(x * InvSqrt2));

        /// <summary>Black-Scholes price of a European call: spot s, strike k, rate r, volatility σ, maturity t.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double BlackScholesCall(double s, double k, double r, double sigma, double t)
        {
            double sqrtT = Math.Sqrt(t);
            double d1 = (Math.Log(s / k) + (r + sigma * sigma / 2) * t) / (sigma * sqrtT);
            double d2 = d1 - sigma * sqrtT;
            return s * NormCdf(d1) - k * Math.Exp(-r * t) * NormCdf(d2);
        }

        /// <summary>The European put through put-call parity: P = C − S + K·e^(−rT).</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public static double BlackScholesPut(double s, double k, double r, double sigma, double t) =>
            BlackScholesCall(s, k, r, sigma, t) - s + k * Math.Exp(-r * t);

        /// <summary>A principal compounded n times a year at rate r for t years.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double CompoundInterest(double principal, double r, double t, int n) => principal * Math.Pow(1 + r / n, n * t);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ContinuousCompounding(double principal, double r, double t) => principal * Math.Exp(r * t);

        /// <summary>Present value of n payments c at rate r.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double AnnuityPresentValue(double c, double r, int n) => c * (1 - Math.Pow(1 + r, -n)) / r;

        /// <summary>A five-year bond with annual coupons, discounted step by step.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double BondPrice(double face, double coupon, double y)
        {
            double v = 1 / (1 + y);
            double discount = v;
            double price = coupon * discount;
            discount *= v;
            price += coupon * discount;
            discount *= v;
            price += coupon * discount;
            discount *= v;
            price += coupon * discount;
            discount *= v;
            price += (coupon + face) * discount;
            return price;
        }

        /// <summary>Constant relative risk aversion utility (c^(1−γ) − 1)/(1 − γ).</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double CrraUtility(double c, double gamma) => (Math.Pow(c, 1 - gamma) - 1) / (1 - gamma);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SharpeRatio(double mu, double riskFree, double sigma) => (mu - riskFree) / sigma;

        /// <summary>Variance of a two-asset portfolio with weight w in the first asset.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double PortfolioVariance(double w, double s1, double s2, double rho) =>
            w * w * s1 * s1 + (1 - w) * (1 - w) * s2 * s2 + 2 * w * (1 - w) * rho * s1 * s2;

        /// <summary>Variance of a geometric Brownian motion at time t.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LognormalVariance(double s, double mu, double sigma, double t) =>
            s * s * Math.Exp(2 * mu * t) * (Math.Exp(sigma * sigma * t) - 1);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LogReturn(double p0, double p1) => Math.Log(p1 / p0);
    }

    /// <summary>Hand-derived derivatives of the approximated erf and of the Black-Scholes formula built on it.</summary>
    public static class BlackScholesReference
    {
        /// <summary>
        /// The derivative of <see cref="Finance.Erf"/> as written (not of the true erf):
        /// e^(−x²)·(2|x|·poly + p·t²·dpoly/dt), the same on both sides of 0.
        /// </summary>
        public static double ErfDerivative(double x)
        {
            double ax = Math.Abs(x);
            double t = 1 / (1 + Finance.P * ax);
            double poly = t * (Finance.A1 + t * (Finance.A2 + t * (Finance.A3 + t * (Finance.A4 + t * Finance.A5))));
            double dpoly = Finance.A1 + t * (2 * Finance.A2 + t * (3 * Finance.A3 + t * (4 * Finance.A4 + t * 5 * Finance.A5)));
            return Math.Exp(-x * x) * (2 * ax * poly + Finance.P * t * t * dpoly);
        }

        /// <summary>n(x) = Φ'(x) of the approximated Φ.</summary>
        public static double NormDensity(double x) => 0.5 * ErfDerivative(x * Finance.InvSqrt2) * Finance.InvSqrt2;

        /// <summary>The true standard normal density.</summary>
        public static double Phi(double x) => Math.Exp(-x * x / 2) / Math.Sqrt(2 * Math.PI);

        public static (double D1, double D2) Ds(double s, double k, double r, double sigma, double t)
        {
            double d1 = (Math.Log(s / k) + (r + sigma * sigma / 2) * t) / (sigma * Math.Sqrt(t));
            return (d1, d1 - sigma * Math.Sqrt(t));
        }

        /// <summary>
        /// ∂C/∂(s, k, r, σ, t) of the formula as written, by the chain rule through d1 and d2 with the
        /// approximated density n (no use of the identity s·φ(d1) = k·e^(−rt)·φ(d2), which only
        /// holds for the exact φ):
        /// ∂C/∂x = [s]'·Φ(d1) + s·n(d1)·∂d1/∂x − [k e^(−rt)]'·Φ(d2) − k e^(−rt)·n(d2)·∂d2/∂x.
        /// </summary>
        public static double[] CallGradient(double s, double k, double r, double sigma, double t)
        {
            var (d1, d2) = Ds(s, k, r, sigma, t);
            double sqrtT = Math.Sqrt(t);
            double disc = Math.Exp(-r * t);
            double n1 = NormDensity(d1), n2 = NormDensity(d2);
            double cdf2 = Finance.NormCdf(d2);
            double a = Math.Log(s / k) + r * t; // d1 = a/(σ√t) + σ√t/2
            double dd1ds = 1 / (s * sigma * sqrtT);
            double dd1dk = -1 / (k * sigma * sqrtT);
            double dd1dr = sqrtT / sigma;
            double dd1dsigma = -a / (sigma * sigma * sqrtT) + sqrtT / 2;
            double dd1dt = r / (sigma * sqrtT) - a / (2 * sigma * t * sqrtT) + sigma / (4 * sqrtT);
            double dd2dsigma = dd1dsigma - sqrtT;
            double dd2dt = dd1dt - sigma / (2 * sqrtT);
            return
            [
                Finance.NormCdf(d1) + s * n1 * dd1ds - k * disc * n2 * dd1ds,
                s * n1 * dd1dk - disc * cdf2 - k * disc * n2 * dd1dk,
                s * n1 * dd1dr + k * t * disc * cdf2 - k * disc * n2 * dd1dr,
                s * n1 * dd1dsigma - k * disc * n2 * dd2dsigma,
                s * n1 * dd1dt + r * k * disc * cdf2 - k * disc * n2 * dd2dt,
            ];
        }

        /// <summary>Spot, strike, rate, volatility, maturity, with d1 and d2 away from the erf's seam at 0.</summary>
        public static Domain OptionDomain => D(U(50, 150), U(50, 150), U(0, 0.1), U(0.1, 0.6), U(0.1, 3)).Where(p =>
        {
            var (d1, d2) = Ds(p[0], p[1], p[2], p[3], p[4]);
            return Math.Abs(d1) > 1e-3 && Math.Abs(d2) > 1e-3;
        });
    }

    public static class FinanceCases
    {
        public static IEnumerable<GradientCase> All() => new CaseList(typeof(Finance))
        {
            { nameof(Finance.Erf), D(Signed(1e-3, 4)), p => [BlackScholesReference.ErfDerivative(p[0])] },
            { nameof(Finance.NormCdf), D(Signed(1e-3, 5)), p => [BlackScholesReference.NormDensity(p[0])] },
            { nameof(Finance.BlackScholesCall), BlackScholesReference.OptionDomain, p => BlackScholesReference.CallGradient(p[0], p[1], p[2], p[3], p[4]) },
            {
                nameof(Finance.BlackScholesPut),
                BlackScholesReference.OptionDomain,
                p =>
                {
                    double[] g = BlackScholesReference.CallGradient(p[0], p[1], p[2], p[3], p[4]);
                    double disc = Math.Exp(-p[2] * p[4]);
                    return [g[0] - 1, g[1] + disc, g[2] - p[1] * p[4] * disc, g[3], g[4] - p[2] * p[1] * disc];
                }
            },
            {
                nameof(Finance.CompoundInterest),
                D(U(100, 10_000), U(0.001, 0.2), U(0.5, 30), Int(1, 12)),
                p =>
                {
                    var (pr, r, t, n) = (p[0], p[1], p[2], p[3]);
                    double b = 1 + r / n;
                    double a = pr * Math.Pow(b, n * t);
                    return [Math.Pow(b, n * t), pr * t * Math.Pow(b, n * t - 1), a * n * Math.Log(b)];
                }
            },
            {
                nameof(Finance.ContinuousCompounding),
                D(U(100, 10_000), U(0.001, 0.2), U(0.5, 30)),
                p =>
                {
                    double e = Math.Exp(p[1] * p[2]);
                    return [e, p[0] * p[2] * e, p[0] * p[1] * e];
                }
            },
            {
                nameof(Finance.AnnuityPresentValue),
                D(U(10, 1000), U(0.005, 0.2), Int(1, 40)),
                p =>
                {
                    var (c, r, n) = (p[0], p[1], p[2]);
                    double v = Math.Pow(1 + r, -n);
                    return [(1 - v) / r, c * (n * Math.Pow(1 + r, -n - 1) * r - (1 - v)) / (r * r)];
                }
            },
            {
                nameof(Finance.BondPrice),
                D(U(100, 1000), U(1, 100), U(0, 0.2)),
                p =>
                {
                    var (face, coupon, y) = (p[0], p[1], p[2]);
                    double dCoupon = 0, dy = 0;
                    for (int k = 1; k <= 5; k++)
                    {
                        dCoupon += Math.Pow(1 + y, -k);
                        dy -= k * coupon * Math.Pow(1 + y, -k - 1);
                    }

                    dy -= 5 * face * Math.Pow(1 + y, -6);
                    return [Math.Pow(1 + y, -5), dCoupon, dy];
                }
            },
            {
                nameof(Finance.CrraUtility),
                D(U(0.2, 5), U(1.5, 5)),
                p =>
                {
                    var (c, g) = (p[0], p[1]);
                    double cp = Math.Pow(c, 1 - g);
                    return [Math.Pow(c, -g), (-Math.Log(c) * cp * (1 - g) + (cp - 1)) / ((1 - g) * (1 - g))];
                }
            },
            {
                nameof(Finance.SharpeRatio),
                D(U(-0.2, 0.3), U(0, 0.05), U(0.05, 0.5)),
                p => [1 / p[2], -1 / p[2], -(p[0] - p[1]) / (p[2] * p[2])]
            },
            {
                nameof(Finance.PortfolioVariance),
                D(U(-0.5, 1.5), U(0.05, 0.5), U(0.05, 0.5), U(-1, 1)),
                p =>
                {
                    var (w, s1, s2, rho) = (p[0], p[1], p[2], p[3]);
                    return
                    [
                        2 * w * s1 * s1 - 2 * (1 - w) * s2 * s2 + 2 * (1 - 2 * w) * rho * s1 * s2,
                        2 * w * w * s1 + 2 * w * (1 - w) * rho * s2,
                        2 * (1 - w) * (1 - w) * s2 + 2 * w * (1 - w) * rho * s1,
                        2 * w * (1 - w) * s1 * s2,
                    ];
                }
            },
            {
                nameof(Finance.LognormalVariance),
                D(U(10, 200), U(-0.1, 0.2), U(0.05, 0.6), U(0.1, 5)),
                p =>
                {
                    var (s, mu, sg, t) = (p[0], p[1], p[2], p[3]);
                    double g = Math.Exp(2 * mu * t), e = Math.Exp(sg * sg * t);
                    double v = s * s * g * (e - 1);
                    return [2 * s * g * (e - 1), 2 * t * v, s * s * g * e * 2 * sg * t, 2 * mu * v + s * s * g * e * sg * sg];
                }
            },
            { nameof(Finance.LogReturn), D(U(10, 200), U(10, 200)), p => [-1 / p[0], 1 / p[1]] },
        };
    }
}
