using System;

namespace Fluxion
{
    /// <summary>
    /// Checks derivatives against central differences at a point, like PyTorch's <c>gradcheck</c>: a gradient against
    /// differences of the function, a directional derivative (what <c>F_Jvp</c> returns) against a difference along the
    /// direction, and a Hessian or a Hessian-vector product (what <c>F_Hessian</c> and <c>F_Hvp</c> give) against
    /// differences of a gradient function, and a Jacobian (what <c>F_Jacobian</c> writes) against differences of the
    /// vector-valued function. Each check reports its worst component in a <see cref="GradientCheckResult"/>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Step: input i is moved by ±h with h = <see cref="StepScale"/> · max(1, |xᵢ|), so the step is relative for large
    /// inputs; the difference is divided by the step actually taken, (xᵢ + h) − (xᵢ − h), so that the rounding of xᵢ ± h
    /// does not enter. A directional difference moves x by ±h·v with h = <see cref="StepScale"/> · max(1, ‖x‖∞) / ‖v‖∞.
    /// </para>
    /// <para>
    /// Tolerance: a component passes when |analytic − numeric| ≤ tolerance · max(1, |analytic|, |numeric|), a relative
    /// test for derivatives larger than 1 and an absolute one below. A central difference errs by about h²·|f‴|/6
    /// (truncation) plus ε·|f|/h (rounding), both near 1e-11 when the function, its derivatives and the inputs are of
    /// order 1, so <see cref="DefaultTolerance"/> (1e-6) leaves five orders of magnitude for worse scaled functions while
    /// a wrong derivative rule is off by order 1. A function whose value is far larger than its derivatives (say
    /// |f| = 1e8 with slopes near 1) has a rounding error near ε·|f|/h ≈ 4e-3 and needs a larger tolerance.
    /// </para>
    /// </remarks>
    public static class GradientCheck
    {
        /// <summary>The tolerance the checks use unless given one: 1e-6 (see the remarks on <see cref="GradientCheck"/>).</summary>
        public const double DefaultTolerance = 1e-6;

        private const double MachineEpsilon = 2.220446049250313e-16;

        /// <summary>
        /// The relative step of the central differences, ε^(1/3) ≈ 6.06e-6 with ε the spacing of doubles at 1: the step
        /// that balances truncation (∝ h²) against rounding (∝ ε/h).
        /// </summary>
        public static readonly double StepScale = Math.Pow(MachineEpsilon, 1.0 / 3.0);

        /// <summary>Checks a gradient: component i against (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h.</summary>
        /// <param name="function">The function f; it may read but must not keep or change the array it is given.</param>
        /// <param name="point">The point x; not changed.</param>
        /// <param name="gradient">The gradient to check, one entry per entry of <paramref name="point"/>.</param>
        /// <param name="tolerance">The largest error that passes, relative above 1 and absolute below (see the remarks on <see cref="GradientCheck"/>).</param>
        /// <returns>The worst of the n components, with its index into <paramref name="gradient"/>.</returns>
        /// <exception cref="ArgumentException">The lengths differ, the point is empty or the tolerance is not positive.</exception>
        public static GradientCheckResult Check(Func<double[], double> function, double[] point, double[] gradient, double tolerance = DefaultTolerance)
        {
            Validate(function, point, tolerance);
            RequireLength(gradient, point.Length, nameof(gradient));

            // The gradient is the Jacobian of f's one output.
            return JacobianByColumns("Gradient", (x, value) => value[0] = function(x), point, 1, gradient, tolerance);
        }

        /// <summary>
        /// Checks a directional derivative ∇f(x)·v (what <c>F_Jvp</c> returns for the direction v) against
        /// (f(x + h·v) − f(x − h·v)) / 2h.
        /// </summary>
        /// <param name="function">The function f; it may read but must not keep or change the array it is given.</param>
        /// <param name="point">The point x; not changed.</param>
        /// <param name="direction">The direction v, as long as <paramref name="point"/> and not all zero.</param>
        /// <param name="derivative">The directional derivative to check.</param>
        /// <param name="tolerance">The largest error that passes, relative above 1 and absolute below (see the remarks on <see cref="GradientCheck"/>).</param>
        /// <returns>The one component, index 0.</returns>
        /// <exception cref="ArgumentException">The lengths differ, the direction is zero, or the tolerance is not positive.</exception>
        public static GradientCheckResult CheckDirectional(
            Func<double[], double> function, double[] point, double[] direction, double derivative, double tolerance = DefaultTolerance)
        {
            Validate(function, point, tolerance);
            RequireLength(direction, point.Length, nameof(direction));
            double h = DirectionalStep(point, direction);
            double[] plus = Moved(point, direction, h);
            double[] minus = Moved(point, direction, -h);
            double numeric = (function(plus) - function(minus)) / (2.0 * h);

            var worst = new WorstComponent(tolerance);
            worst.Consider(0, "along v", derivative, numeric);
            return worst.Result("Directional derivative", 1);
        }

