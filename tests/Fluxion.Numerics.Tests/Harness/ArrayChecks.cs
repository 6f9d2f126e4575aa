using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Fluxion.Numerics.Tests.Functions;

namespace Fluxion.Numerics.Tests.Harness
{
    /// <summary>Every array case, by theme.</summary>
    public static class ArrayCatalog
    {
        private static readonly Lazy<IReadOnlyDictionary<string, ArrayCase>> Cases = new(() =>
        {
            var all = new IEnumerable<ArrayCase>[]
            {
                ArrayCases.All(),
                ArrayModelCases.All(),
                ArrayArgumentCases.All(),
                ArrayArgumentToDifferentiableCases.All(),
                LocalArrayCases.All(),
                LocalArrayLengthCases.All(),
                LocalArraysInLoopsCases.All(),
                LocalArraysPassedCases.All(),
                StencilCases.All(),
                RowCases.All(),
                SecondOrderModelCases.All(),
                ForEachActivityCases.All(),
                GuardArrayCases.All(),
                SuppliedArrayCases.All(),
                NamingArrayCases.All(),
                CounterArrayCases.All(),
            }.SelectMany(c => c).ToList();
            var duplicate = all.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new InvalidOperationException($"{duplicate.Key} is in the array catalog twice.");
            }

            return all.ToDictionary(c => c.Name);
        });

        public static IReadOnlyDictionary<string, ArrayCase> All => Cases.Value;

        public static ArrayCase Get(string name) => All[name];

