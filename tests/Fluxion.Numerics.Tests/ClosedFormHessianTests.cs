using System;
using System.Linq;
using Fluxion.Numerics.Tests.Functions;
using Fluxion.Numerics.Tests.Harness;

namespace Fluxion.Numerics.Tests
{
    /// <summary>Generated Hessians against closed forms: Rosenbrock for every n from 2 to 50, quadratic forms, the logistic loss.</summary>
    public sealed class ClosedFormHessianTests
    {
        private const double Tolerance = 1e-12;

        public static TheoryData<int> Dimensions
        {
            get
            {
                var data = new TheoryData<int>();
                foreach (int n in Enumerable.Range(2, 49))
                {
                    data.Add(n);
                }

                return data;
            }
        }

        [Theory]
        [MemberData(nameof(Dimensions))]
        public void RosenbrockHessian(int n)
        {
            var rng = new SplitMix64((ulong)n * 7919);
            double[] x = rng.Vector(n, -2, 2);
            var expected = new double[n * n];
            for (int i = 0; i < n - 1; i++)
            {
                expected[i * n + i] += 1200 * x[i] * x[i] - 400 * x[i + 1] + 2;
                expected[(i + 1) * n + i + 1] += 200;
                expected[i * n + i + 1] = expected[(i + 1) * n + i] = -400 * x[i];
            }

            var gradient = new double[n];
            var hessian = new double[n * n];
            double value = SecondOrderModels.Rosenbrock_Hessian(x, gradient, hessian);
            Assert.Equal(SecondOrderModels.Rosenbrock(x), value);
            Close.AssertAll(expected, hessian, Tolerance, "closed form");
        }

        /// <summary>Second derivatives through calls of other [Differentiable] methods, nested too, against hand-derived Hessians.</summary>
        [Theory]
        [InlineData(-1.7, 0.4)]
        [InlineData(0.3, -2.2)]
        [InlineData(2.5, 1.1)]
        public void HessiansThroughCallsAreTheClosedForms(double x, double y)
        {
            var gradient = new double[2];
            var hessian = new double[4];

            // x · Square(x) = x³; Square(Square(x)) = x⁴; Poly(x, y) = Square(x) + Cube(y).
            var cube = new double[1];
            Assert.Equal(x * x * x, Kernels.Cube_Hessian(x, new double[1], cube));
            Close.AssertAll(new[] { 6 * x }, cube, Tolerance, "Cube");
            var quartic = new double[1];
            CrossCalls.NestedTwice_Hessian(x, new double[1], quartic);
            Close.AssertAll(new[] { 12 * x * x }, quartic, Tolerance, "Square(Square(x))");
            Kernels.Poly_Hessian(x, y, gradient, hessian);
            Close.AssertAll(new[] { 2.0, 0.0, 0.0, 6 * y }, hessian, Tolerance, "Poly");

            // Gauss(x, y) = e^(−x²) (3y + sin y), through Helper and Scale of the containing types.
            double e = Math.Exp(-x * x), s = 3 * y + Math.Sin(y);
            Outer.Inner.Deeper.Gauss_Hessian(x, y, gradient, hessian);
            Close.AssertAll(new[] { (4 * x * x - 2) * e * s, -2 * x * e * (3 + Math.Cos(y)), -2 * x * e * (3 + Math.Cos(y)), -e * Math.Sin(y) }, hessian,
                Tolerance, "Gauss");
        }

        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        [InlineData(12)]
        public void QuadraticFormHessianIsTheSymmetrisedMatrix(int n)
        {
            var rng = new SplitMix64((ulong)n * 104729);
            double[] x = rng.Vector(n, -2, 2);
            double[] a = rng.Vector(n * n, -1, 1);
            var hessian = new double[n * n];
            SecondOrderModels.QuadraticForm_Hessian(x, a, new double[n], hessian);
            double[] expected = Enumerable.Range(0, n * n).Select(k => a[k] + a[(k % n) * n + k / n]).ToArray();
            Close.AssertAll(expected, hessian, Tolerance, "closed form");
        }

