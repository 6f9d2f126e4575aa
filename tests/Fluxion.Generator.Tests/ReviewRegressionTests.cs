using System;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Fluxion.Generator.Tests
{
    /// <summary>Inputs that once crashed the build, generated code that did not compile, or gave a wrong gradient.</summary>
    public partial class ReviewRegressionTests
    {
        private const string Usings = "using System;\nusing Fluxion;\nnamespace Demo;\n";

        [Fact]
        public void VeryLongExpressionIsDifferentiatedOrReportedNotAStackOverflow()
        {
            string terms = string.Join(" + ", Enumerable.Range(0, 2000).Select(i => "x * " + i + ".5"));
            GenerationResult? summed = null;
            GenerationResult? nested = null;
            // A 1 MB stack, as a secondary thread of an IDE has.
            var thread = new Thread(
                () =>
                {
                    // A statement's value: parsed along the chain, a local every 50 terms.
                    summed = GeneratorHarness.Run(Usings + "public static partial class M { [Differentiable] public static double F(double x) => " + terms + "; }");
                    // An argument: nothing may be computed before the statement, so the nesting is reported.
                    nested = GeneratorHarness.Run(Usings + "public static partial class M { [Differentiable] public static double F(double x) => Math.Sin("
                        + terms + "); }");
                },
                1024 * 1024);
            thread.Start();
            thread.Join();

            Assert.Empty(summed!.GeneratorDiagnostics);
            Assert.Empty(summed.CompilationDiagnostics);
            // d/dx Σ x·(i + 0.5) = Σ (i + 0.5) = 1999·2000/2 + 1000.
            object[] arguments = { 0.25, 0.0 };
            summed.Load().GetType("Demo.M")!.GetMethod("F_Grad")!.Invoke(null, arguments);
            Assert.Equal(2_000_000.0, (double)arguments[1]);

            Diagnostic diagnostic = Assert.Single(nested!.GeneratorDiagnostics);
            Assert.Equal("FLX0006", diagnostic.Id);
            Assert.Contains("nested more than 200 levels", diagnostic.GetMessage());
        }

        [Fact]
        public void SimilarSignaturesGetFilesOfTheirOwn()
        {
            GenerationResult result = GeneratorHarness.Run(Usings + """
                public static partial class M
                {
                    [Differentiable] public static double F_double(double x) => x * x;
                    [Differentiable] public static double F(double x, double y) => x * y;
                    [Differentiable] public static double Loss(double x) => x;
                    [Differentiable] public static double loss(double x) => 2 * x;
                }
                public static partial class Generic<T> { [Differentiable] public static double F(double x) => x; }
                public static partial class Generic_1 { [Differentiable] public static double F(double x) => x; }
                """);

            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
            Assert.Equal(6, result.Sources.Count);
            Assert.Equal(6, result.Sources.Keys.Select(k => k.ToLowerInvariant()).Distinct().Count());
        }

        [Fact]
        public void ParameterNamedUnderscoreIsNotOverwrittenByADiscard()
        {
            Assembly assembly = Compile("""
                public static partial class M
                {
                    [Differentiable] public static double G(double a, double b) => a * b;
                    [Differentiable(nameof(x))] public static double F(double x, double _) => G(x, 3.0) + _ * x;
                }
                """);
            (double value, double[] gradient) = Gradient(assembly, "F", 2.0, 5.0);
            Assert.Equal(16.0, value);
            Assert.Equal(8.0, gradient[0]);
        }

        [Fact]
        public void CheckedIntegerArithmeticStillThrows()
        {
            Assembly assembly = Compile("""
                public static partial class M
                {
                    [Differentiable] public static double F(double x, int n) { int m = checked(n * 2); int k = checked((int)x); return x * m + k; }
                }
                """);
            MethodInfo gradient = assembly.GetType("Demo.M")!.GetMethod("F_Grad")!;
            var exception = Assert.Throws<TargetInvocationException>(() => gradient.Invoke(null, new object[] { 1.0, int.MaxValue, 0.0 }));
            Assert.IsType<OverflowException>(exception.InnerException);
            Assert.Throws<TargetInvocationException>(() => gradient.Invoke(null, new object[] { 1e12, 1, 0.0 }));
        }

        [Fact]
        public void SmallIntegerIncrementsAndCompoundAssignmentsCompile()
        {
            GenerationResult result = GeneratorHarness.Run(Usings + """
                public static partial class M
                {
                    [Differentiable] public static double F(double x, short s, byte b)
                    {
                        s++;
                        s *= s;
                        b += 3;
                        long l = 2;
                        l += s;
                        ulong big = 18446744073709551615UL;
                        return x * s + x * b + l + (big > 0UL ? x : 0.0);
                    }
                }
                """);
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
        }

        [Fact]
        public void MutableStaticFieldIsReadWhereTheSourceReadsIt()
        {
            Assembly assembly = Compile("""
                public static partial class M
                {
                    public static double Scale = 2.0;
                    public static double Bump() { Scale = 10.0; return 0.0; }
                    [Differentiable] public static double F(double x) { double y = x * Scale; double z = Bump(); return y * Scale + z; }
                }
                """);
            assembly.GetType("Demo.M")!.GetField("Scale")!.SetValue(null, 2.0);
            (_, double[] gradient) = Gradient(assembly, "F", 3.0);
            Assert.Equal(20.0, gradient[0]);
        }

        [Fact]
        public void CallsRunInSourceOrder()
        {
            Assembly assembly = Compile("""
                public static partial class M
                {
                    public static string Trace = "";
                    public static double Log(int i) { Trace += i; return i; }
                    [Differentiable] public static double F(double x) => Log(1) + x * Log(2);
                }
                """);
            FieldInfo trace = assembly.GetType("Demo.M")!.GetField("Trace")!;
            trace.SetValue(null, "");
            Gradient(assembly, "F", 1.5);
            Assert.Equal("12", trace.GetValue(null));
        }

        [Fact]
        public void ShortCircuitedOperandIsNotEvaluatedEarly()
        {
            Assembly assembly = Compile("""
                public static partial class M
                {
                    [Differentiable] public static double F(double x, int n) { if (n != 0 && x * (12 / n) > 1) return x * x; return x; }
                }
                """);
            (double value, double[] gradient) = Gradient(assembly, "F", 2.0, 0);
            Assert.Equal(2.0, value);
            Assert.Equal(1.0, gradient[0]);
        }

        [Fact]
        public void NaNTestOfTheSourceIsKept()
        {
            Assembly assembly = Compile("""
                public static partial class M
                {
                    [Differentiable] public static double F(double x) { if (x != x) { return 0.0; } return x * 2.0; }
                }
                """);
            (double value, _) = Gradient(assembly, "F", double.NaN);
            Assert.Equal(0.0, value);
        }

        [Fact]
        public void PowGradientInTheExponentIsZeroAtBaseZero()
        {
            Assembly assembly = Compile("public static partial class M { [Differentiable] public static double F(double x, double y) => Math.Pow(x, y); }");
            (_, double[] gradient) = Gradient(assembly, "F", 0.0, 2.5);
            Assert.Equal(0.0, gradient[1]);
        }

        [Fact]
        public void KeywordAndVariantContainingTypesCompile()
        {
            GenerationResult result = GeneratorHarness.Run("using Fluxion;\nnamespace Demo;\n" + """
                public static partial class @class { [Differentiable] public static double F(double x) => x * x; }
                public partial interface IVar<out T> { [Differentiable] static double G(double x) => x * x; }
                """);
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
        }

        [Fact]
        public void FileLocalTypesAreReportedNotBroken()
        {
            GenerationResult result = GeneratorHarness.Run(Usings + """
                file static class Helpers { public static double W(int n) => n; }
                file static partial class Hidden { [Differentiable] public static double H(double x) => x; }
                public static partial class M { [Differentiable] public static double F(double x, int n) => x * Helpers.W(n); }
                """);
            Assert.Equal(new[] { "FLX0006", "FLX0012" }, result.GeneratorDiagnostics.Select(d => d.Id).OrderBy(id => id));
            Assert.Empty(result.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        }

        [Fact]
        public void CallerOfAMethodWithoutGradientGetsADiagnosticNotBrokenCode()
        {
            GenerationResult result = GeneratorHarness.Run(Usings + """
                public static partial class M
                {
                    [Differentiable] public static double G(double x) { double s = 0; foreach (var v in new[] { x }) { s += v; } return s; }
                    [Differentiable] public static double F(double x) => G(x) * 2;
                    [Differentiable] public static double H(double x) => F(x) + 1;
                    [Differentiable] public static double Fine(double x) => x * x;
                }
                """);
            Assert.Equal(new[] { "FLX0005", "FLX0014", "FLX0014" }, result.GeneratorDiagnostics.Select(d => d.Id).OrderBy(id => id));
            Assert.Single(result.Sources);
            Assert.Empty(result.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        }

        [Fact]
        public void InheritedGradientNameIsACollision()
        {
            GenerationResult result = GeneratorHarness.Run(Usings + """
                public class Base { public static double F_Grad(double x, out double dx) { dx = 1; return x; } }
                public partial class Derived : Base { [Differentiable] public static double F(double x) => x * x; }
                """);
            Assert.Equal("FLX0011", Assert.Single(result.GeneratorDiagnostics).Id);
        }

        [Fact]
        public void OverloadDifferingByRefIsNotADuplicate()
        {
            GenerationResult result = GeneratorHarness.Run(Usings + """
                public static partial class M
                {
                    [Differentiable] public static double F(double x) => x * x;
                    public static double F(ref double x) => x;
                }
                """);
            Assert.Single(result.Sources);
            Assert.Empty(result.GeneratorDiagnostics);
        }

        [Fact]
        public void EmptyStatementAfterReturnIsNotUnreachableCode()
        {
            GenerationResult result = GeneratorHarness.Run(Usings + "public static partial class M { [Differentiable] public static double F(double x) { return x * x;; } }");
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Single(result.Sources);
        }

        [Fact]
        public void AttributeOnALocalFunctionIsReported()
        {
            GenerationResult result = GeneratorHarness.Run(Usings + "public static partial class M { public static double F(double x) { [Differentiable] static double L(double v) => v * v; return L(x); } }");
            Assert.Equal("FLX0012", Assert.Single(result.GeneratorDiagnostics).Id);
        }

        private static Assembly Compile(string source)
        {
            GenerationResult result = GeneratorHarness.Run(Usings + source);
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
            return result.Load();
        }

        private static (double Value, double[] Gradient) Gradient(Assembly assembly, string name, params object[] arguments)
        {
            MethodInfo gradient = assembly.GetType("Demo.M")!.GetMethod(name + "_Grad")!;
            int outputs = gradient.GetParameters().Length - arguments.Length;
            object[] all = arguments.Concat(Enumerable.Repeat((object)0.0, outputs)).ToArray();
            double value = (double)gradient.Invoke(null, all)!;
            return (value, all.Skip(arguments.Length).Select(o => (double)o).ToArray());
        }
    }
}
