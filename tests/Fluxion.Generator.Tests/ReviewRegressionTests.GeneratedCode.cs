using System;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Fluxion.Generator.Tests
{
    /// <summary>Generated code that did not compile, warned, or gave a wrong gradient (issue 12).</summary>
    public partial class ReviewRegressionTests
    {
        public delegate double ArrayGradient(double[] w, Span<double> dw);

        public delegate double ArrayJvp(double[] w, ReadOnlySpan<double> dw, out double derivative);

        public delegate double UnderscoreGradient(double x, double[] underscore, out double dx, Span<double> dunderscore);

        [Fact]
        public void ComparisonOfAVariableWithItsUnaryPlusDoesNotWarn()
        {
            GenerationResult result = GeneratorHarness.Run(Usings + """
                public static partial class M { [Differentiable] public static double F(double x) { if (x <= +x) { return x * x; } return x; } }
                """);
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
            (double value, double[] gradient) = Gradient(result.Load(), "F", 3.0);
            Assert.Equal(9.0, value);
            Assert.Equal(6.0, gradient[0]);
        }

        [Fact]
        public void NamesNameofAndVarDoNotBreakTheGeneratedChecksAndBuffers()
        {
            Assembly assembly = Compile("""
                public class var { }
                public static partial class M
                {
                    private static int nameof(object value) => 0;

                    [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
                    public static double F(double[] w)
                    {
                        double[] squares = new double[w.Length];
                        double sum = 0;
                        for (int i = 0; i < w.Length; i++) { squares[i] = w[i] * w[i]; sum += squares[i] * w[0]; }
                        return sum;
                    }
                }
                public static partial class N { [Differentiable] public static double G(double[] nameof, double y) { double nameof2 = nameof[0] * y; return nameof2 * nameof[1]; } }
                """);
            double[] w = { 1.5, -2.0, 0.5 };
            var gradient = new double[3];
            double value = assembly.GetType("Demo.M")!.GetMethod("F_Grad")!.CreateDelegate<ArrayGradient>()(w, gradient);
            // F = w0 · Σ wi², so ∂F/∂w0 = Σ wi² + 2 w0², ∂F/∂wi = 2 w0 wi.
            Assert.Equal(1.5 * (2.25 + 4.0 + 0.25), value, 12);
            Assert.Equal(new[] { 6.5 + 2 * 2.25, 2 * 1.5 * -2.0, 2 * 1.5 * 0.5 }, gradient, (a, b) => Math.Abs(a - b) < 1e-12);
        }

        [Fact]
        public void ManyParametersGetShortUniqueHintNames()
        {
            string parameters = string.Join(", ", Enumerable.Range(0, 40).Select(i => "double p" + i));
            GenerationResult result = GeneratorHarness.Run(Usings + "public static partial class M {\n"
                + "[Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp)] public static double F(" + parameters
                + ", double last) => p0 * last;\n"
                + "[Differentiable] public static double F(" + parameters + ", int last) => p0 * p1 * last; }");
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
            Assert.Equal(4, result.Sources.Count);
            Assert.All(result.Sources.Keys, name => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(name), 1, 160));
            Assert.Equal(4, result.Sources.Keys.Select(k => k.ToLowerInvariant()).Distinct().Count());
        }

        [Fact]
        public void GeneratedCodeCompilesAtCSharp73()
        {
            var options = new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3);
            GenerationResult result = GeneratorHarness.Run(options, """
                using System;
                using Fluxion;
                namespace Demo
                {
                    public static partial class M
                    {
                        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
                        public static double Product(ReadOnlySpan<double> v) => v[0] * v[1];

                        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
                        public static double F(double x, int n)
                        {
                            double r = x;
                            if (n > 0) { double[] a = new double[2]; a[0] = x * x; a[1] = Math.Sin(x); r = Product(a); }
                            double s = 0;
                            for (int i = 0; i < n; i++) { switch (i) { case 0: s += r * x; break; default: s += r; break; } }
                            return s + r;
                        }

                        [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp | Derivatives.Hessian)]
                        public static double G(double[] w)
                        {
                            double[] squares = new double[w.Length];
                            double s = 0;
                            foreach (double v in w) { s += v; }
                            for (int i = 0; i < w.Length; i++) { squares[i] = w[i] * s; }
                            return squares[0] > 1 ? squares[0] * squares[1] : s;
                        }
                    }
                }
                """);
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
            Assembly assembly = result.Load();
            MethodInfo function = assembly.GetType("Demo.M")!.GetMethod("F")!;
            foreach (double x in new[] { 0.7, -1.3 })
            {
                (double value, double[] gradient) = Gradient(assembly, "F", x, 3);
                Assert.Equal(1, CentralDifferences.Check(point => (double)function.Invoke(null, new object[] { point[0], 3 })!, new[] { x }, value,
                    gradient, "F"));
            }
        }

        [Fact]
        public void LocalArrayAfterASummingLoopIsNotReadBeforeItsAdjoints()
        {
            Assembly assembly = Compile("""
                public static partial class M
                {
                    [Differentiable] public static double F(double[] w)
                    {
                        double s = 0;
                        for (int i = 0; i < w.Length; i++) { s += w[i] * w[i]; }
                        double[] a = new double[2];
                        a[0] = s;
                        return a[0] * 3.0;
                    }
                }
                """);
            double[] w = { 1.5, -2.0, 0.5 };
            var gradient = new double[3];
            double value = assembly.GetType("Demo.M")!.GetMethod("F_Grad")!.CreateDelegate<ArrayGradient>()(w, gradient);
            Assert.Equal(3.0 * 6.5, value, 12);
            Assert.Equal(new[] { 9.0, -12.0, 3.0 }, gradient, (a, b) => Math.Abs(a - b) < 1e-12);
        }

        [Fact]
        public void UnusedResultOfACallInABranchOrSectionCompiles()
        {
            Assembly assembly = Compile("""
                public static partial class M
                {
                    [Differentiable] public static double G(double a, double b) => a * b;
                    [Differentiable] public static double F(double x, int n)
                    {
                        if (x > 0) { double unused = G(x, x); }
                        switch (n) { case 1: double ignored = G(x, 2.0); break; default: break; }
                        double kept = 0;
                        if (n > 1) { kept = G(x, 3.0); }
                        return x * x;
                    }
                }
                """);
            foreach (int n in new[] { 1, 2 })
            {
                (double value, double[] gradient) = Gradient(assembly, "F", 1.5, n);
                Assert.Equal(2.25, value);
                Assert.Equal(3.0, gradient[0]);
            }
        }

        [Fact]
        public void ArrayPassedToASpanCalleeInsideMathSinKeepsItsDerivative()
        {
            Assembly assembly = Compile("""
                public static partial class M
                {
                    [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
                    public static double Sum(ReadOnlySpan<double> v) { double s = 0; for (int i = 0; i < v.Length; i++) { s += v[i]; } return s; }

                    [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
                    public static double F(double[] w) { return Math.Sin(Sum(w)) ; }
                }
                """);
            double[] w = { 0.3, -1.1, 0.5 };
            double total = w.Sum();
            var gradient = new double[3];
            Type type = assembly.GetType("Demo.M")!;
            double value = type.GetMethod("F_Grad")!.CreateDelegate<ArrayGradient>()(w, gradient);
            Assert.Equal(Math.Sin(total), value, 15);
            Assert.All(gradient, partial => Assert.Equal(Math.Cos(total), partial, 15));

            double[] direction = { 1.0, 2.0, -0.5 };
            type.GetMethod("F_Jvp")!.CreateDelegate<ArrayJvp>()(w, direction, out double derivative);
            Assert.Equal(Math.Cos(total) * direction.Sum(), derivative, 14);
        }

        [Fact]
        public void ArrayParameterNamedUnderscoreIsNotADiscardTarget()
        {
            Assembly assembly = Compile("""
                public static partial class M
                {
                    [Differentiable] public static double G(double a, double b) => a * b;
                    [Differentiable] public static double F(double x, double[] _) => G(x, 3.0) + _[0] * x;
                }
                """);
            double[] underscore = { 2.5 };
            var dunderscore = new double[1];
            double value = assembly.GetType("Demo.M")!.GetMethod("F_Grad")!.CreateDelegate<UnderscoreGradient>()(2.0, underscore, out double dx, dunderscore);
            Assert.Equal(6.0 + 5.0, value);
            Assert.Equal(3.0 + 2.5, dx);
            Assert.Equal(2.0, dunderscore[0]);
        }
    }
}