        [Theory]
        [InlineData(1, 1)]
        [InlineData(3, 10)]
        [InlineData(5, 40)]
        public void LogisticLossHessianIsXtDiagX(int d, int m)
        {
            var rng = new SplitMix64((ulong)(d * 1000 + m));
            double[] w = rng.Vector(d, -1, 1);
            double b = rng.Uniform(-1, 1);
            double[] x = rng.Vector(m * d, -2, 2);
            double[] y = rng.Vector(m, 0, 1).Select(v => v > 0.5 ? 1.0 : 0.0).ToArray();
            const double lambda = 0.3;

            // Inputs in parameter order: w, then b; a row of X is the sample's features, then the bias's 1.
            int n = d + 1;
            var expected = new double[n * n];
            for (int i = 0; i < m; i++)
            {
                double[] row = Enumerable.Range(0, d).Select(j => x[i * d + j]).Append(1.0).ToArray();
                double a = 1 / (1 + Math.Exp(-(b + Enumerable.Range(0, d).Sum(j => w[j] * row[j]))));
                for (int r = 0; r < n; r++)
                {
                    for (int c = 0; c < n; c++)
                    {
                        expected[r * n + c] += a * (1 - a) * row[r] * row[c] / m;
                    }
                }
            }

            for (int j = 0; j < d; j++)
            {
                expected[j * n + j] += lambda;
            }

            var hessian = new double[n * n];
            SecondOrderModels.LogisticLoss_Hessian(w, b, x, y, lambda, new double[n], hessian);
            Close.AssertAll(expected, hessian, Tolerance, "closed form");

            // H·v from F_Hvp is the same matrix times v.
            double[] v = rng.Vector(n, -1, 1);
            var hv = new double[n];
            SecondOrderModels.LogisticLoss_Hvp(w, b, x, y, lambda, v, new double[n], hv);
            Close.AssertAll(Enumerable.Range(0, n).Select(r => Enumerable.Range(0, n).Sum(c => expected[r * n + c] * v[c])).ToArray(), hv, Tolerance, "H·v");
        }

        [Fact]
        public void SpansOfTheWrongLengthOrSharingMemoryAreRefused()
        {
            double[] x = { 1.0, 2.0, 3.0 };
            Assert.Throws<ArgumentException>(() => SecondOrderModels.Rosenbrock_Hessian(x, new double[3], new double[8]));
            Assert.Throws<ArgumentException>(() => SecondOrderModels.Rosenbrock_Hessian(x, new double[2], new double[9]));
            Assert.Throws<ArgumentException>(() => SecondOrderModels.Rosenbrock_Hvp(x, new double[2], new double[3], new double[3]));
            var shared = new double[6];
            Assert.Throws<ArgumentException>(() => SecondOrderModels.Rosenbrock_Hvp(x, new double[3], shared.AsSpan(0, 3), shared.AsSpan(2, 3)));
            double[] v = { 0.5, 0.5, 0.5 };
            Assert.Throws<ArgumentException>(() => SecondOrderModels.Rosenbrock_Hvp(x, v, v, new double[3]));

            // The direction may be the point itself: both are only read.
            var hv = new double[3];
            SecondOrderModels.Rosenbrock_Hvp(x, x, new double[3], hv);
            var hessian = new double[9];
            SecondOrderModels.Rosenbrock_Hessian(x, new double[3], hessian);
            Assert.Equal(Enumerable.Range(0, 3).Select(r => Enumerable.Range(0, 3).Sum(c => hessian[r * 3 + c] * x[c])), hv, (a, b) => Math.Abs(a - b) <= 1e-12 * Math.Max(1, Math.Abs(a)));
            Assert.Throws<ArgumentException>(() => SecondOrderModels.Rosenbrock_Hvp(x, new double[3], x, new double[3]));
        }
    }
}
