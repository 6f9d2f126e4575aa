using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Fluxion.Generator.Tests
{
    /// <summary>Loops in reverse mode: each method compiled, its gradient checked against central differences.</summary>
    public class LoopTests
    {
        public static readonly Dictionary<string, string> Methods = new()
        {
            ["Horner"] = "static double F(double x, double y) { double p = y; for (int k = 0; k < 5; k++) { p = p * x + 1.0 / (k + 1); } return p; }",
            ["Product"] = "static double F(double x, double y) { double p = 1; int n = 0; while (n < 4) { p *= x + n * y; n++; } return p; }",
            ["DoWhile"] = "static double F(double x, double y) { double s = 0; int k = 0; do { s += Math.Sin(x * k) * y; k++; } while (k < 3); return s; }",
            ["DataDependentTrips"] = "static double F(double x, double y) { double r = x; int steps = 0; while (r > y && steps < 40) { r = r * 0.8 + 0.05 * y; steps++; } return r * x; }",
            ["NewtonSqrt"] = "static double F(double x, double y) { double a = x * x + y * y + 1; double r = a; for (int k = 0; k < 20; k++) { r = 0.5 * (r + a / r); } return r; }",
            ["Nested"] = "static double F(double x, double y) { double t = 0; for (int i = 0; i < 3; i++) { for (int j = 0; j < 2; j++) { t += Math.Cos(x * i - y * j) * t + x; } } return t; }",
            ["BranchInLoop"] = "static double F(double x, double y) { double s = x; for (int i = 0; i < 6; i++) { if (s > y) { s = s * 0.5; } else { s = s * s + y; } } return s; }",
            ["LoopInBranch"] = "static double F(double x, double y) { double s = y; if (x > 0.3) { for (int i = 0; i < 3; i++) { s = s * x + 1; } } else { s = -s; } return s * y; }",
            ["CallInLoop"] = "static double F(double x, double y) { double s = 0; for (int i = 1; i <= 3; i++) { s += G(x * i) + y; } return s; } [Differentiable] public static double G(double v) => Math.Tanh(v) * v;",
            ["ParameterCarried"] = "static double F(double x, double y) { for (int i = 0; i < 3; i++) { x = x * y + 1; } return x; }",
            ["UnusedCarried"] = "static double F(double x, double y) { double w = x; for (int i = 0; i < 3; i++) { w = -2.0; } return y * y + w; }",
            ["ZeroTrips"] = "static double F(double x, double y) { double s = x; for (int i = 0; i < 0; i++) { s = s * y; } return s * y; }",
            ["Break"] = "static double F(double x, double y) { double s = 0; for (int i = 0; i < 10; i++) { s += x * i; if (s > y * 5 + 3) { break; } } return s; }",
            ["Continue"] = "static double F(double x, double y) { double s = 0; for (int i = 0; i < 6; i++) { if (i % 2 == 0) { continue; } s += Math.Sin(x * i) * y; } return s; }",
            ["ReturnInLoop"] = "static double F(double x, double y) { double s = x; for (int i = 0; i < 8; i++) { s = s * 0.9 + y; if (s > 2) { return s * x; } } return -s; }",
            ["WhileTrueBreak"] = "static double F(double x, double y) { double r = x; int n = 0; while (true) { r = r * 0.5 + y; n++; if (n >= 5) break; } return r * r; }",
            ["BreakInnerLoop"] = "static double F(double x, double y) { double t = 0; for (int i = 0; i < 3; i++) { for (int j = 0; j < 5; j++) { if (j > i) break; t += x * j + y * i; } t *= 0.9; } return t; }",
            ["ReturnFromInnerLoop"] = "static double F(double x, double y) { double t = y; for (int i = 0; i < 4; i++) { for (int j = 0; j < 3; j++) { t = t * x + 0.1 * j; if (t > 5) return t + i; } } return t * 2; }",
            ["WhileTrueReturn"] = "static double F(double x, double y) { double r = x * x + 1; while (true) { r = r * 0.5 + y * 0.1; if (r < 1) { return r * x; } } }",
            // The inner loop makes the outer loop's variable active halfway through the outer body, after a value read from it.
            ["ActivatedByInnerLoop"] = "static double F(double x, double y) { double v = 0.8; for (int i = 0; i < 3; i++) { double s = v * 0.5; for (int j = i; j < 2; j++) { if (v < 2) { v += x * 0.3 + 0.1 * j; } else { s = s * 0.6 + Math.Max(v, y); } } v = v * 0.7 + Math.Sin(s); } return v; }",
            ["CounterStepsByTwo"] = "static double F(double x, double y) { double s = 0; for (int k = 7; k > 0; k -= 2) { s = s * x + k * y; } return s; }",
            ["InnerLoopStartsAtOuterCounter"] = "static double F(double x, double y) { double t = 0; for (int i = 0; i < 4; i++) { double row = 0; for (int j = i; j < 4; j++) { row += Math.Sin(x * j) * y; } t += row * row; } return t; }",
            ["InnerBoundShrinks"] = "static double F(double x, double y) { double t = 0; for (int i = 0; i < 3; i++) { int n = 5 - i; for (int k = i; k < n; k++) { t += Math.Sin(x * k) + y; n -= 1; } t *= 0.5; } return t * t; }",
            ["InnerStartPastBound"] = "static double F(double x, double y) { double t = 1; for (int i = 0; i < 4; i++) { for (int k = i * 2; k < 3; k++) { t = t * x + y * k; } } return t; }",
            // A conditional with a constant condition stays as written: folded, it would compare c with itself (CS1718).
            ["ConstantChoiceInCondition"] = "static double F(double x, double y) { double c = y; int k = 0; while (k < 4 && (c < (-1.9 >= 0.1 ? x : c) || k < 2)) { c = Math.Tanh(c) + c * x; k++; } return c; }",
            // A loop that only adds into a parameter the code before it read: fused, it must not leave the parameter's
            // last value where the backward sweep of that code reads the first.
            ["AccumulatesIntoParameterReadBefore"] = "static double F(double x, double y) { double t = Math.Sin(y) * x; for (int i = 0; i < 4; i++) { y += x * 0.1 * i; } return t + y * 0.5; }",
            ["MeanOfSquares"] = "static double F(double x, double y) { int n = 5; double s = 0; for (int i = 0; i < n; i++) { double d = x * i - y; s += d * d; } return s / n + Math.Log(1 + x * x); }",
            ["AccumulatorAfterLoop"] = "static double F(double x, double y) { double s = 0; for (int i = 0; i < 4; i++) { s += x * i; } double t = s * s; for (int i = 0; i < 2; i++) { t = t * y; } return t + s; }",
        };

        public static IEnumerable<object[]> Names => Methods.Keys.Select(k => new object[] { k });

        [Theory]
        [MemberData(nameof(Names))]
        public void GradientMatchesCentralDifferences(string name) => CheckAgainstCentralDifferences(name, Methods[name]);

        /// <summary>Compiles <c>static double F(double x, double y)</c> and checks its gradient at 40 points.</summary>
        internal static void CheckAgainstCentralDifferences(string name, string method)
        {
            string source = "using System;\nusing Fluxion;\nnamespace Demo;\npublic static partial class L\n{\n    [Differentiable] public " + method + "\n}\n";
            GenerationResult result = GeneratorHarness.Run(source);
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);

            Type type = result.Load().GetType("Demo.L")!;
            MethodInfo function = type.GetMethod("F")!;
            MethodInfo gradient = type.GetMethod("F_Grad")!;
            double Call(double[] point) => (double)function.Invoke(null, new object[] { point[0], point[1] })!;
            var random = new Random(name.Length * 31 + name[0]);
            int compared = 0;
            for (int sample = 0; sample < 40; sample++)
            {
                double[] point = { random.NextDouble() * 2 - 0.5, random.NextDouble() * 2 - 0.5 };
                object[] arguments = { point[0], point[1], 0.0, 0.0 };
                double value = (double)gradient.Invoke(null, arguments)!;
                Assert.Equal(BitConverter.DoubleToInt64Bits(Call(point)), BitConverter.DoubleToInt64Bits(value));
                compared += CentralDifferences.Check(Call, point, value, new[] { (double)arguments[2], (double)arguments[3] }, name);
            }

            Assert.True(compared >= 60, $"only {compared} comparisons away from kinks");
        }

        [Fact]
        public void WarmGradientWithLoopsAllocatesNothing()
        {
            GenerationResult result = GeneratorHarness.Run("using System;\nusing Fluxion;\nnamespace Demo;\npublic static partial class L\n{\n    [Differentiable] public " + Methods["Nested"] + "\n}\n");
            MethodInfo gradient = result.Load().GetType("Demo.L")!.GetMethod("F_Grad")!;
            var typed = gradient.CreateDelegate<GradientOf2>();
            typed(0.3, 0.4, out _, out _);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
            {
                typed(0.3 + i * 1e-3, 0.4, out _, out _);
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        public delegate double GradientOf2(double x, double y, out double dx, out double dy);
    }
}
