using System;
using Fluxion.Numerics.Tests.Functions;
using Fluxion.Numerics.Tests.Harness;

namespace Fluxion.Numerics.Tests
{
    /// <summary>Values at signed zeros, and the derivatives Fluxion documents at kinks (docs/derivatives.md).</summary>
    public sealed class SpecialValueTests
    {
        public static TheoryData<string> FunctionsDefinedAtZero => new()
        {
            "Operators.Identity",
            "Operators.Negate",
            "Operators.Square",
            "Operators.AddZero",
            "Elementary.Sin",
            "Elementary.Tanh",
            "Literals.DoubleSuffix",
            "Locals.ConstantLocal",
        };

        /// <summary>The value at −0.0 and +0.0 is the original's, sign of zero included.</summary>
        [Theory]
        [MemberData(nameof(FunctionsDefinedAtZero))]
        public void ValueKeepsTheSignOfZero(string name)
        {
            GradientCase c = Catalog.Get(name);
            foreach (double zero in new[] { -0.0, 0.0 })
            {
                double[] p = [zero];
                double expected = c.Value(p);
                double actual = c.ValueAndGradient(p, new double[1]);
                Assert.True(
                    BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual),
                    $"{name}({Show(zero)}): original {Show(expected)}, _Grad {Show(actual)}");
            }
        }

        [Fact]
        public void AbsTakesSlopePlusOneAtZero()
        {
            Elementary.Abs_Grad(0.0, out double right);
            Elementary.Abs_Grad(-0.0, out double left);
            Assert.Equal(1.0, right);
            Assert.Equal(1.0, left);
        }

        [Theory]
        [InlineData(-2.5)]
        [InlineData(0.0)]
        [InlineData(3.0)]
        public void MaxAndMinGiveATieToTheFirstArgument(double v)
        {
            Elementary.Max_Grad(v, v, out double maxA, out double maxB);
            Elementary.Min_Grad(v, v, out double minA, out double minB);
            Assert.Equal((1.0, 0.0), (maxA, maxB));
            Assert.Equal((1.0, 0.0), (minA, minB));
        }

        [Fact]
        public void ClampPassesTheSlopeToTheValueOnItsBounds()
        {
            Elementary.Clamp_Grad(-1.0, -1.0, 2.0, out double v1, out double lo1, out double hi1);
            Elementary.Clamp_Grad(2.0, -1.0, 2.0, out double v2, out double lo2, out double hi2);
            Assert.Equal((1.0, 0.0, 0.0), (v1, lo1, hi1));
            Assert.Equal((1.0, 0.0, 0.0), (v2, lo2, hi2));
        }

        /// <summary>At an integer, Floor, Ceiling, Round, Truncate and Sign still count as constants.</summary>
        [Fact]
        public void StepFunctionsHaveSlopeZeroOnTheirJumps()
        {
            Elementary.Floor_Grad(2.0, out double floor);
            Elementary.Ceiling_Grad(2.0, out double ceiling);
            Elementary.Round_Grad(2.5, out double round);
            Elementary.Truncate_Grad(-3.0, out double truncate);
            Elementary.Sign_Grad(0.0, out double sign);
            Assert.Equal(Math.Floor(2.0), floor);
            Assert.Equal(Math.Ceiling(2.0), ceiling);
            Assert.Equal(Math.Round(2.5), round);
            Assert.Equal(Math.Truncate(-3.0), truncate);
            Assert.Equal(0.0, sign);
        }

        private static string Show(double v) => BitConverter.DoubleToInt64Bits(v) == BitConverter.DoubleToInt64Bits(-0.0) ? "-0.0" : v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
    }
}
