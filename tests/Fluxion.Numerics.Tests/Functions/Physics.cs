using System;
using System.Collections.Generic;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>Formulas from mechanics, gravitation, thermodynamics and optics (natural or SI units).</summary>
    public static partial class Physics
    {
        public const double G = 6.674e-11;
        public const double GasConstant = 8.314462618;

        /// <summary>Range of a projectile launched at speed v and angle θ on flat ground.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public static double ProjectileRange(double v, double theta, double g) => v * v * Math.Sin(2 * theta) / g;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public static double KineticEnergy(double m, double v) => 0.5 * m * v * v;

        /// <summary>Relativistic energy m·γ with c = 1, γ = 1/√(1 − v²).</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public static double RelativisticEnergy(double m, double v) => m / Math.Sqrt(1 - v * v);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double GravitationalForce(double m1, double m2, double r) => G * m1 * m2 / (r * r);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double PendulumPeriod(double length, double g) => 2 * Math.PI * Math.Sqrt(length / g);

        /// <summary>The Lennard-Jones potential 4ε[(σ/r)¹² − (σ/r)⁶].</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LennardJones(double r, double epsilon, double sigma)
        {
            double sr6 = Math.Pow(sigma / r, 6);
            return 4 * epsilon * (sr6 * sr6 - sr6);
        }

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double DampedOscillator(double amplitude, double gamma, double omega, double t) =>
            amplitude * Math.Exp(-gamma * t) * Math.Cos(omega * t);

        /// <summary>Planck's law in dimensionless form: x³ / (e^(x/T) − 1).</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Planck(double x, double temperature) => x * x * x / (Math.Exp(x / temperature) - 1);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double IdealGasPressure(double n, double temperature, double volume) => n * GasConstant * temperature / volume;

        /// <summary>Van der Waals pressure (bar) of one mole of CO₂ in volume V (L), at temperature T (K).</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double VanDerWaals(double volume, double temperature)
        {
            double r = 0.08314462618;
            double a = 3.640;
            double b = 0.04267;
            return r * temperature / (volume - b) - a / (volume * volume);
        }

        /// <summary>Kepler's third law with G·M = 1: T = 2π √(a³).</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double KeplerPeriod(double a, double mass) => 2 * Math.PI * Math.Sqrt(a * a * a / mass);

        /// <summary>Refraction angle by Snell's law, asin(n₁/n₂ · sin θ).</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double SnellAngle(double n1, double n2, double theta) => Math.Asin(n1 / n2 * Math.Sin(theta));

        /// <summary>Image distance of a thin lens: 1/(1/f − 1/d).</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ThinLensImage(double f, double d) => 1 / (1 / f - 1 / d);

        /// <summary>Circular orbital speed √(μ/r), μ = G·M in natural units.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double OrbitalSpeed(double mu, double r) => Math.Sqrt(mu / r);

        /// <summary>Doppler shift for a source approaching at speed v, c = 343 m/s.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public static double Doppler(double frequency, double v) => frequency * 343.0 / (343.0 - v);
    }

    public static class PhysicsCases
    {
        public static IEnumerable<GradientCase> All() => new CaseList(typeof(Physics))
        {
            {
                nameof(Physics.ProjectileRange),
                D(U(1, 50), U(0.05, 1.5), U(1, 25)),
                p =>
                {
                    var (v, th, g) = (p[0], p[1], p[2]);
                    return [2 * v * Math.Sin(2 * th) / g, 2 * v * v * Math.Cos(2 * th) / g, -v * v * Math.Sin(2 * th) / (g * g)];
                }
            },
            { nameof(Physics.KineticEnergy), D(U(0.1, 10), U(-10, 10)), p => [0.5 * p[1] * p[1], p[0] * p[1]] },
            {
                nameof(Physics.RelativisticEnergy),
                D(U(0.1, 10), U(-0.9, 0.9)),
                p =>
                {
                    double gamma = 1 / Math.Sqrt(1 - p[1] * p[1]);
                    return [gamma, p[0] * p[1] * gamma * gamma * gamma];
                }
            },
            {
                nameof(Physics.GravitationalForce),
                D(LogU(1e10, 1e11), LogU(1e10, 1e11), U(1, 3)),
                p =>
                {
                    var (m1, m2, r) = (p[0], p[1], p[2]);
                    return [Physics.G * m2 / (r * r), Physics.G * m1 / (r * r), -2 * Physics.G * m1 * m2 / (r * r * r)];
                }
            },
            {
                nameof(Physics.PendulumPeriod),
                D(U(0.1, 10), U(1, 25)),
                p =>
                {
                    double t = 2 * Math.PI * Math.Sqrt(p[0] / p[1]);
                    return [t / (2 * p[0]), -t / (2 * p[1])];
                }
            },
            {
                nameof(Physics.LennardJones),
                D(U(0.5, 3), U(0.1, 2), U(0.5, 2)).Where(p => p[0] / p[2] > 0.9 && p[0] / p[2] < 2.5),
                p =>
                {
                    var (r, eps, s) = (p[0], p[1], p[2]);
                    double sr6 = Math.Pow(s / r, 6);
                    return
                    [
                        4 * eps * (-12 * sr6 * sr6 + 6 * sr6) / r,
                        4 * (sr6 * sr6 - sr6),
                        4 * eps * (12 * sr6 * sr6 - 6 * sr6) / s,
                    ];
                }
            },
            {
                nameof(Physics.DampedOscillator),
                D(U(0.1, 5), U(0, 2), U(0.5, 10), U(0, 5)),
                p =>
                {
                    var (a, g, w, t) = (p[0], p[1], p[2], p[3]);
                    double e = Math.Exp(-g * t), c = Math.Cos(w * t), s = Math.Sin(w * t);
                    return [e * c, -t * a * e * c, -a * e * s * t, a * e * (-g * c - w * s)];
                }
            },
            {
                nameof(Physics.Planck),
                D(U(0.1, 10), U(0.5, 5)),
                p =>
                {
                    var (x, temp) = (p[0], p[1]);
                    double e = Math.Exp(x / temp), den = e - 1;
                    return [3 * x * x / den - x * x * x * e / (temp * den * den), x * x * x * x * e / (temp * temp * den * den)];
                }
            },
            {
                nameof(Physics.IdealGasPressure),
                D(U(0.1, 10), U(200, 400), U(0.01, 1)),
                p =>
                {
                    var (n, t, v) = (p[0], p[1], p[2]);
                    double r = Physics.GasConstant;
                    return [r * t / v, n * r / v, -n * r * t / (v * v)];
                }
            },
            {
                nameof(Physics.VanDerWaals),
                D(LogU(0.2, 20), U(200, 600)),
                p =>
                {
                    var (v, t) = (p[0], p[1]);
                    double r = 0.08314462618, b = 0.04267;
                    return [-r * t / ((v - b) * (v - b)) + 2 * 3.640 / (v * v * v), r / (v - b)];
                }
            },
            {
                nameof(Physics.KeplerPeriod),
                D(U(0.3, 30), U(0.1, 10)),
                p =>
                {
                    double t = 2 * Math.PI * Math.Sqrt(p[0] * p[0] * p[0] / p[1]);
                    return [1.5 * t / p[0], -0.5 * t / p[1]];
                }
            },
            {
                nameof(Physics.SnellAngle),
                D(U(1, 1.6), U(1, 1.6), U(-1.2, 1.2)).Where(p => Math.Abs(p[0] / p[1] * Math.Sin(p[2])) < 0.95),
                p =>
                {
                    var (n1, n2, th) = (p[0], p[1], p[2]);
                    double u = n1 / n2 * Math.Sin(th);
                    double k = 1 / Math.Sqrt(1 - u * u);
                    return [k * Math.Sin(th) / n2, -k * n1 * Math.Sin(th) / (n2 * n2), k * n1 / n2 * Math.Cos(th)];
                }
            },
            {
                nameof(Physics.ThinLensImage),
                D(U(0.1, 2), U(0.1, 10)).Where(p => p[1] > 1.2 * p[0]),
                p =>
                {
                    double di = p[0] * p[1] / (p[1] - p[0]);
                    return [di * di / (p[0] * p[0]), -di * di / (p[1] * p[1])];
                }
            },
            {
                nameof(Physics.OrbitalSpeed),
                D(U(0.5, 5), U(0.5, 5)),
                p =>
                {
                    double v = Math.Sqrt(p[0] / p[1]);
                    return [v / (2 * p[0]), -v / (2 * p[1])];
                }
            },
            {
                nameof(Physics.Doppler),
                D(U(100, 1000), U(-100, 100)),
                p => [343.0 / (343.0 - p[1]), p[0] * 343.0 / ((343.0 - p[1]) * (343.0 - p[1]))]
            },
        };
    }
}
