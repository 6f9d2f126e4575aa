using System;
using System.Collections.Generic;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>double's own math (double.ExpM1, double.Hypot, double.SinPi, …), Math.ScaleB and Math.CopySign, and rounding modes.</summary>
    public static partial class DoubleMath
    {
        private const Derivatives All = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian;

        [Differentiable(Derivatives = All)]
        public static double Accurate(double x) => double.ExpM1(x) + double.LogP1(x) + double.Log2P1(x) + double.Log10P1(x);

        [Differentiable(Derivatives = All)]
        public static double Powers(double x) => double.Exp2(x) + double.Exp10(0.5 * x) + double.RootN(x, 5) + double.Cbrt(x) + double.Sin(x);

        [Differentiable(Derivatives = All)]
        public static double Length(double x, double y) => double.Hypot(x, y) * double.Sqrt(y * y + 1);

        [Differentiable(Derivatives = All)]
        public static double HalfTurns(double x) => double.SinPi(x) + double.CosPi(x) + double.TanPi(0.2 * x) + double.AsinPi(0.5 * x)
            + double.AcosPi(0.4 * x) + double.AtanPi(x);

        [Differentiable(Derivatives = All)]
        public static double Angles(double degrees, double radians) => double.DegreesToRadians(degrees) * double.RadiansToDegrees(radians);

        [Differentiable(Derivatives = All)]
        public static double Blend(double a, double b, double t) => double.Lerp(a, b, t) * b;

        [Differentiable(Derivatives = All)]
        public static double Signs(double x, double y, int n) => Math.CopySign(x, y) * Math.ScaleB(x, n) + Math.Round(x, MidpointRounding.AwayFromZero)
            + Math.Round(y, 1, MidpointRounding.ToZero) * y;
    }

    public static class DoubleMathCases
    {
        public static IEnumerable<GradientCase> All() => new CaseList(typeof(DoubleMath))
        {
            {
                nameof(DoubleMath.Accurate),
                D(U(-0.5, 2)),
                p => [Math.Exp(p[0]) + (1 + 1 / Math.Log(2) + 1 / Math.Log(10)) / (1 + p[0])]
            },
            {
                nameof(DoubleMath.Powers),
                D(U(0.2, 3)),
                p => [Math.Log(2) * Math.Pow(2, p[0]) + 0.5 * Math.Log(10) * Math.Pow(10, 0.5 * p[0]) + Math.Pow(p[0], -0.8) / 5
                    + Math.Pow(p[0], -2.0 / 3) / 3 + Math.Cos(p[0])]
            },
            {
                nameof(DoubleMath.Length),
                D(U(-2, 2), U(-2, 2)).Where(p => p[0] * p[0] + p[1] * p[1] > 0.01),
                p =>
                {
                    double r = Math.Sqrt(p[0] * p[0] + p[1] * p[1]);
                    double s = Math.Sqrt(p[1] * p[1] + 1);
                    return [p[0] / r * s, p[1] / r * s + r * p[1] / s];
                }
            },
            {
                nameof(DoubleMath.HalfTurns),
                D(U(-1, 1)),
                p =>
                {
                    double x = p[0];
                    double tan = Math.Tan(Math.PI * 0.2 * x);
                    return [Math.PI * Math.Cos(Math.PI * x) - Math.PI * Math.Sin(Math.PI * x) + 0.2 * Math.PI * (1 + tan * tan)
                        + 0.5 / (Math.PI * Math.Sqrt(1 - 0.25 * x * x)) - 0.4 / (Math.PI * Math.Sqrt(1 - 0.16 * x * x)) + 1 / (Math.PI * (1 + x * x))];
                }
            },
            { nameof(DoubleMath.Angles), D(U(-90, 90), U(-2, 2)), p => [Math.PI / 180 * p[1] * 180 / Math.PI, p[0] * Math.PI / 180 * 180 / Math.PI] },
            {
                nameof(DoubleMath.Blend),
                D(U(-2, 2), U(-2, 2), U(0, 1)),
                p => [(1 - p[2]) * p[1], p[2] * p[1] + (p[0] + (p[1] - p[0]) * p[2]), (p[1] - p[0]) * p[1]]
            },
            {
                nameof(DoubleMath.Signs),
                D(U(-2, 2), U(-2, 2), Int(-3, 3)).Where(p => Math.Abs(p[0]) > 1e-3 && Math.Abs(p[1]) > 1e-3 && Coords.FromHalfInteger(p[0]) > 1e-3
                    && Math.Abs(p[1] * 10 - Math.Round(p[1] * 10)) > 1e-2),
                p => [2 * Math.Abs(p[0]) * Math.Sign(p[1]) * Math.Pow(2, p[2]), Math.Round(p[1], 1, MidpointRounding.ToZero)]
            },
        };
    }
}
