using System;
using Fluxion.Numerics.Tests.Functions;

namespace Fluxion.Numerics.Tests
{
    /// <summary>
    /// The runtime <see cref="GradientCheck"/>: it passes the generated derivatives of every kind (gradient, JVP, Hessian,
    /// Hessian-vector product, Jacobian) and flags a deliberately wrong component at the right index.
    /// </summary>
    public sealed class GradientCheckTests
    {
        private static readonly double[] Point = { -1.2, 1.0, 0.8, -0.5, 2.0 };

        private static double Rosenbrock(double[] x) => SecondOrderModels.Rosenbrock(x);

        private static void RosenbrockGradient(double[] x, double[] gradient) => SecondOrderModels.Rosenbrock_Grad(x, gradient);

        private static double[] Gradient(double[] x)
        {
            double[] gradient = new double[x.Length];
            RosenbrockGradient(x, gradient);
            return gradient;
        }

        private static double[] Hessian(double[] x)
        {
            double[] hessian = new double[x.Length * x.Length];
            SecondOrderModels.Rosenbrock_Hessian(x, new double[x.Length], hessian);
            return hessian;
        }

        [Fact]
        public void Generated_gradient_passes_with_a_small_worst_error()
        {
            GradientCheckResult result = GradientCheck.Check(Rosenbrock, Point, Gradient(Point));

            Assert.True(result.Passed, result.ToString());
            Assert.Equal(Point.Length, result.Components);
            Assert.True(result.Error < 1e-8, result.ToString());
            Assert.Contains("Gradient check passed (5 components)", result.ToString());
        }

        [Fact]
        public void A_wrong_gradient_component_is_flagged_at_its_index()
        {
            double[] gradient = Gradient(Point);
            gradient[3] += 1e-3 * Math.Max(1.0, Math.Abs(gradient[3]));

            GradientCheckResult result = GradientCheck.Check(Rosenbrock, Point, gradient);

            Assert.False(result.Passed, result.ToString());
            Assert.Equal(3, result.Index);
            Assert.Equal(gradient[3], result.Analytic);
            Assert.Equal(Gradient(Point)[3], result.Numeric, 1e-6);
            Assert.Contains("FAILED", result.ToString());
            Assert.Contains("worst [3]", result.ToString());
        }

        [Fact]
        public void A_non_finite_component_is_the_worst()
        {
            double[] gradient = Gradient(Point);
            gradient[1] = double.NaN;

            GradientCheckResult result = GradientCheck.Check(Rosenbrock, Point, gradient);

            Assert.False(result.Passed);
            Assert.Equal(1, result.Index);
            Assert.Equal(double.PositiveInfinity, result.Error);
        }

        [Fact]
        public void The_step_is_relative_so_large_inputs_still_pass()
        {
            double[] far = { 3e3, -2e3 };
            double[] gradient = Gradient(far);

            // The value is near 8e15 and the partials near 1e13 and 2e9: a step of 6e-6 would drown in the value's rounding.
            GradientCheckResult result = GradientCheck.Check(Rosenbrock, far, gradient);

            Assert.True(result.Passed, result.ToString());
        }

        [Fact]
        public void The_point_is_left_unchanged()
        {
            double[] point = (double[])Point.Clone();

            GradientCheck.Check(Rosenbrock, point, Gradient(point));
            GradientCheck.CheckHessian(RosenbrockGradient, point, Hessian(point));

            Assert.Equal(Point, point);
        }

        [Fact]
        public void Generated_jvp_passes_and_a_wrong_one_fails()
        {
            double[] direction = { 0.3, -1.0, 0.5, 2.0, -0.7 };
            SecondOrderModels.Rosenbrock_Jvp(Point, direction, out double derivative);

            GradientCheckResult right = GradientCheck.CheckDirectional(Rosenbrock, Point, direction, derivative);
            GradientCheckResult wrong = GradientCheck.CheckDirectional(Rosenbrock, Point, direction, derivative * 1.001);

            Assert.True(right.Passed, right.ToString());
            Assert.Equal(1, right.Components);
            Assert.False(wrong.Passed, wrong.ToString());
            Assert.Contains("Directional derivative check FAILED (1 component)", wrong.ToString());
        }

