using System;

namespace Fluxion.Samples.Optimization
{
    /// <summary>
    /// An objective over a parameter vector, seen the way a minimiser sees it: its value, its value and generated gradient,
    /// its generated gradient and Hessian (n × n row by row), where to start, and its minimiser when that is known.
    /// </summary>
    public sealed record Problem(
        string Name,
        Func<double[], double> Value,
        Func<double[], double[], double> ValueAndGradient,
        Action<double[], double[], double[]> GradientAndHessian,
        double[] Start,
        double[]? Minimum)
    {
        /// <summary>The number of parameters.</summary>
        public int Dimension => Start.Length;

        /// <summary>The generated gradient at <paramref name="x"/>, as a new array.</summary>
        public double[] Gradient(double[] x)
        {
            double[] gradient = new double[x.Length];
            ValueAndGradient(x, gradient);
            return gradient;
        }

        /// <summary>The generated Hessian at <paramref name="x"/>, n × n row by row, as a new array.</summary>
        public double[] Hessian(double[] x)
        {
            double[] hessian = new double[x.Length * x.Length];
            GradientAndHessian(x, new double[x.Length], hessian);
            return hessian;
        }
    }
}
