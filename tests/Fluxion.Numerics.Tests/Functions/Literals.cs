using System.Collections.Generic;
using Fluxion.Numerics.Tests.Harness;
using static Fluxion.Numerics.Tests.Harness.Coords;

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>
    /// Numeric literals in every spelling C# allows. The value check (the _Grad's value must equal the
    /// original's bit for bit) catches a literal read back with a different value.
    /// </summary>
    public static partial class Literals
    {
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Scientific(double x) => 1e-3 * x * x + 2.5E+2 * x + 7.5e-1;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Hexadecimal(double x) => 0x10 * x + 0xFF;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double Binary(double x) => 0b101 * x - 0B11;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double DigitSeparators(double x, double y) => 1_000 * x + 1_000.5 * y + 0x_0F + 0b_1_0;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double DoubleSuffix(double x) => 2d * x + 3D;

        /// <summary>0.1f is not 0.1: it is the float nearest 0.1, widened to double.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double FloatSuffix(double x, double y) => 0.1f * x + 2F * y;

        /// <summary>2f / 3f is a float division (0.6666667f), folded by the compiler before widening.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double FloatQuotient(double x) => 2f / 3f * x;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LongSuffix(double x) => 5L * x + 7L;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double UnsignedSuffixes(double x, double y) => 7u * x + 3UL * y + 2ul;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double LeadingDot(double x) => .5 * x + 5.0e0 * x + 1.0E-0;

        /// <summary>A product of literals far apart in magnitude, folded before it meets x.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double ExtremeMagnitudes(double x) => 1e-300 * 1e300 * x + 1e308 * 1e-308;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double IntegerLiterals(double x) => 2 * x * x + 3 * x + 1;

        /// <summary>0.1 + 0.2 is not 0.3 in binary; the sum must be the compiler's.</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
        public static double InexactDecimals(double x) => (0.1 + 0.2) * x + 0.3;
    }

    public static class LiteralCases
    {
        public static IEnumerable<GradientCase> All() => new CaseList(typeof(Literals))
        {
            { nameof(Literals.Scientific), D(U(-10, 10)), p => [2e-3 * p[0] + 250] },
            { nameof(Literals.Hexadecimal), D(U(-10, 10)), p => [16] },
            { nameof(Literals.Binary), D(U(-10, 10)), p => [5] },
            { nameof(Literals.DigitSeparators), D(U(-10, 10), U(-10, 10)), p => [1000, 1000.5] },
            { nameof(Literals.DoubleSuffix), D(U(-10, 10)), p => [2] },
            { nameof(Literals.FloatSuffix), D(U(-10, 10), U(-10, 10)), p => [(double)0.1f, 2] },
            { nameof(Literals.FloatQuotient), D(U(-10, 10)), p => [(double)(2f / 3f)] },
            { nameof(Literals.LongSuffix), D(U(-10, 10)), p => [5] },
            { nameof(Literals.UnsignedSuffixes), D(U(-10, 10), U(-10, 10)), p => [7, 3] },
            { nameof(Literals.LeadingDot), D(U(-10, 10)), p => [5.5] },
            { nameof(Literals.ExtremeMagnitudes), D(U(-10, 10)), p => [1e-300 * 1e300] },
            { nameof(Literals.IntegerLiterals), D(U(-10, 10)), p => [4 * p[0] + 3] },
            { nameof(Literals.InexactDecimals), D(U(-10, 10)), p => [0.1 + 0.2] },
        };
    }
}
