using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;

namespace Fluxion.Generator.Tests
{
    /// <summary>Local arrays: created with <c>new</c>, elements written and overwritten, read back; gradients against central differences.</summary>
    public class LocalArrayTests
    {
        public static readonly Dictionary<string, string> Methods = new()
        {
            ["Softmax"] = "static double F(double x, double y) { double[] e = new double[3]; double sum = 0; for (int i = 0; i < 3; i++) { e[i] = Math.Exp(x * i - y); sum += e[i]; } return e[1] / sum; }",
            ["Initializer"] = "static double F(double x, double y) { double[] c = { x, y * y, x * y }; return c[0] * c[1] + Math.Sin(c[2]); }",
            ["PrefixRecurrence"] = "static double F(double x, double y) { double[] p = new double[5]; p[0] = x; for (int i = 1; i < p.Length; i++) { p[i] = p[i - 1] * y + x; } double s = 0; for (int i = 0; i < 5; i++) { s += p[i] * p[i]; } return s; }",
            ["OverwrittenInLoop"] = "static double F(double x, double y) { double[] h = new double[2]; double total = 0; for (int s = 0; s < 4; s++) { h[0] = Math.Tanh(x * s + y); h[1] = h[0] * h[0] + x; total += h[0] * h[1]; } return total; }",
            ["CompoundAndIncrement"] = "static double F(double x, double y) { double[] a = new double[3]; a[0] = x; a[0] *= y; a[1] += a[0] * x; a[1]++; a[2] -= a[1] / (1 + y * y); a[2]--; return a[0] + a[1] * a[2]; }",
            ["ElementReadBeforeWrite"] = "static double F(double x, double y) { double[] a = new double[2]; a[0] = x; double before = a[0]; a[0] = y * before; return before * a[0] + a[1]; }",
            ["SwapSort"] = "static double F(double x, double y) { double[] v = { x, y, x * y, 0.5 }; for (int i = 0; i < v.Length; i++) { for (int j = 0; j + 1 < v.Length - i; j++) { if (v[j] > v[j + 1]) { double t = v[j]; v[j] = v[j + 1]; v[j + 1] = t; } } } return v[0] + 2 * v[1] + 3 * v[2] + 4 * v[3]; }",
            ["IntegerIndexArray"] = "static double F(double x, double y) { int[] order = { 2, 0, 1 }; double[] w = { x, y, x + y }; double s = 0; for (int k = 0; k < order.Length; k++) { s = s * x + w[order[k]]; } return s; }",
            ["LengthFromParameterWork"] = "static double F(double x, double y) { int n = 2 + (int)Math.Floor(Math.Abs(y) * 2); double[] a = new double[n * 2]; for (int i = 0; i < a.Length; i++) { a[i] = Math.Sin(x * i); } return a[0] + a[1] * a[a.Length - 1]; }",
            ["DeclaredAfterEarlyReturn"] = "static double F(double x, double y) { if (x > 1.2) { return x * y; } double[] a = new double[2]; a[0] = x * x; a[1] = a[0] * y; return a[1] - a[0]; }",
            ["WrittenInBranch"] = "static double F(double x, double y) { double[] a = new double[2]; for (int i = 0; i < 2; i++) { if (x * i > y) { a[i] = x * y; } else { a[i] = Math.Exp(-x * i); } } return a[0] * a[1] + a[1]; }",
            // The variable the array is sized with is counted down afterwards: the array keeps its length.
            ["LengthVariableCountedDown"] = "static double F(double x, double y) { int n = 3; double[] a = new double[n]; a[2] = x * x; a[1] = y; double s = 0; while (n > 1) { n--; s += a[n] * y; } return s + a.Length; }",
            ["LengthReadAfterCountDown"] = "static double F(double x, double y) { int n = 2; double[] a = new double[n]; a[0] = x * y; while (n > 0) { n--; } return a[0] / a.Length; }",
            ["ForEachOverLocalArray"] = "static double F(double x, double y) { double[] a = { x, x * y, Math.Sin(y) }; double s = 0; foreach (double v in a) { s = s * x + v * v; } int[] k = { 2, 0 }; foreach (int i in k) { s += a[i] * y; } return s; }",
            // Arrays created inside loops: a new array (all zeros) in each iteration.
            ["CreatedEachIteration"] = "static double F(double x, double y) { double s = 0; for (int i = 0; i < 3; i++) { double[] row = new double[2]; row[0] = x * i; row[1] += row[0] * y; s += row[0] + Math.Sin(row[1]); } return s; }",
            ["CreatedInInnerLoopWithBreak"] = "static double F(double x, double y) { double s = 0; for (int i = 0; i < 3; i++) { for (int j = 0; j < 4; j++) { double[] t = { x * j, y + i }; if (t[0] * t[1] > 2.5) { break; } s += t[0] * t[1]; } } return s; }",
            ["CreatedInBranchInWhile"] = "static double F(double x, double y) { double s = x; int steps = 0; while (Math.Abs(s) < 4 && steps < 6) { if (s > y) { double[] a = new double[3]; a[steps % 3] = s * y; s += a[0] + a[1] - a[2] + 0.5; } else { s = s * 1.5 + y; } steps++; } return s; }",
            ["CreatedWithLengthFromIteration"] = "static double F(double x, double y) { double s = 0; int k = 1; do { double[] p = new double[k]; p[0] = x; for (int i = 1; i < p.Length; i++) { p[i] = p[i - 1] * y; } foreach (double v in p) { s += v; } k++; } while (k < 5); return s; }",
            ["CreatedWithDataLength"] = "static double F(double x, double y) { double s = 0; for (int i = 0; i < 3; i++) { int n = 1 + (int)Math.Floor(Math.Abs(y) * (i + 1)); double[] a = new double[n]; for (int j = 0; j < n; j++) { a[j] = Math.Sin(x * j + i) * y; } s += a[n - 1] * a[0] + a.Length; n = 0; } return s; }",
            ["CreatedInLoopWithReturn"] = "static double F(double x, double y) { for (int i = 0; i < 5; i++) { double[] a = { x * i, y }; if (a[0] > a[1] + 1) { return a[0] * a[1]; } if (i == 2) { continue; } x += 0.1 * a[1]; } return x * y; }",
            // Found by review: an array of each iteration must not get a row span from before the loop; an int element
            // converted to double, or used as an index, is read once into a local (the array may change, or be gone, later).
            ["RowOfArrayCreatedInTheLoop"] = "static double F(double x, double y) { double s = 0; for (int j = 0; j < 3; j++) { double[] w = { 1, 2, 3 }; s += w[j] * x * y; } return s; }",
            ["IntElementConvertedInProduct"] = "static double F(double x, double y) { double s = 0; for (int i = 0; i < 3; i++) { int[] k = { i + 1 }; s = s * y + x * k[0]; } return s; }",
            ["IntElementAsWriteIndex"] = "static double F(double x, double y) { double s = 0; for (int i = 0; i < 3; i++) { int[] k = { 1 }; double[] a = new double[2]; a[k[0]] = x * y; s += a[1] * y; } return s; }",
            ["IntElementAsIndexOfWholeRead"] = "static double F(double x, double y) { double s = 0; for (int i = 0; i < 3; i++) { int[] k = { i % 2 }; double[] a = { x, y * x }; double v = a[k[0]]; s += v * y; } return s; }",
            ["IntIndexChangedAfterTheWrite"] = "static double F(double x, double y) { int[] k = { 0, 1 }; double[] a = new double[2]; a[k[0]] = x * y; k[0] = 1; return a[0] * y + a[1]; }",
            ["IntElementChangedAfterItsUse"] = "static double F(double x, double y) { int[] c = { 1 }; double r = x * c[0] * y; c[0] = 5; return r + c[0]; }",
            // Found by random programs: an int element on a side of ?: or a switch inside an index is read once too.
            ["IntElementInConditionalIndex"] = "static double F(double x, double y) { int[] k = { 1, 0 }; double[] w = { x, y }; double t = w[y > 0 ? 1 : k[1]] * x; k[1] = 1; return t; }",
            ["IntElementInConditionalWriteIndex"] = "static double F(double x, double y) { int[] k = { 0, 1 }; double[] w = { x, y }; w[y > 0 ? 1 : k[1]] = x * y; k[1] = 0; return w[0] + w[1]; }",
            ["IntElementInSwitchIndex"] = "static double F(double x, double y) { int[] k = { 0, 1 }; double[] w = { x, y * x }; double t = w[k[0] switch { 0 => k[1], _ => 0 }]; k[1] = 0; return t * y; }",
            ["IntElementInConditionalIndexOfProduct"] = "static double F(double x, double y) { int[] k = { 1 }; double[] h = { x, y }; double t = h[y > 0 ? k[0] : 0] * h[0]; k[0] = 0; return t; }",
            ["ArrayInInnerLoopReadingOuterArray"] = "static double F(double x, double y) { double s = 0; for (int i = 0; i < 3; i++) { double[] a = { x * i, y }; for (int j = 0; j < 2; j++) { double[] b = new double[2]; b[j] = a[j] * a[1 - j]; a[j] = b[j] + x; s += b[j]; } s += a[0] * a[1]; } return s; }",
            ["LongLengthAndIndex"] = "static double F(double x, double y) { long n = 3; double[] a = new double[n]; for (long k = 0; k < n; k++) { a[k] = x * k + y; } uint m = 2; double[] b = new double[m]; b[1u] = a[2L] * y; return a[0] * b[1] + b[0]; }",
            ["ArrayLengthInLoop"] = "static double F(double x, double y) { double[] a = new double[4]; for (int i = 0; i < a.Length; i++) { a[i] = i == 0 ? x : a[i - 1] * Math.Cos(y + a[i - 1]); } return a[a.Length - 1]; }",
        };

