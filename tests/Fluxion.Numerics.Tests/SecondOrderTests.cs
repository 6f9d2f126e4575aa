using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Fluxion.Numerics.Tests.Harness;

namespace Fluxion.Numerics.Tests
{
    /// <summary>
    /// <c>F_Hessian</c> and <c>F_Hvp</c> on every catalog function that asks for them: the gradient they write is
    /// <c>F_Grad</c>'s, the value is F's bit for bit, the Hessian is symmetric to rounding and agrees with central
    /// differences of <c>F_Grad</c>, and H·v from <c>F_Hvp</c> is the Hessian times v.
    /// </summary>
    public sealed class SecondOrderTests
    {
        private const int Points = 8;

        /// <summary>Two computations of the same quantity in different orders (gradient, H·v against rows of H), relative to max(1, |value|).</summary>
        private const double Agreement = 1e-12;

        public static TheoryData<string> Functions => Catalog.Names(c => Asks(c.Attribute, Derivatives.Hessian) || Asks(c.Attribute, Derivatives.Hvp));

        public static TheoryData<string> ArrayFunctions => ArrayCatalog.Names(c => Asks(c.Attribute, Derivatives.Hessian) || Asks(c.Attribute, Derivatives.Hvp));

        [Theory]
        [MemberData(nameof(Functions))]
        public void ScalarFunction(string name) => Check(FromScalar(Catalog.Get(name)));

        [Theory]
        [MemberData(nameof(ArrayFunctions))]
        public void ArrayFunction(string name) => Check(FromArrays(ArrayCatalog.Get(name)));

        [Fact]
        public void MostCatalogFunctionsAskForSecondDerivatives()
        {
            int scalar = Catalog.All.Values.Count(c => Asks(c.Attribute, Derivatives.Hessian));
            int arrays = ArrayCatalog.All.Values.Count(c => Asks(c.Attribute, Derivatives.Hessian));
            Assert.True(scalar + arrays >= 400, $"{scalar} + {arrays}");
        }

        private static bool Asks(DifferentiableAttribute attribute, Derivatives kind) => (attribute.Derivatives & kind) != 0;

        /// <summary>One function seen as a map from a flat vector of its differentiable inputs.</summary>
        private sealed record Problem(
            string Name,
            SecondOrder Methods,
            IEnumerable<object[]> Points,
            Func<object[], double> Value,
            Func<object[], double[]> Gradient,
            Func<object[], int, double, object[]> Shifted,
            Func<object[], int, double> Input,
            Func<object[], string> Describe,
            Func<object[], bool> OnABranchPoint);

        private static Problem FromScalar(GradientCase c)
        {
            double[] Unbox(object[] arguments) => arguments.Select(a => a switch
            {
                double d => d,
                int i => i,
                long l => l,
                bool b => b ? 1.0 : 0.0,
                _ => throw new NotSupportedException(),
            }).ToArray();
            return new Problem(
                c.Name,
                new SecondOrder(c.Original),
                c.Points(Points).Select(c.Boxed),
                arguments => c.Value(Unbox(arguments)),
                arguments =>
                {
                    var g = new double[c.Active.Length];
                    c.ValueAndGradient(Unbox(arguments), g);
                    return g;
                },
                (arguments, i, h) =>
                {
                    double[] p = Unbox(arguments);
                    p[c.Active[i]] += h;
                    return c.Boxed(p);
                },
                (arguments, i) => (double)arguments[c.Active[i]],
                arguments => c.Describe(Unbox(arguments)),
                arguments => c.Domain.IsPinned(Unbox(arguments)));
        }

