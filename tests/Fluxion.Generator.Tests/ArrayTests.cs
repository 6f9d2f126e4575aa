using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Fluxion.Generator.Tests
{
    /// <summary>Array and span parameters: gradients into spans, checked against central differences and closed forms.</summary>
    public class ArrayTests
    {
        /// <summary>Methods of one double[] p (differentiable) and one double x; gradients checked at random points.</summary>
        public static readonly Dictionary<string, string> Methods = new()
        {
            ["Dot"] = "static double F(double[] p, double x) { double s = 0; for (int i = 0; i < p.Length; i++) { s += p[i] * (i + x); } return s; }",
            ["Rosenbrock"] = "static double F(double[] p, double x) { double s = 0; for (int i = 0; i + 1 < p.Length; i++) { double a = p[i + 1] - p[i] * p[i]; double b = 1 - p[i]; s += 100 * a * a + b * b; } return s * x; }",
            ["Logistic"] = "static double F(double[] p, double x) { double z = x; for (int i = 0; i < p.Length; i++) { z += p[i] * Math.Sin(i + 1.0); } return Math.Log(1 + Math.Exp(-z)); }",
            ["FlatMatrix"] = "static double F(double[] p, double x) { int n = 2; double s = 0; for (int r = 0; r < 2; r++) { double row = 0; for (int c = 0; c < n; c++) { row += p[r * n + c] * (c + x); } s += row * row; } return s; }",
            ["Horner"] = "static double F(double[] p, double x) { double v = 0; for (int k = p.Length - 1; k >= 0; k--) { v = v * x + p[k]; } return v; }",
            ["MaxElement"] = "static double F(double[] p, double x) { double m = p[0]; for (int i = 1; i < p.Length; i++) { if (p[i] > m) { m = p[i]; } } return m * x; }",
            ["ForEach"] = "static double F(double[] p, double x) { double s = 0; foreach (double v in p) { s += v * v * x; if (s > 100) break; } return s; }",
            ["ReadTwice"] = "static double F(double[] p, double x) { return p[0] * p[0] + p[1] * p[0] * x + Math.Exp(p[3]); }",
        };

        public static IEnumerable<object[]> Names => Methods.Keys.Select(k => new object[] { k });

        [Theory]
        [MemberData(nameof(Names))]
        public void GradientMatchesCentralDifferences(string name)
        {
            Type type = Compile("[Differentiable] public " + Methods[name]);
            var function = type.GetMethod("F")!.CreateDelegate<Func<double[], double, double>>();
            var gradient = type.GetMethod("F_Grad")!.CreateDelegate<ArrayGradient>();
            var random = new Random(name.GetHashCode() & 0xFFFF);
            int compared = 0;
            for (int sample = 0; sample < 25; sample++)
            {
                double[] p = Enumerable.Range(0, 4).Select(_ => random.NextDouble() * 2 - 1).ToArray();
                double x = random.NextDouble() + 0.5;
                double[] dp = new double[4];
                double value = gradient(p, x, dp, out double dx);
                Assert.Equal(function(p, x), value);
                double[] point = p.Append(x).ToArray();
                compared += CentralDifferences.Check(q => function(q.Take(4).ToArray(), q[4]), point, value, dp.Append(dx).ToArray(), name);
            }

            Assert.True(compared >= 100, $"only {compared} comparisons");
        }

        [Fact]
        public void SpansInAndOut()
        {
            Type type = Compile("[Differentiable] public static double F(ReadOnlySpan<double> p, Span<double> q) { double s = 0; for (int i = 0; i < p.Length; i++) { s += p[i] * q[i] * q[i]; } return s; }");
            var gradient = type.GetMethod("F_Grad")!.CreateDelegate<SpanGradient>();
            double[] p = { 1, 2, 3 };
            double[] q = { 4, 5, 6 };
            double[] dp = { 9, 9, 9 };
            double[] dq = new double[3];
            double value = gradient(p, q, dp, dq);
            Assert.Equal(1 * 16 + 2 * 25 + 3 * 36, value);
            Assert.Equal(new[] { 16.0, 25.0, 36.0 }, dp);
            Assert.Equal(new[] { 2.0 * 1 * 4, 2.0 * 2 * 5, 2.0 * 3 * 6 }, dq);
        }

        [Fact]
        public void WrongLengthThrowsBeforeAnyWork()
        {
            Type type = Compile("[Differentiable] public static double F(double[] weights, double x) => weights[0] * x;");
            var gradient = type.GetMethod("F_Grad")!.CreateDelegate<ArrayGradient>();
            var exception = Assert.Throws<ArgumentException>(() => gradient(new[] { 1.0, 2.0 }, 3.0, new double[3], out _));
            Assert.Equal("dweights", exception.ParamName);
            Assert.Contains("'weights' (2), not 3", exception.Message);
        }

        [Fact]
        public void SharedMemoryThrows()
        {
            Type type = Compile("[Differentiable] public static double F(double[] weights, double x) => weights[0] * x;");
            var gradient = type.GetMethod("F_Grad")!.CreateDelegate<ArrayGradient>();
            double[] weights = { 1.0, 2.0 };
            Assert.Throws<ArgumentException>(() => gradient(weights, 3.0, weights, out _));
        }

        [Fact]
        public void PassiveIntegerArraysIndexData()
        {
            Type type = Compile("[Differentiable(nameof(p))] public static double F(double[] p, int[] pick, double scale) { double s = 0; for (int i = 0; i < pick.Length; i++) { s += p[pick[i]] * scale; } return s; }");
            var gradient = type.GetMethod("F_Grad")!.CreateDelegate<PickGradient>();
            double[] dp = new double[3];
            gradient(new[] { 1.0, 2.0, 3.0 }, new[] { 2, 0, 2 }, 0.5, dp);
            Assert.Equal(new[] { 0.5, 0.0, 1.0 }, dp);
        }

        [Fact]
        public void UnsupportedArrayUsesAreReportedOnTheNode()
        {
            GenerationResult result = GeneratorHarness.Run("using System;\nusing Fluxion;\nnamespace Demo;\n" + """
                public static partial class M
                {
                    [Differentiable] public static double Write(double[] p) { p[0] = 1; return p[0]; }
                    [Differentiable] public static double Jagged(double[][] p) => 0;
                    [Differentiable] public static double Alias(double[] p) { double[] a = p; return a[0]; }
                    public static double Helper(double[] p) => p[0];
                    [Differentiable] public static double Dot(double[] a, double[] b) => a[0] * b[0];
                    [Differentiable] public static double ToHelper(double[] p) => Helper(p) * 2;
                }
                """);
            // A differentiated array handed to a method without a gradient is an error, never a silent zero.
            Assert.Equal(new[] { "FLX0003", "FLX0005", "FLX0007", "FLX0008" }, result.GeneratorDiagnostics.Select(d => d.Id).OrderBy(id => id));
        }

        private static Type Compile(string method)
        {
            GenerationResult result = GeneratorHarness.Run("using System;\nusing Fluxion;\nnamespace Demo;\npublic static partial class A\n{\n    " + method + "\n}\n");
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
            return result.Load().GetType("Demo.A")!;
        }

        public delegate double ArrayGradient(double[] p, double x, Span<double> dp, out double dx);

        public delegate double SpanGradient(ReadOnlySpan<double> p, Span<double> q, Span<double> dp, Span<double> dq);

        public delegate double PickGradient(double[] p, int[] pick, double scale, Span<double> dp);
    }
}
