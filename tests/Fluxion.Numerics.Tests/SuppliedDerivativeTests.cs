using System;
using System.Linq;
using Fluxion.Numerics.Tests.Functions;

namespace Fluxion.Numerics.Tests
{
    /// <summary>
    /// Derivatives supplied with [DerivativeOf] are what every first-order mode uses where the target is called: the catalog checks
    /// the gradients and Jvp of the callers against closed forms; these check a Vjp, and that the supplied derivative, not the
    /// target's code, is what is differentiated.
    /// </summary>
    public sealed class SuppliedDerivativeTests
    {
        [Fact]
        public void TheVjpOfLogSoftmaxIsTheClosedForm()
        {
            double[] w = { 0.3, -1.2, 2.0, 0.5 };
            double[] u = { 1.0, -0.5, 0.25, 2.0 };
            var y = new double[4];
            var gradient = new double[4];
            Supplied.LogSoftmax_Vjp(w, y, u, gradient);

            // ∂yᵢ/∂wⱼ = δᵢⱼ − softmaxⱼ, so (uᵀJ)ⱼ = uⱼ − softmaxⱼ Σ uᵢ.
            double lse = Library.LogSumExp(w);
            double[] expected = w.Select((v, j) => u[j] - Math.Exp(v - lse) * u.Sum()).ToArray();
            for (int j = 0; j < w.Length; j++)
            {
                Assert.Equal(expected[j], gradient[j], 1e-14);
                Assert.Equal(w[j] - lse, y[j]);
            }
        }

        [Theory]
        [InlineData(0.5)]
        [InlineData(2.0)]
        [InlineData(27.0)]
        public void TheBisectionIsDifferentiatedThroughItsSuppliedDerivative(double volume)
        {
            Supplied.CubeSide_Grad(volume, 1.0, out double dVolume, out _);
            Assert.Equal(1 / (3 * Math.Cbrt(volume * volume)), dVolume, 1e-12);
        }

        [Theory]
        [InlineData(0.5, -1.25, 2.0)]
        [InlineData(-1.5, 0.75, -0.5)]
        public void NoDerivativeFlowsThroughGradientStopInAnyMode(double prediction, double target, double scale)
        {
            double value = Supplied.StoppedGoal_Grad(prediction, target, scale, out double dPrediction, out double dTarget, out double dScale);
            Assert.Equal(Supplied.StoppedGoal(prediction, target, scale), value);
            Assert.Equal(2 * (prediction - target * scale) + scale, dPrediction, 1e-14);
            Assert.Equal(0.0, dTarget);
            Assert.Equal(0.0, dScale);

            Supplied.StoppedGoal_Jvp(prediction, target, scale, 0.5, 3.0, -2.0, out double directional);
            Assert.Equal(0.5 * dPrediction, directional, 1e-14);

            var gradient = new double[3];
            var hessian = new double[9];
            Supplied.StoppedGoal_Hessian(prediction, target, scale, gradient, hessian);
            Assert.Equal(new[] { dPrediction, 0.0, 0.0 }, gradient);
            Assert.Equal(new[] { 2.0, 0, 0, 0, 0, 0, 0, 0, 0 }, hessian);
        }

        [Fact]
        public void TheValueIsTheTargetsBitForBit()
        {
            Assert.Equal(Supplied.Distance(0.3, 0.7, 1.1), Supplied.Distance_Grad(0.3, 0.7, 1.1, out _, out _, out _));
            Assert.Equal(Supplied.Distance(0.3, 0.7, 1.1), Supplied.Distance_Jvp(0.3, 0.7, 1.1, 1, 2, 3, out _));
        }
    }
}
