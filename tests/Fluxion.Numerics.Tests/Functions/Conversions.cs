using System;
using System.Collections.Generic;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>
    /// int, long and bool parameters (passed through, no gradient output) and numeric conversions
    /// between int, long and double in both directions.
    /// </summary>
    public static partial class Conversions
    {
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ScaleByInt(double x, int n) => x * n;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double PowIntExponent(double x, int n) => Math.Pow(x, n);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ScaleByLong(double x, long k) => x * k + k;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ExplicitDoubleCast(double x, int n) => (double)n / x;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double IntToDoubleLocal(double x, int n)
        {
            double d = n;
            return d * Math.Sin(x);
        }

        /// <summary>(int)y is piecewise constant: ∂/∂y = 0 between integers.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double TruncatingCast(double x, double y) => x * (int)y;

        /// <summary>A staircase plus the identity: derivative 1 between the steps.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LongCastStaircase(double x) => (long)(x * 10) / 10.0 + x;

        /// <summary>n / 2 is integer division; its value must not change to a double division.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double IntegerDivision(double x, int n) => x * (n / 2);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double MixedIntLongDouble(double x, int i, long l) => x * i + l * x * x + i * l;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double IntLocalFromDouble(double x, double y)
        {
            int k = (int)Math.Floor(y);
            return x * k + y;
        }

        /// <summary>A bool goes to an ordinary helper; the helper's result is a constant.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double BoolThroughHelper(double x, bool squared) => x * Helpers.Weight(squared);

        /// <summary>An ordinary static method whose argument depends only on an int is a constant.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double IntThroughHelper(double x, int n) => Math.Sin(x) * Helpers.Harmonic(n);

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LongLocalArithmetic(double x, long k)
        {
            long twice = 2 * k;
            twice += 1;
            double scaled = x * twice;
            return scaled * scaled;
        }

        /// <summary>long to int narrows (wrapping around), long to double widens.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double NarrowingAndWidening(double x, long k)
        {
            int low = (int)k;
            double wide = k;
            return x * low + wide * x * x;
        }

        /// <summary>An int parameter reassigned in the body.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ReassignedIntParameter(double x, int n)
        {
            n = n * n + 1;
            return Math.Exp(x / n);
        }
    }

    /// <summary>Ordinary static methods (not differentiable) used as constants.</summary>
    public static class Helpers
    {
        public static double Weight(bool strong) => strong ? 2.0 : 0.5;

        public static double Cube(double v) => v * v * v;

        public static double Two() => 2.0;

        public static double Harmonic(int n)
        {
            double sum = 0;
            for (int k = 1; k <= Math.Abs(n) + 1; k++)
            {
                sum += 1.0 / k;
            }

            return sum;
        }
    }

    public static class ConversionCases
    {
        public static IEnumerable<GradientCase> All() => new CaseList(typeof(Conversions))
        {
            { nameof(Conversions.ScaleByInt), D(U(-5, 5), Int(-5, 5)), p => [p[1]] },
            { nameof(Conversions.PowIntExponent), D(Signed(0.2, 3), Int(-3, 5)), p => [p[1] * Math.Pow(p[0], p[1] - 1)] },
            { nameof(Conversions.ScaleByLong), D(U(-5, 5), Int(-1_000_000, 1_000_000)), p => [p[1]] },
            { nameof(Conversions.ExplicitDoubleCast), D(Signed(0.2, 5), Int(-5, 5)), p => [-p[1] / (p[0] * p[0])] },
            { nameof(Conversions.IntToDoubleLocal), D(U(-5, 5), Int(-5, 5)), p => [p[1] * Math.Cos(p[0])] },
            { nameof(Conversions.TruncatingCast), D(U(-5, 5), U(-5, 5)).Where(p => FromInteger(p[1]) > 0.01), p => [(int)p[1], 0] },
            { nameof(Conversions.LongCastStaircase), D(U(-5, 5)).Where(p => FromInteger(p[0] * 10) > 0.01), p => [1] },
            { nameof(Conversions.IntegerDivision), D(U(-5, 5), Int(-9, 9)), p => [(int)p[1] / 2] },
            { nameof(Conversions.MixedIntLongDouble), D(U(-5, 5), Int(-5, 5), Int(-5, 5)), p => [p[1] + 2 * p[2] * p[0]] },
            { nameof(Conversions.IntLocalFromDouble), D(U(-5, 5), U(-5, 5)).Where(p => FromInteger(p[1]) > 0.01), p => [Math.Floor(p[1]), 1] },
            { nameof(Conversions.BoolThroughHelper), D(U(-5, 5), Flag), p => [p[1] != 0 ? 2.0 : 0.5] },
            { nameof(Conversions.IntThroughHelper), D(U(-5, 5), Int(-4, 4)), p => [Math.Cos(p[0]) * Helpers.Harmonic((int)p[1])] },
            { nameof(Conversions.LongLocalArithmetic), D(U(-3, 3), Int(-10, 10)), p => [2 * p[0] * (2 * p[1] + 1) * (2 * p[1] + 1)] },
            {
                nameof(Conversions.NarrowingAndWidening),
                D(U(-3, 3), Int(-5_000_000_000, 5_000_000_000)),
                p => [unchecked((int)(long)p[1]) + 2 * p[1] * p[0]]
            },
            {
                nameof(Conversions.ReassignedIntParameter),
                D(U(-5, 5), Int(-3, 3)),
                p =>
                {
                    int m = (int)(p[1] * p[1] + 1);
                    return [Math.Exp(p[0] / m) / m];
                }
            },
        };
    }
}