        [Fact]
        public void Generated_hessian_passes_and_a_wrong_entry_is_flagged_at_row_and_column()
        {
            double[] hessian = Hessian(Point);
            int n = Point.Length;

            GradientCheckResult right = GradientCheck.CheckHessian(RosenbrockGradient, Point, hessian);
            hessian[2 * n + 3] += 0.01;
            GradientCheckResult wrong = GradientCheck.CheckHessian(RosenbrockGradient, Point, hessian);

            Assert.True(right.Passed, right.ToString());
            Assert.Equal(n * n, right.Components);
            Assert.False(wrong.Passed, wrong.ToString());
            Assert.Equal(2 * n + 3, wrong.Index);
            Assert.Equal("[2,3]", wrong.Label);
        }

        [Fact]
        public void Generated_hessian_vector_product_passes_and_a_wrong_entry_is_flagged()
        {
            double[] v = { 1.0, 0.5, -0.25, 0.0, 2.0 };
            double[] product = new double[Point.Length];
            SecondOrderModels.Rosenbrock_Hvp(Point, v, new double[Point.Length], product);

            GradientCheckResult right = GradientCheck.CheckHessianVectorProduct(RosenbrockGradient, Point, v, product);
            product[4] -= 0.5;
            GradientCheckResult wrong = GradientCheck.CheckHessianVectorProduct(RosenbrockGradient, Point, v, product);

            Assert.True(right.Passed, right.ToString());
            Assert.False(wrong.Passed, wrong.ToString());
            Assert.Equal(4, wrong.Index);
        }

        [Fact]
        public void Generated_jacobian_passes_and_a_wrong_entry_is_flagged_at_row_and_column()
        {
            double[] z = { 0.4, -1.1, 0.3 };
            double[] jacobian = new double[9];
            VectorModels.Softmax_Jacobian(z, new double[3], jacobian);
            static void Softmax(double[] x, double[] s) => VectorModels.Softmax(x, s);

            GradientCheckResult passed = GradientCheck.CheckJacobian(Softmax, z, 3, jacobian);
            Assert.True(passed.Passed, passed.ToString());
            Assert.Equal(9, passed.Components);

            jacobian[1 * 3 + 2] += 1e-3;
            GradientCheckResult failed = GradientCheck.CheckJacobian(Softmax, z, 3, jacobian);
            Assert.False(failed.Passed, failed.ToString());
            Assert.Equal(5, failed.Index);
            Assert.Equal("[1,2]", failed.Label);
            Assert.Throws<ArgumentException>(() => GradientCheck.CheckJacobian(Softmax, z, 2, jacobian));
        }

        [Fact]
        public void The_tolerance_decides()
        {
            double[] gradient = Gradient(Point);
            gradient[0] *= 1.0 + 1e-5;

            Assert.False(GradientCheck.Check(Rosenbrock, Point, gradient).Passed);
            Assert.True(GradientCheck.Check(Rosenbrock, Point, gradient, tolerance: 1e-4).Passed);
        }

        [Fact]
        public void Mismatched_lengths_and_bad_arguments_are_rejected()
        {
            Assert.Throws<ArgumentException>(() => GradientCheck.Check(Rosenbrock, Point, new double[2]));
            Assert.Throws<ArgumentException>(() => GradientCheck.Check(Rosenbrock, Array.Empty<double>(), Array.Empty<double>()));
            Assert.Throws<ArgumentException>(() => GradientCheck.Check(Rosenbrock, Point, Gradient(Point), tolerance: 0.0));
            Assert.Throws<ArgumentException>(() => GradientCheck.CheckHessian(RosenbrockGradient, Point, new double[Point.Length]));
            Assert.Throws<ArgumentException>(() => GradientCheck.CheckDirectional(Rosenbrock, Point, new double[Point.Length], 0.0));
        }
    }
}