        public static TheoryData<string> Names(Func<ArrayCase, bool>? filter = null)
        {
            var data = new TheoryData<string>();
            foreach (ArrayCase c in All.Values.Where(c => filter is null || filter(c)).OrderBy(c => c.Name, StringComparer.Ordinal))
            {
                data.Add(c.Name);
            }

            return data;
        }
    }

    /// <summary>
    /// The checks of an array case, each returning the failures it found. The tolerances are those of
    /// <see cref="GradientChecks"/>; every entry of every differentiated array is checked.
    /// </summary>
    public static class ArrayChecks
    {
        private const double Epsilon = 2.220446049250313e-16;

        public static List<string> ValueMatches(ArrayCase c)
        {
            var failures = new List<string>();
            foreach (object[] p in c.Points(GradientChecks.PointsPerFunction))
            {
                double expected = c.Value(p);
                double actual = c.ValueAndGradient(p, c.NewGradient(p));
                if (!double.IsFinite(expected))
                {
                    failures.Add($"{c.Describe(p)}: the original is {F(expected)} (point outside the domain?)");
                }
                else if (BitConverter.DoubleToInt64Bits(actual) != BitConverter.DoubleToInt64Bits(expected))
                {
                    failures.Add($"{c.Describe(p)}: _Grad returned {F(actual)}, the original {F(expected)}");
                }
            }

            return failures;
        }

        public static List<string> AgreesWithFiniteDifferences(ArrayCase c) => AgreesWithFiniteDifferences(c, c.ValueAndGradient);

        /// <summary>Central differences in every entry of every differentiated parameter (the self-tests feed wrong gradients).</summary>
        public static List<string> AgreesWithFiniteDifferences(ArrayCase c, Func<object[], double[][], double> valueAndGradient)
        {
            var failures = new List<string>();
            if (c.Active.Length == 0)
            {
                failures.Add("The case differentiates no parameter.");
                return failures;
            }

            int compared = 0;
            foreach (object[] p in c.Points(GradientChecks.PointsPerFunction))
            {
                double[][] g = c.NewGradient(p);
                valueAndGradient(p, g);
                for (int k = 0; k < c.Active.Length; k++)
                {
                    int i = c.Active[k];
                    for (int j = 0; j < g[k].Length; j++)
                    {
                        object[] plus = ArrayCase.Clone(p);
                        object[] minus = ArrayCase.Clone(p);
                        double x = Get(p, i, j);
                        double h = GradientChecks.StepScale * Math.Max(1.0, Math.Abs(x));
                        Set(plus, i, j, x + h);
                        Set(minus, i, j, x - h);
                        double step = Get(plus, i, j) - Get(minus, i, j);
                        double fPlus = c.Value(plus);
                        double fMinus = c.Value(minus);
                        double fd = (fPlus - fMinus) / step;
                        double tolerance = GradientChecks.FiniteDifferenceTolerance * (1.0 + Math.Abs(g[k][j]))
                            + 200.0 * Epsilon * Math.Max(Math.Abs(fPlus), Math.Abs(fMinus)) / step;
                        compared++;
                        if (!double.IsFinite(g[k][j]) || !double.IsFinite(fd) || Math.Abs(g[k][j] - fd) > tolerance)
                        {
                            failures.Add($"{c.Describe(p)}: d{c.ActiveName(k)}{Index(c, k, j)} = {F(g[k][j])}, central difference {F(fd)} (tolerance {tolerance:G3})");
                        }
                    }
                }
            }

            if (compared == 0)
            {
                failures.Add("No entry was compared: every drawn array is empty.");
            }

            return failures;
        }

        public static List<string> AgreesWithExactGradient(ArrayCase c)
        {
            var failures = new List<string>();
            Func<ArrayPoint, object[]> exact = c.Exact ?? throw new InvalidOperationException($"{c.Name} has no exact gradient.");
            foreach (object[] p in c.Points(GradientChecks.PointsPerFunction))
            {
                double[][] g = c.NewGradient(p);
                c.ValueAndGradient(p, g);
                object[] e = exact(new ArrayPoint(p));
                if (e.Length != c.Active.Length)
                {
                    throw new InvalidOperationException($"{c.Name}: the exact gradient has {e.Length} entries for {c.Active.Length} parameters.");
                }

                for (int k = 0; k < e.Length; k++)
                {
                    double[] ek = e[k] switch
                    {
                        double d => [d],
                        double[] a => a,
                        _ => throw new InvalidOperationException($"{c.Name}: exact entry {k} is {e[k]?.GetType()}."),
                    };
                    if (ek.Length != g[k].Length)
                    {
                        throw new InvalidOperationException($"{c.Name}: exact d{c.ActiveName(k)} has {ek.Length} entries, the gradient {g[k].Length}.");
                    }

                    for (int j = 0; j < ek.Length; j++)
                    {
                        double tolerance = c.ExactTolerance * Math.Max(1.0, Math.Abs(ek[j]));
                        if (!double.IsFinite(ek[j]) || !(Math.Abs(g[k][j] - ek[j]) <= tolerance))
                        {
                            failures.Add($"{c.Describe(p)}: d{c.ActiveName(k)}{Index(c, k, j)} = {F(g[k][j])}, exact {F(ek[j])} (difference {Math.Abs(g[k][j] - ek[j]):G3}, tolerance {tolerance:G3})");
                        }
                    }
                }
            }

            return failures;
        }

        /// <summary>
        /// A gradient span holding garbage (NaN, infinities, huge values) gets the same gradient, bit for
        /// bit, as a zeroed one: the gradient overwrites it rather than adding to it.
        /// </summary>
        public static List<string> OverwritesGarbage(ArrayCase c)
        {
            var failures = new List<string>();
            double[] garbage = [double.NaN, 1e300, -7.25, double.PositiveInfinity, -0.0, 3.5, double.NegativeInfinity];
            foreach (object[] p in c.Points(GradientChecks.PointsPerFunction / 4))
            {
                double[][] clean = c.NewGradient(p);
                double cleanValue = c.ValueAndGradient(p, clean);
                double[][] dirty = c.NewGradient(p);
                for (int k = 0; k < dirty.Length; k++)
                {
                    for (int j = 0; j < dirty[k].Length; j++)
                    {
                        dirty[k][j] = garbage[(j + k) % garbage.Length];
                    }
                }

                double dirtyValue = c.ValueAndGradient(p, dirty);
                if (BitConverter.DoubleToInt64Bits(cleanValue) != BitConverter.DoubleToInt64Bits(dirtyValue))
                {
                    failures.Add($"{c.Describe(p)}: value {F(dirtyValue)} with a dirty gradient span, {F(cleanValue)} with a clean one");
                }

                for (int k = 0; k < dirty.Length; k++)
                {
                    for (int j = 0; j < dirty[k].Length; j++)
                    {
                        if (BitConverter.DoubleToInt64Bits(clean[k][j]) != BitConverter.DoubleToInt64Bits(dirty[k][j]))
                        {
                            failures.Add($"{c.Describe(p)}: d{c.ActiveName(k)}{Index(c, k, j)} = {F(dirty[k][j])} from a dirty span, {F(clean[k][j])} from a clean one");
                        }
                    }
                }
            }

            return failures;
        }

        /// <summary>The generated method reads its inputs and never writes them.</summary>
        public static List<string> LeavesInputsUnchanged(ArrayCase c)
        {
            var failures = new List<string>();
            foreach (object[] p in c.Points(GradientChecks.PointsPerFunction / 4))
            {
                object[] before = ArrayCase.Clone(p);
                c.ValueAndGradient(p, c.NewGradient(p));
                for (int i = 0; i < p.Length; i++)
                {
                    bool same = (p[i], before[i]) switch
                    {
                        (double[] a, double[] b) => a.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(b.Select(BitConverter.DoubleToInt64Bits)),
                        (int[] a, int[] b) => a.SequenceEqual(b),
                        _ => Equals(p[i], before[i]),
                    };
                    if (!same)
                    {
                        failures.Add($"{c.Describe(before)}: _Grad changed {c.Parameters[i].Name}");
                    }
                }
            }

            return failures;
        }

        /// <summary>The first point where every differentiated array has at least <paramref name="minimum"/> entries.</summary>
        public static object[] PointWithLengths(ArrayCase c, int minimum = 2) =>
            c.Points(GradientChecks.PointsPerFunction).FirstOrDefault(p => Enumerable.Range(0, c.Active.Length).All(k => !c.IsSequence(c.Active[k]) || c.OutputLength(p, k) >= minimum))
            ?? throw new InvalidOperationException($"{c.Name}: no drawn point has every differentiated array of length {minimum} or more.");

        /// <summary>Output arguments for p: zeroed arrays for spans, boxes for out doubles.</summary>
        public static object[] Outputs(ArrayCase c, object[] p) =>
            Enumerable.Range(0, c.Active.Length).Select(k => c.IsSequence(c.Active[k]) ? (object)new double[c.OutputLength(p, k)] : new System.Runtime.CompilerServices.StrongBox<double>()).ToArray();

        public static string Index(ArrayCase c, int k, int j) => c.IsSequence(c.Active[k]) ? "[" + j.ToString(CultureInfo.InvariantCulture) + "]" : string.Empty;

        private static double Get(object[] p, int i, int j) => p[i] is double[] a ? a[j] : (double)p[i];

        private static void Set(object[] p, int i, int j, double v)
        {
            if (p[i] is double[] a)
            {
                a[j] = v;
            }
            else
            {
                p[i] = v;
            }
        }

        private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
    }
}
