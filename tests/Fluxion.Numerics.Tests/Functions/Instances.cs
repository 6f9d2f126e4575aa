using System;

namespace Fluxion.Numerics.Tests.Functions
{
    /// <summary>
    /// Instance methods of a class, a record and a struct: fields, properties and the instance's own methods are read as constants
    /// (InstanceMethodTests checks them against closed forms and differences).
    /// </summary>
    public sealed partial class Oscillator
    {
        private readonly double[] weights = { 0.5, 1.5, -0.25 };

        public Oscillator(double stiffness) => Stiffness = stiffness;

        public double Stiffness { get; }

        public double Damping { get; set; } = 0.1;

        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Hvp | Derivatives.Jvp)]
        public double Potential(double x) => 0.5 * Stiffness * x * x;

        /// <summary>½kx² + c·v·x + Σ wᵢ sin(i·x).</summary>
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
        public double Energy(double x, double v)
        {
            double series = 0;
            for (int i = 0; i < weights.Length; i++)
            {
                series += weights[i] * Math.Sin(i * x);
            }

            return Potential(x) + Damping * v * x + series;
        }
    }

    public readonly partial record struct Spring(double K, double Rest)
    {
        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
        public double Energy(double x) => 0.5 * K * (x - Rest) * (x - Rest);
    }
}
