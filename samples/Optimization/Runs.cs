using System;
using System.Collections.Generic;
using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Fluxion.Samples.Optimization
{
    /// <summary>Where a minimiser's gradient comes from.</summary>
    public enum GradientSource
    {
        /// <summary>Fluxion's generated <c>_Grad</c> (and <c>_Hessian</c> for Newton).</summary>
        Generated,

        /// <summary>Central differences of the value, 2n evaluations per gradient.</summary>
        FiniteDifferences,
    }

    /// <summary>
    /// One minimisation: the method, the gradient source, what it cost and where it ended. <see cref="History"/> holds
    /// the best value found so far after each call of the objective, against the calls made so far (a generated gradient
    /// or Hessian is one call, a finite-difference gradient 2n).
    /// </summary>
    public sealed record RunResult(
        Problem Problem, string Method, GradientSource Source, int Iterations, int Calls, int Gradients,
        double Value, double[] Point, TimeSpan Elapsed, string Exit, IReadOnlyList<(int Calls, double Best)> History)
    {
        /// <summary>The largest |xᵢ − x*ᵢ| from the known minimiser, or NaN when none is known.</summary>
        public double DistanceFromMinimum
        {
            get
            {
                if (Problem.Minimum is null) return double.NaN;
                double largest = 0.0;
                for (int i = 0; i < Point.Length; i++) largest = Math.Max(largest, Math.Abs(Point[i] - Problem.Minimum[i]));
                return largest;
            }
        }
    }

    /// <summary>Runs MathNet.Numerics' BFGS, L-BFGS and Newton minimisers on a <see cref="Problem"/>, counting what they ask for.</summary>
    public static class Runs
    {
        private const double GradientTolerance = 1e-10;
        private const double ParameterTolerance = 1e-14;
        private const double FunctionProgressTolerance = 1e-16;
        private const int MaximumIterations = 20_000;
        private const int LimitedMemory = 10;

        /// <summary>How the table, the legends and the summary name a gradient source.</summary>
        public static string Describe(GradientSource source) =>
            source == GradientSource.Generated ? "generated" : "finite differences";

        /// <summary>BFGS with the gradient from <paramref name="source"/>.</summary>
        public static RunResult Bfgs(Problem problem, GradientSource source) =>
            Run(problem, "BFGS", source, new BfgsMinimizer(GradientTolerance, ParameterTolerance, FunctionProgressTolerance, MaximumIterations));

        /// <summary>L-BFGS (10 pairs kept) with the gradient from <paramref name="source"/>.</summary>
        public static RunResult LimitedMemoryBfgs(Problem problem, GradientSource source) =>
            Run(problem, "L-BFGS", source, new LimitedMemoryBfgsMinimizer(
                GradientTolerance, ParameterTolerance, FunctionProgressTolerance, LimitedMemory, MaximumIterations));

        /// <summary>Newton's method with a line search, on the generated gradient and Hessian.</summary>
        public static RunResult Newton(Problem problem)
        {
            var counter = new Counter();
            int n = problem.Dimension;
            IObjectiveFunction objective = ObjectiveFunction.GradientHessian(
                x => counter.Value(problem.Value(x.ToArray())),
                x => Vector<double>.Build.DenseOfArray(counter.Gradient(problem, x.ToArray(), GradientSource.Generated)),
                x =>
                {
                    double[] hessian = new double[n * n];
                    problem.GradientAndHessian(x.ToArray(), new double[n], hessian);
                    counter.CountHessian();
                    return Matrix<double>.Build.DenseOfRowMajor(n, n, hessian);
                });
            var minimizer = new NewtonMinimizer(GradientTolerance, MaximumIterations, useLineSearch: true);
            return Measure(problem, "Newton", GradientSource.Generated, counter, () => minimizer.FindMinimum(objective, Start(problem)));
        }

        private static RunResult Run(Problem problem, string method, GradientSource source, IUnconstrainedMinimizer minimizer)
        {
            var counter = new Counter();
            IObjectiveFunction objective = ObjectiveFunction.Gradient(
                x => counter.Value(problem.Value(x.ToArray())),
                x => Vector<double>.Build.DenseOfArray(counter.Gradient(problem, x.ToArray(), source)));
            return Measure(problem, method, source, counter, () => minimizer.FindMinimum(objective, Start(problem)));
        }

        private static Vector<double> Start(Problem problem) => Vector<double>.Build.DenseOfArray(problem.Start);

        private static RunResult Measure(Problem problem, string method, GradientSource source, Counter counter, Func<MinimizationResult> minimize)
        {
            var clock = Stopwatch.StartNew();
            MinimizationResult result = minimize();
            clock.Stop();
            double[] point = result.MinimizingPoint.ToArray();
            return new RunResult(
                problem, method, source, result.Iterations, counter.Calls, counter.Gradients, problem.Value(point), point,
                clock.Elapsed, result.ReasonForExit.ToString(), counter.History);
        }

        // Counts the calls a minimiser makes and keeps the best value seen after each.
        private sealed class Counter
        {
            private double best = double.PositiveInfinity;

            public int Calls { get; private set; }

            public int Gradients { get; private set; }

            public List<(int Calls, double Best)> History { get; } = new();

            public void CountHessian() => Calls++;

            public double Value(double value)
            {
                Calls++;
                best = Math.Min(best, value);
                History.Add((Calls, best));
                return value;
            }

            public double[] Gradient(Problem problem, double[] x, GradientSource source)
            {
                Gradients++;
                double[] gradient = new double[x.Length];
                if (source == GradientSource.Generated)
                {
                    Value(problem.ValueAndGradient(x, gradient));
                    return gradient;
                }

                double[] moved = (double[])x.Clone();
                for (int i = 0; i < x.Length; i++)
                {
                    // The step that balances truncation and rounding, relative for large xᵢ (GradientCheck's step size).
                    double step = GradientCheck.StepScale * Math.Max(1.0, Math.Abs(x[i]));
                    moved[i] = x[i] + step;
                    double plus = Value(problem.Value(moved));
                    moved[i] = x[i] - step;
                    double minus = Value(problem.Value(moved));
                    moved[i] = x[i];
                    gradient[i] = (plus - minus) / (2.0 * step);
                }

                return gradient;
            }
        }
    }
}