        /// <summary>
        /// Checks a Hessian (n × n, row by row, as <c>F_Hessian</c> writes it) as the Jacobian of the gradient: column j against
        /// the central difference of the gradient along input j, (∇f(x + h·eⱼ) − ∇f(x − h·eⱼ)) / 2h.
        /// </summary>
        /// <param name="gradientFunction">Writes ∇f at its first argument into its second (n entries); may wrap <c>F_Grad</c>.</param>
        /// <param name="point">The point x; not changed.</param>
        /// <param name="hessian">The Hessian to check, n × n row by row.</param>
        /// <param name="tolerance">The largest error that passes, relative above 1 and absolute below (see the remarks on <see cref="GradientCheck"/>).</param>
        /// <returns>The worst of the n² entries; its <see cref="GradientCheckResult.Index"/> is row · n + column.</returns>
        /// <exception cref="ArgumentException">The lengths differ, the point is empty or the tolerance is not positive.</exception>
        public static GradientCheckResult CheckHessian(
            Action<double[], double[]> gradientFunction, double[] point, double[] hessian, double tolerance = DefaultTolerance)
        {
            Validate(gradientFunction, point, tolerance);
            RequireLength(hessian, checked(point.Length * point.Length), nameof(hessian));

            // The Hessian is the Jacobian of the gradient.
            return JacobianByColumns("Hessian", gradientFunction, point, point.Length, hessian, tolerance);
        }

        /// <summary>
        /// Checks a Hessian-vector product H·v (what <c>F_Hvp</c> writes) against (∇f(x + h·v) − ∇f(x − h·v)) / 2h.
        /// </summary>
        /// <param name="gradientFunction">Writes ∇f at its first argument into its second (n entries); may wrap <c>F_Grad</c>.</param>
        /// <param name="point">The point x; not changed.</param>
        /// <param name="direction">The vector v, as long as <paramref name="point"/> and not all zero.</param>
        /// <param name="product">The product H·v to check, n entries.</param>
        /// <param name="tolerance">The largest error that passes, relative above 1 and absolute below (see the remarks on <see cref="GradientCheck"/>).</param>
        /// <returns>The worst of the n entries of the product.</returns>
        /// <exception cref="ArgumentException">The lengths differ, the direction is zero, or the tolerance is not positive.</exception>
        public static GradientCheckResult CheckHessianVectorProduct(
            Action<double[], double[]> gradientFunction, double[] point, double[] direction, double[] product, double tolerance = DefaultTolerance)
        {
            Validate(gradientFunction, point, tolerance);
            int n = point.Length;
            RequireLength(direction, n, nameof(direction));
            RequireLength(product, n, nameof(product));
            double h = DirectionalStep(point, direction);
            double[] gradientPlus = new double[n], gradientMinus = new double[n];
            gradientFunction(Moved(point, direction, h), gradientPlus);
            gradientFunction(Moved(point, direction, -h), gradientMinus);

            var worst = new WorstComponent(tolerance);
            for (int i = 0; i < n; i++)
            {
                worst.Consider(i, $"[{i}]", product[i], (gradientPlus[i] - gradientMinus[i]) / (2.0 * h));
            }

            return worst.Result("Hessian-vector product", n);
        }

        /// <summary>
        /// Checks the Jacobian of a vector-valued function (m × n, row by row, as <c>F_Jacobian</c> writes it): column j
        /// against (f(x + h·eⱼ) − f(x − h·eⱼ)) / 2h.
        /// </summary>
        /// <param name="function">Writes f's m outputs at its first argument into its second (as the method writes its output span).</param>
        /// <param name="point">The point x; not changed.</param>
        /// <param name="outputs">m, the number of outputs.</param>
        /// <param name="jacobian">The Jacobian to check, m × n row by row: entry [i · n + j] is ∂fᵢ/∂xⱼ.</param>
        /// <param name="tolerance">The largest error that passes, relative above 1 and absolute below (see the remarks on <see cref="GradientCheck"/>).</param>
        /// <returns>The worst of the m · n entries; its <see cref="GradientCheckResult.Index"/> is row · n + column.</returns>
        /// <exception cref="ArgumentException">The lengths differ, the point is empty, m is not positive or the tolerance is not positive.</exception>
        public static GradientCheckResult CheckJacobian(
            Action<double[], double[]> function, double[] point, int outputs, double[] jacobian, double tolerance = DefaultTolerance)
        {
            Validate(function, point, tolerance);
            if (outputs <= 0) throw new ArgumentException("A vector-valued function has at least one output.", nameof(outputs));
            RequireLength(jacobian, checked(outputs * point.Length), nameof(jacobian));
            return JacobianByColumns("Jacobian", function, point, outputs, jacobian, tolerance);
        }

