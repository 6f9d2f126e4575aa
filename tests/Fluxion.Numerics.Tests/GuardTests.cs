using System;
using System.Collections.Generic;
using Fluxion.Numerics.Tests.Functions;

namespace Fluxion.Numerics.Tests
{
    /// <summary>
    /// Statements kept for their effect run in every generated method where the method runs them: a gradient, a directional
    /// derivative and a Hessian throw the method's exception (type, message, parameter name) at the points where it throws,
    /// and log the method's lines. The catalog checks their derivatives where nothing throws.
    /// </summary>
    public sealed class GuardTests
    {
        public static TheoryData<double> NegativeOrInfinite => new() { -1.0, -1e-300, double.NegativeInfinity, double.PositiveInfinity };

        [Theory]
        [MemberData(nameof(NegativeOrInfinite))]
        public void EveryModeThrowsWhatTheMethodThrows(double x)
        {
            Exception expected = Assert.ThrowsAny<ArgumentException>(() => Guards.GuardedPower(x));
            AssertSame(expected, Assert.ThrowsAny<ArgumentException>(() => Guards.GuardedPower_Grad(x, out _)));
            AssertSame(expected, Assert.ThrowsAny<ArgumentException>(() => Guards.GuardedPower_Jvp(x, 1.0, out _)));
            AssertSame(expected, Assert.ThrowsAny<ArgumentException>(() => Guards.GuardedPower_Hessian(x, new double[1], new double[1])));
        }

        [Fact]
        public void AThrowExpressionThrowsInEveryMode()
        {
            Exception expected = Assert.Throws<DivideByZeroException>(() => Guards.Ratio(1.0, 0.0));
            AssertSame(expected, Assert.Throws<DivideByZeroException>(() => Guards.Ratio_Grad(1.0, 0.0, out _, out _)));
            AssertSame(expected, Assert.Throws<DivideByZeroException>(() => Guards.Ratio_Jvp(1.0, 0.0, 1.0, 1.0, out _)));
            AssertSame(expected, Assert.Throws<DivideByZeroException>(() => Guards.Ratio_Hessian(1.0, 0.0, new double[2], new double[4])));
        }

        [Theory]
        [InlineData(-0.5, 1)]
        [InlineData(0.5, 3)]
        public void ASwitchArmThatThrowsThrowsInEveryMode(double x, int power)
        {
            Exception expected = Assert.ThrowsAny<Exception>(() => Guards.Piecewise(x, power));
            AssertSame(expected, Assert.ThrowsAny<Exception>(() => Guards.Piecewise_Grad(x, power, out _)));
            AssertSame(expected, Assert.ThrowsAny<Exception>(() => Guards.Piecewise_Jvp(x, power, 1.0, out _)));
            AssertSame(expected, Assert.ThrowsAny<Exception>(() => Guards.Piecewise_Hessian(x, power, new double[1], new double[1])));
        }

        [Fact]
        public void AThrowInsideALoopThrowsInEveryMode()
        {
            // Three steps from 1e6 are far from √1e6: the loop runs until its guard throws.
            Exception expected = Assert.Throws<InvalidOperationException>(() => Guards.NewtonSqrt(1e6, 3));
            AssertSame(expected, Assert.Throws<InvalidOperationException>(() => Guards.NewtonSqrt_Grad(1e6, 3, out _)));
            AssertSame(expected, Assert.Throws<InvalidOperationException>(() => Guards.NewtonSqrt_Jvp(1e6, 3, 1.0, out _)));
            AssertSame(expected, Assert.Throws<InvalidOperationException>(() => Guards.NewtonSqrt_Hessian(1e6, 3, new double[1], new double[1])));
        }

        [Fact]
        public void AnArrayOfTheWrongLengthThrowsWhatTheMethodThrows()
        {
            double[] w = { 1.0, 2.0 };
            Exception expected = Assert.Throws<ArgumentOutOfRangeException>(() => Guards.LoggedNorm(w));
            AssertSame(expected, Assert.Throws<ArgumentOutOfRangeException>(() => Guards.LoggedNorm_Grad(w, new double[2])));
            AssertSame(expected, Assert.Throws<ArgumentOutOfRangeException>(() => Guards.LoggedNorm_Jvp(w, new double[2], out _)));
        }

        [Fact]
        public void TheGradientAndTheDirectionalDerivativeLogWhatTheMethodLogs()
        {
            List<string> expected = Logged(() => Guards.LoggedSum(0.5, -1.25, 0.75));
            Assert.Equal(4, expected.Count);
            Assert.Equal(expected, Logged(() => Guards.LoggedSum_Grad(0.5, -1.25, 0.75, out _, out _, out _)));
            Assert.Equal(expected, Logged(() => Guards.LoggedSum_Jvp(0.5, -1.25, 0.75, 1.0, 0.0, 0.0, out _)));
            Assert.Equal(new[] { "norm of 3, -4, 12" }, Logged(() => Guards.LoggedNorm_Grad(new[] { 3.0, -4.0, 12.0 }, new double[3])));
        }

        [Fact]
        public void TheHessianLogsWhatTheMethodLogsOncePerColumnAndOnceForTheValue()
        {
            // One H·v per column, each running the method's computation once, then the method itself for the value.
            List<string> once = Logged(() => Guards.LoggedSum(0.5, -1.25, 0.75));
            List<string> hessian = Logged(() => Guards.LoggedSum_Hessian(0.5, -1.25, 0.75, new double[3], new double[9]));
            Assert.Equal(4 * once.Count, hessian.Count);
            for (int i = 0; i < hessian.Count; i++)
            {
                Assert.Equal(once[i % once.Count], hessian[i]);
            }
        }

        private static List<string> Logged(Action run)
        {
            EffectLog.Lines.Clear();
            run();
            var lines = new List<string>(EffectLog.Lines);
            EffectLog.Lines.Clear();
            return lines;
        }

        private static void AssertSame(Exception expected, Exception actual)
        {
            Assert.Equal(expected.GetType(), actual.GetType());
            Assert.Equal(expected.Message, actual.Message);
            Assert.Equal((expected as ArgumentException)?.ParamName, (actual as ArgumentException)?.ParamName);
        }
    }
}