        public static IEnumerable<object[]> Names => Methods.Keys.Select(k => new object[] { k });

        [Theory]
        [MemberData(nameof(Names))]
        public void GradientMatchesCentralDifferences(string name) => LoopTests.CheckAgainstCentralDifferences(name, Methods[name]);

        /// <summary>
        /// The primal allocates its arrays (one, or a new one in each iteration); the warm gradient allocates those and
        /// nothing more (its adjoints come from a pool).
        /// </summary>
        [Theory]
        [InlineData("OverwrittenInLoop")]
        [InlineData("CreatedEachIteration")]
        [InlineData("CreatedWithLengthFromIteration")]
        public void WarmGradientAllocatesOnlyWhatThePrimalDoes(string name)
        {
            GenerationResult result = GeneratorHarness.Run("using System;\nusing Fluxion;\nnamespace Demo;\npublic static partial class L\n{\n    [Differentiable] public " + Methods[name] + "\n}\n");
            Type type = result.Load().GetType("Demo.L")!;
            var primal = type.GetMethod("F")!.CreateDelegate<Func<double, double, double>>();
            var gradient = type.GetMethod("F_Grad")!.CreateDelegate<LoopTests.GradientOf2>();
            primal(0.3, 0.4);
            gradient(0.3, 0.4, out _, out _);
            long start = GC.GetAllocatedBytesForCurrentThread();
            primal(0.3, 0.4);
            long primalBytes = GC.GetAllocatedBytesForCurrentThread() - start;
            start = GC.GetAllocatedBytesForCurrentThread();
            gradient(0.3, 0.4, out _, out _);
            long gradientBytes = GC.GetAllocatedBytesForCurrentThread() - start;
            Assert.True(primalBytes > 0, "the primal allocates its array");
            Assert.Equal(primalBytes, gradientBytes);
        }