        // Column j of an m × n matrix (row by row) against the central difference of the function's m values along input j.
        private static GradientCheckResult JacobianByColumns(
            string kind, Action<double[], double[]> function, double[] point, int outputs, double[] matrix, double tolerance)
        {
            int n = point.Length;
            var worst = new WorstComponent(tolerance);
            double[] moved = (double[])point.Clone();
            double[] valuesPlus = new double[outputs], valuesMinus = new double[outputs];
            for (int column = 0; column < n; column++)
            {
                double step = Step(moved, column, out double original);
                moved[column] = original + step;
                double forward = moved[column];
                function(moved, valuesPlus);
                moved[column] = original - step;
                double taken = forward - moved[column];
                function(moved, valuesMinus);
                moved[column] = original;
                for (int row = 0; row < outputs; row++)
                {
                    double numeric = (valuesPlus[row] - valuesMinus[row]) / taken;
                    // One output's components (a gradient's) are labelled [i], a matrix's [row,column].
                    worst.Consider(row * n + column, outputs == 1 ? $"[{column}]" : $"[{row},{column}]", matrix[row * n + column], numeric);
                }
            }

            return worst.Result(kind, outputs * n);
        }

        // The step along a direction: StepScale · max(1, ‖x‖∞) / ‖v‖∞, for a finite direction that is not all zero.
        private static double DirectionalStep(double[] point, double[] direction)
        {
            double directionSize = MaxAbs(direction);
            if (!(directionSize > 0.0) || double.IsInfinity(directionSize))
            {
                throw new ArgumentException("The direction must be finite and not all zero.", nameof(direction));
            }

            return StepScale * Math.Max(1.0, MaxAbs(point)) / directionSize;
        }

        private static double Step(double[] point, int i, out double original)
        {
            original = point[i];
            return StepScale * Math.Max(1.0, Math.Abs(original));
        }

        private static double[] Moved(double[] point, double[] direction, double h)
        {
            double[] moved = new double[point.Length];
            for (int i = 0; i < moved.Length; i++)
            {
                moved[i] = point[i] + h * direction[i];
            }

            return moved;
        }

        private static double MaxAbs(double[] values)
        {
            double largest = 0.0;
            foreach (double value in values)
            {
                largest = Math.Max(largest, Math.Abs(value));
            }

            return largest;
        }

        private static void Validate(Delegate function, double[] point, double tolerance)
        {
            if (function is null) throw new ArgumentNullException(nameof(function));
            if (point is null) throw new ArgumentNullException(nameof(point));
            if (point.Length == 0) throw new ArgumentException("The point has no inputs to differentiate.", nameof(point));
            if (!(tolerance > 0.0)) throw new ArgumentException("The tolerance must be positive.", nameof(tolerance));
        }

        private static void RequireLength(double[] values, int length, string name)
        {
            if (values is null) throw new ArgumentNullException(name);
            if (values.Length != length)
            {
                throw new ArgumentException($"{name} has {values.Length} entries where {length} are needed.", name);
            }
        }

        // Keeps the component with the largest scaled error; a non-finite value on either side counts as the worst.
        private sealed class WorstComponent
        {
            private readonly double tolerance;
            private int index = -1;
            private string label = "";
            private double analytic, numeric, error = -1.0;

            public WorstComponent(double tolerance) => this.tolerance = tolerance;

            public void Consider(int componentIndex, string componentLabel, double analyticValue, double numericValue)
            {
                double difference = Math.Abs(analyticValue - numericValue);
                double scaled = difference / Math.Max(1.0, Math.Max(Math.Abs(analyticValue), Math.Abs(numericValue)));
                if (double.IsNaN(scaled) || double.IsInfinity(analyticValue) || double.IsInfinity(numericValue))
                {
                    scaled = double.PositiveInfinity;
                }

                if (scaled > error)
                {
                    index = componentIndex;
                    label = componentLabel;
                    analytic = analyticValue;
                    numeric = numericValue;
                    error = scaled;
                }
            }

            public GradientCheckResult Result(string kind, int components) =>
                new GradientCheckResult(kind, components, index, label, analytic, numeric, error, tolerance);
        }
    }
}
