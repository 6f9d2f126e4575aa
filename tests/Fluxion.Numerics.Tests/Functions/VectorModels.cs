// Vector-valued methods (void, writing their outputs to a last Span<double>): their Jacobians, Jvps and Vjps are checked in
// VectorTests against closed forms, central differences and each other.
using System;

namespace Fluxion.Numerics.Tests.Functions
{
    public static partial class VectorModels
    {
        private const Derivatives All = Derivatives.Jacobian | Derivatives.Jvp | Derivatives.Vjp;

        /// <summary>Polar to Cartesian: (r cos θ, r sin θ).</summary>
        [Differentiable(Derivatives = All)]
        public static void Polar(double r, double theta, Span<double> xy)
        {
            xy[0] = r * Math.Cos(theta);
            xy[1] = r * Math.Sin(theta);
        }

        /// <summary>Softmax, shifted by the maximum as numerical code does; its outputs are read back to normalise them.</summary>
        [Differentiable(Derivatives = All)]
        public static void Softmax(ReadOnlySpan<double> z, Span<double> s)
        {
            double max = z[0];
            for (int i = 1; i < z.Length; i++)
            {
                max = Math.Max(max, z[i]);
            }

            double sum = 0.0;
            for (int i = 0; i < z.Length; i++)
            {
                s[i] = Math.Exp(z[i] - max);
                sum += s[i];
            }

            for (int i = 0; i < z.Length; i++)
            {
                s[i] /= sum;
            }
        }

        /// <summary>
        /// One classical Runge-Kutta step of the linear system x' = A x (A n × n row by row, as data): the step is the matrix
        /// I + hA + (hA)²/2 + (hA)³/6 + (hA)⁴/24 times x, so that matrix is the Jacobian. Local arrays hold the stages.
        /// </summary>
        [Differentiable(nameof(x), Derivatives = All)]
        public static void LinearRk4Step(double[] x, double[] a, double h, Span<double> next)
        {
            int n = x.Length;
            double[] k1 = new double[n];
            double[] k2 = new double[n];
            double[] k3 = new double[n];
            double[] k4 = new double[n];
            for (int i = 0; i < n; i++)
            {
                double sum = 0.0;
                for (int j = 0; j < n; j++)
                {
                    sum += a[i * n + j] * x[j];
                }

                k1[i] = sum;
            }

            for (int i = 0; i < n; i++)
            {
                double sum = 0.0;
                for (int j = 0; j < n; j++)
                {
                    sum += a[i * n + j] * (x[j] + 0.5 * h * k1[j]);
                }

                k2[i] = sum;
            }

            for (int i = 0; i < n; i++)
            {
                double sum = 0.0;
                for (int j = 0; j < n; j++)
                {
                    sum += a[i * n + j] * (x[j] + 0.5 * h * k2[j]);
                }

                k3[i] = sum;
            }

            for (int i = 0; i < n; i++)
            {
                double sum = 0.0;
                for (int j = 0; j < n; j++)
                {
                    sum += a[i * n + j] * (x[j] + h * k3[j]);
                }

                k4[i] = sum;
            }

            for (int i = 0; i < n; i++)
            {
                next[i] = x[i] + h / 6.0 * (k1[i] + 2.0 * k2[i] + 2.0 * k3[i] + k4[i]);
            }
        }

        /// <summary>
        /// One explicit Euler step of Lotka-Volterra predator and prey, the rates differentiable too:
        /// (u + h(αu − βuv), v + h(δuv − γv)).
        /// </summary>
        [Differentiable(Derivatives = All)]
        public static void LotkaVolterraStep(double u, double v, double alpha, double beta, double gamma, double delta, Span<double> next)
        {
            const double h = 0.01;
            next[0] = u + h * (alpha * u - beta * u * v);
            next[1] = v + h * (delta * u * v - gamma * v);
        }

        /// <summary>A curve in as many dimensions as its output has: one input, many outputs (the Jacobian goes by columns).</summary>
        [Differentiable(Derivatives = All)]
        public static void Curve(double t, Span<double> point)
        {
            if (t < 0.0)
            {
                point[0] = t;
                return;
            }

            for (int i = 0; i < point.Length; i++)
            {
                point[i] = Math.Pow(t, i + 1) / (i + 1) + Math.Sin(i * t);
                if (i == 2 && t > 3.0)
                {
                    return;
                }
            }
        }

        /// <summary>Cumulative sums of squares, through a [Differentiable] call, with outputs accumulated in place (+=).</summary>
        [Differentiable(Derivatives = All)]
        public static void Accumulate(double[] w, double scale, Span<double> sums)
        {
            for (int i = 0; i < sums.Length; i++)
            {
                sums[i] = i == 0 ? 0.0 : sums[i - 1];
                sums[i] += Kernels.Square(w[i] * scale);
            }
        }

        /// <summary>
        /// Updates the caller's values in place, each output from its old value and the one updated before it: the outputs'
        /// starting values are data the derivatives depend on, so every call the Jacobian makes must start from them.
        /// </summary>
        [Differentiable(Derivatives = All)]
        public static void UpdateInPlace(double x, double z, Span<double> y)
        {
            y[0] = y[0] * x + z;
            for (int i = 1; i < y.Length; i++)
            {
                y[i] *= x;
                y[i] += y[i - 1] * z;
            }
        }

        /// <summary>A 3-vector normalised to unit length when it is longer than 1e-12, else left as it is (a guarded branch).</summary>
        [Differentiable(Derivatives = All)]
        public static void Normalize(double x, double y, double z, Span<double> unit)
        {
            double length = Math.Sqrt(x * x + y * y + z * z);
            if (length > 1e-12)
            {
                unit[0] = x / length;
                unit[1] = y / length;
                unit[2] = z / length;
            }
            else
            {
                unit[0] = x;
                unit[1] = y;
                unit[2] = z;
            }
        }
    }
}