        [Fact]
        public Task LocalArrayUsedWholeIsReported() => DiagnosticTests.Verify("""
            public static partial class Model
            {
                public static double First(double[] values) => values[0];

                [Differentiable]
                public static double F(double x)
                {
                    double[] a = new double[2];
                    a[0] = x;
                    {|FLX0005:a|} = new double[3];
                    // A method that is not [Differentiable] could change the array it is given.
                    return First({|FLX0006:a|}) * x;
                }
            }
            """);

        [Fact]
        public Task RefLocalsAndArraysGivenToPlainMethodsAreReported() => DiagnosticTests.Verify("""
            public static partial class Model
            {
                public static double Largest(double[] values) => values[0];

                public static double Total(ReadOnlySpan<double> values) => values.Length;

                [Differentiable]
                public static double F(double x)
                {
                    double[] h = { x, 2 * x };
                    ref double {|FLX0005:r = ref h[0]|};
                    r = 3 * x;
                    double[] c = { 1.0, 2.0 };
                    // Read-only spans are fine: the method cannot change the array.
                    return h[0] + Total(c) * Largest({|FLX0006:c|});
                }
            }
            """);

        /// <summary>
        /// A local array passed whole to a [Differentiable] method must still hold, in the backward sweep, what the call
        /// saw: not a new array of each iteration, not written after the call (even by the call's own statement) or in a
        /// loop around it.
        /// </summary>
        [Fact]
        public Task LocalArrayChangedAfterItsCallIsReported() => DiagnosticTests.Verify("""
            public static partial class Model
            {
                [Differentiable]
                public static double Sum(double[] values)
                {
                    double s = 0;
                    for (int i = 0; i < values.Length; i++)
                    {
                        s += values[i];
                    }

                    return s;
                }

                [Differentiable]
                public static double WrittenAfter(double x)
                {
                    double[] a = { x, x * x };
                    double first = Sum({|FLX0006:a|});
                    a[1] = 0;
                    return first + a[0];
                }

                [Differentiable]
                public static double WrittenInTheLoopAround(double x)
                {
                    double[] a = new double[2];
                    double total = 0;
                    for (int i = 0; i < 3; i++)
                    {
                        total += Sum({|FLX0006:a|});
                        a[i % 2] += x;
                    }

                    return total;
                }

                [Differentiable]
                public static double CreatedInTheLoop(double x)
                {
                    double total = 0;
                    for (int i = 0; i < 3; i++)
                    {
                        double[] a = { x * i, x };
                        total += Sum({|FLX0006:a|});
                    }

                    return total;
                }

                [Differentiable]
                public static double WrittenByTheCallsOwnStatement(double x)
                {
                    double[] k = { x, 2 * x };
                    k[0] = Sum({|FLX0006:k|});
                    return k[0];
                }

                [Differentiable]
                public static double WrittenBeforeInAnotherLoop(double x)
                {
                    double[] a = new double[3];
                    for (int i = 0; i < 3; i++)
                    {
                        a[i] = x * i;
                    }

                    double total = 0;
                    for (int k = 0; k < 2; k++)
                    {
                        total += Sum(a) * k;
                    }

                    return total;
                }
            }
            """);

        [Fact]
        public Task LocalArraysOfOtherShapesAreReported() => DiagnosticTests.Verify("""
            public static partial class Model
            {
                [Differentiable]
                public static double F(double[] p, double x)
                {
                    double[][] {|FLX0005:rows = new double[2][]|};
                    double[] {|FLX0005:alias = p|};
                    {|FLX0008:p[0]|} = x;
                    return x;
                }
            }
            """);
    }
}
