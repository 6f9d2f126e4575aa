using System;
using Fluxion.Numerics.Tests.Functions;

namespace Fluxion.Numerics.Tests
{
    /// <summary>Instance methods get instance gradients that read the instance's fields, properties and methods as the method does.</summary>
    public sealed class InstanceMethodTests
    {
        private static double Series(double x) => 0.5 * Math.Sin(0) + 1.5 * Math.Sin(x) - 0.25 * Math.Sin(2 * x);

        [Theory]
        [InlineData(0.3, -1.2)]
        [InlineData(-1.7, 0.4)]
        public void TheGradientOfAnInstanceMethodIsTheClosedForm(double x, double v)
        {
            var oscillator = new Oscillator(2.5) { Damping = 0.3 };
            double value = oscillator.Energy_Grad(x, v, out double dx, out double dv);
            Assert.Equal(oscillator.Energy(x, v), value);
            Assert.Equal(2.5 * x + 0.3 * v + 1.5 * Math.Cos(x) - 0.5 * Math.Cos(2 * x), dx, 1e-14);
            Assert.Equal(0.3 * x, dv, 1e-15);
            Assert.Equal(0.5 * 2.5 * x * x + 0.3 * v * x + Series(x), value, 1e-14);

            oscillator.Energy_Jvp(x, v, 0.5, -2.0, out double directional);
            Assert.Equal(0.5 * dx - 2.0 * dv, directional, 1e-14);
        }

        [Fact]
        public void TheHessianOfAnInstanceMethodGoesThroughItsInstanceCallee()
        {
            var oscillator = new Oscillator(2.5) { Damping = 0.3 };
            var gradient = new double[2];
            var hessian = new double[4];
            oscillator.Energy_Hessian(0.7, -0.2, gradient, hessian);
            double xx = 2.5 - 1.5 * Math.Sin(0.7) + Math.Sin(1.4);
            Assert.Equal(xx, hessian[0], 1e-13);
            Assert.Equal(0.3, hessian[1], 1e-15);
            Assert.Equal(0.3, hessian[2], 1e-15);
            Assert.Equal(0.0, hessian[3]);
        }

        [Fact]
        public void ARecordStructsGradientReadsItsMembers()
        {
            var spring = new Spring(4.0, 1.5);
            Assert.Equal(spring.Energy(2.0), spring.Energy_Grad(2.0, out double dx));
            Assert.Equal(4.0 * 0.5, dx);
            spring.Energy_Jvp(2.0, 3.0, out double directional);
            Assert.Equal(3.0 * dx, directional);
        }
    }
}