        private static Problem FromArrays(ArrayCase c)
        {
            (int Parameter, int Element) Locate(object[] p, int i)
            {
                foreach (int k in c.Active)
                {
                    int length = c.IsSequence(k) ? ((double[])p[k]).Length : 1;
                    if (i < length)
                    {
                        return (k, i);
                    }

                    i -= length;
                }

                throw new ArgumentOutOfRangeException(nameof(i));
            }

            return new Problem(
                c.Name,
                new SecondOrder(c.Original),
                c.Points(Points),
                p => c.Value(ArrayCase.Clone(p)),
                p =>
                {
                    double[][] g = c.NewGradient(p);
                    c.ValueAndGradient(ArrayCase.Clone(p), g);
                    return g.SelectMany(row => row).ToArray();
                },
                (p, i, h) =>
                {
                    object[] shifted = ArrayCase.Clone(p);
                    (int k, int e) = Locate(p, i);
                    if (c.IsSequence(k))
                    {
                        ((double[])shifted[k])[e] += h;
                    }
                    else
                    {
                        shifted[k] = (double)shifted[k] + h;
                    }

                    return shifted;
                },
                (p, i) => Locate(p, i) is var (k, e) && c.IsSequence(k) ? ((double[])p[k])[e] : (double)p[k],
                c.Describe,
                _ => false);
        }

        private static void Check(Problem problem)
        {
            var failures = new List<string>();
            bool hessian = (problem.Methods.Requested & Derivatives.Hessian) != 0;
            bool hvp = (problem.Methods.Requested & Derivatives.Hvp) != 0;
            Assert.True(!hessian || problem.Methods.HessianMethod is not null, $"Fluxion generated no {problem.Name}_Hessian with the documented signature.");
            Assert.True(!hvp || problem.Methods.HvpMethod is not null, $"Fluxion generated no {problem.Name}_Hvp with the documented signature.");
            var random = new SplitMix64(SplitMix64.SeedFor(problem.Name + "/hessian"));
            foreach (object[] point in problem.Points)
            {
                double expectedValue = problem.Value(point);
                double[] expectedGradient = problem.Gradient(point);
                int n = expectedGradient.Length;
                double[] h = new double[n * n];
                if (hessian)
                {
                    var g = new double[n];
                    double value = problem.Methods.Hessian(ArrayCase.Clone(point), g, h);
                    CheckValueAndGradient(problem, point, "_Hessian", expectedValue, value, expectedGradient, g, failures);
                    CheckSymmetry(problem, point, h, n, failures);
                    if (!problem.OnABranchPoint(point))
                    {
                        CheckAgainstDifferences(problem, point, h, n, failures);
                    }
                }

                if (hvp)
                {
                    double[] v = Enumerable.Range(0, n).Select(_ => random.Uniform(-1.0, 1.0)).ToArray();
                    var g = new double[n];
                    var hv = new double[n];
                    double value = problem.Methods.Hvp(ArrayCase.Clone(point), v, g, hv);
                    CheckValueAndGradient(problem, point, "_Hvp", expectedValue, value, expectedGradient, g, failures);
                    if (!hessian && !problem.OnABranchPoint(point))
                    {
                        // Without F_Hessian, H·v is checked against central differences of the gradient along v.
                        CheckProductAgainstDifferences(problem, point, v, hv, failures);
                    }
                    else if (hessian)
                    {
                        for (int i = 0; i < n; i++)
                        {
                            double expected = Enumerable.Range(0, n).Sum(j => h[i * n + j] * v[j]);
                            double scale = Math.Max(1.0, Enumerable.Range(0, n).Sum(j => Math.Abs(h[i * n + j] * v[j])));
                            if (!(Math.Abs(hv[i] - expected) <= Agreement * scale))
                            {
                                failures.Add($"{problem.Describe(point)}: (H·v)[{i}] is {F(hv[i])} from _Hvp, {F(expected)} from _Hessian");
                            }
                        }
                    }
                }
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
        }

        private static void CheckValueAndGradient(
            Problem problem, object[] point, string kind, double expectedValue, double value, double[] expectedGradient, double[] gradient, List<string> failures)
        {
            if (BitConverter.DoubleToInt64Bits(value) != BitConverter.DoubleToInt64Bits(expectedValue))
            {
                failures.Add($"{problem.Describe(point)}: {kind} returned {F(value)}, the original {F(expectedValue)}");
            }

            for (int i = 0; i < gradient.Length; i++)
            {
                if (!(Math.Abs(gradient[i] - expectedGradient[i]) <= Agreement * Math.Max(1.0, Math.Abs(expectedGradient[i]))))
                {
                    failures.Add($"{problem.Describe(point)}: {kind} gradient[{i}] is {F(gradient[i])}, _Grad's {F(expectedGradient[i])}");
                }
            }
        }

        private static void CheckSymmetry(Problem problem, object[] point, double[] h, int n, List<string> failures)
        {
            for (int i = 0; i < n; i++)
            {
                for (int j = i + 1; j < n; j++)
                {
                    double a = h[i * n + j];
                    double b = h[j * n + i];
                    if (!(Math.Abs(a - b) <= Agreement * Math.Max(1.0, Math.Max(Math.Abs(a), Math.Abs(b)))))
                    {
                        failures.Add($"{problem.Describe(point)}: H[{i},{j}] = {F(a)} but H[{j},{i}] = {F(b)}");
                    }
                }
            }
        }

        /// <summary>Column i of H against (∇F(x + h·eᵢ) − ∇F(x − h·eᵢ)) / 2h, with the tolerance of the gradient checks.</summary>
        private static void CheckAgainstDifferences(Problem problem, object[] point, double[] hessian, int n, List<string> failures)
        {
            for (int i = 0; i < n; i++)
            {
                double x = problem.Input(point, i);
                double step = GradientChecks.StepScale * Math.Max(1.0, Math.Abs(x));
                double[] up = problem.Gradient(problem.Shifted(point, i, step));
                double[] down = problem.Gradient(problem.Shifted(point, i, -step));
                double taken = (x + step) - (x - step);
                for (int j = 0; j < n; j++)
                {
                    double difference = (up[j] - down[j]) / taken;
                    double expected = hessian[j * n + i];
                    double rounding = 100 * 2.220446049250313e-16 * Math.Max(Math.Abs(up[j]), Math.Abs(down[j])) / step;
                    if (!(Math.Abs(expected - difference) <= GradientChecks.FiniteDifferenceTolerance * (1.0 + Math.Abs(expected)) + rounding))
                    {
                        failures.Add($"{problem.Describe(point)}: H[{j},{i}] = {F(expected)}, central differences of the gradient {F(difference)}");
                    }
                }
            }
        }

        /// <summary>
        /// H·v against (∇F(x + h·v) − ∇F(x − h·v)) / 2h, the step scaled as for the columns: h = StepScale · max(1, ‖x‖∞) / ‖v‖∞.
        /// </summary>
        private static void CheckProductAgainstDifferences(Problem problem, object[] point, double[] v, double[] hv, List<string> failures)
        {
            double largestInput = Enumerable.Range(0, v.Length).Max(i => Math.Abs(problem.Input(point, i)));
            double step = GradientChecks.StepScale * Math.Max(1.0, largestInput) / v.Max(Math.Abs);
            object[] Along(double t)
            {
                object[] p = point;
                for (int i = 0; i < v.Length; i++)
                {
                    p = problem.Shifted(p, i, t * v[i]);
                }

                return p;
            }

            double[] up = problem.Gradient(Along(step));
            double[] down = problem.Gradient(Along(-step));
            for (int j = 0; j < hv.Length; j++)
            {
                double difference = (up[j] - down[j]) / (2 * step);
                double rounding = 100 * 2.220446049250313e-16 * Math.Max(Math.Abs(up[j]), Math.Abs(down[j])) / step;
                if (!(Math.Abs(hv[j] - difference) <= GradientChecks.FiniteDifferenceTolerance * (1.0 + Math.Abs(hv[j])) + rounding))
                {
                    failures.Add($"{problem.Describe(point)}: (H·v)[{j}] = {F(hv[j])}, central differences of the gradient along v {F(difference)}");
                }
            }
        }

        private static string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);
    }
}
