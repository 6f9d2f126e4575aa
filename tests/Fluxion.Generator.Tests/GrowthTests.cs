using System;
using System.Linq;
using System.Reflection;
using System.Text;

namespace Fluxion.Generator.Tests
{
    /// <summary>
    /// Reverse mode must not swell: the generated code grows linearly with the source, and the gradient
    /// stays correct on large and deep methods (checked against central differences after compiling).
    /// </summary>
    public class GrowthTests
    {
        [Fact]
        public void MethodOfSeveralHundredOperationsGrowsLinearly()
        {
            (string source, int operations) = LargeMethod(terms: 60);
            GenerationResult result = GeneratorHarness.Run(source);

            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
            Assert.True(operations >= 300, $"only {operations} operations");
            // Each source operation costs a bounded number of generated statements (one forward, at most two backward).
            int statements = CountOccurrences(result.Single(), ";\n");
            Assert.True(statements <= 2 * operations, $"{statements} generated statements for {operations} operations");

            // Twice the terms, about twice the code: linear, not quadratic.
            string doubled = GeneratorHarness.Run(LargeMethod(terms: 120).Source).Single();
            double growth = (double)doubled.Length / result.Single().Length;
            Assert.InRange(growth, 1.8, 2.2);

            CheckAgainstCentralDifferences(result.Load(), "Large", 5);
        }

        [Theory]
        [InlineData(50)]
        [InlineData(100)]
        public void DeepCompositionGrowsLinearly(int depth)
        {
            GenerationResult result = GeneratorHarness.Run(DeepMethod(depth));
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);

            string generated = result.Single();
            int cosines = CountOccurrences(generated, "Math.Cos(");
            int sines = CountOccurrences(generated, "Math.Sin(");
            Assert.Equal(depth, cosines);
            Assert.Equal(depth, sines);

            string half = GeneratorHarness.Run(DeepMethod(depth / 2)).Single();
            Assert.InRange((double)generated.Length / half.Length, 1.8, 2.2);

            // d/dx sin∘…∘sin (x) = Π cos(inner values): the closed form, computed independently.
            MethodInfo gradient = result.Load().GetType("Demo.Deep")!.GetMethod("Nest_Grad")!;
            foreach (double x in new[] { -1.3, 0.2, 0.9, 2.5 })
            {
                object[] arguments = { x, 0.0 };
                gradient.Invoke(null, arguments);
                double value = x;
                double derivative = 1.0;
                for (int i = 0; i < depth; i++)
                {
                    derivative *= Math.Cos(value);
                    value = Math.Sin(value);
                }

                Assert.Equal(derivative, (double)arguments[1], 1e-14);
            }
        }

        [Theory]
        [InlineData(2000, "return")]
        [InlineData(1000, "double s =")]
        [InlineData(1500, "s +=")]
        public void ASumOfThousandsOfTermsIsDifferentiatedInLinearCode(int terms, string how)
        {
            GenerationResult result = GeneratorHarness.Run(LongSum(terms, how));
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
            Assert.InRange((double)result.Single().Length / GeneratorHarness.Run(LongSum(terms / 2, how)).Single().Length, 1.8, 2.2);

            // Σ_t w[a_t]·w[b_t]·c_t: ∂/∂w_j = Σ_t c_t·(w[b_t]·[a_t = j] + w[a_t]·[b_t = j]), summed independently.
            Type model = result.Load().GetType("Demo.Long")!;
            var random = new Random(20261203);
            double[] w = Enumerable.Range(0, 10).Select(_ => random.NextDouble() * 2 - 1).ToArray();
            var gradient = new double[10];
            object[] arguments = { w, gradient };
            double value = (double)model.GetMethod("Gradient")!.Invoke(null, arguments)!;
            Assert.Equal((double)model.GetMethod("Sum")!.Invoke(null, new object[] { w })!, value);
            var expected = new double[10];
            for (int t = 0; t < terms; t++)
            {
                (int a, int b, double c) = Term(t);
                expected[a] += c * w[b];
                expected[b] += c * w[a];
            }

            for (int j = 0; j < 10; j++)
            {
                Assert.Equal(expected[j], gradient[j], 1e-10);
            }
        }

        [Fact]
        public void IfBlocksThatMayReturnOneAfterAnotherStayLinear()
        {
            // Each block both returns and falls through: copying what follows into both paths would double the code per block.
            GenerationResult nine = GeneratorHarness.Run(ReturningBlocks(9));
            Assert.Empty(nine.GeneratorDiagnostics);
            Assert.Empty(nine.CompilationDiagnostics);
            Assert.InRange((double)GeneratorHarness.Run(ReturningBlocks(18)).Single().Length / nine.Single().Length, 1.8, 2.3);

            // y = x + Σ_{k<m} k·x while no block returned; block m returns y·m when m < x < m + 0.25.
            Type model = nine.Load().GetType("Demo.Returns")!;
            foreach (double x in new[] { 0.5, 1.1, 1.7, 2.2, 3.1, 3.6, 5.05, 7.9, 8.2, 9.5, 12.0 })
            {
                object[] arguments = { x, 0.0 };
                double value = (double)model.GetMethod("Blocks_Grad")!.Invoke(null, arguments)!;
                Assert.Equal((double)model.GetMethod("Blocks")!.Invoke(null, new object[] { x })!, value);
                double slope = 1.0;
                double expected = double.NaN;
                for (int k = 1; k <= 9 && double.IsNaN(expected); k++)
                {
                    if (x > k && x < k + 0.25)
                    {
                        expected = slope * k;
                    }
                    else if (x > k)
                    {
                        slope += k;
                    }
                }

                Assert.Equal(double.IsNaN(expected) ? slope : expected, (double)arguments[1], 1e-12);
            }
        }

        [Fact]
        public void TwoThousandEarlyReturnsOneAfterAnotherAreDifferentiated()
        {
            GenerationResult result = GeneratorHarness.Run(EarlyReturns(2001));
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
            Assert.InRange((double)result.Single().Length / GeneratorHarness.Run(EarlyReturns(1000)).Single().Length, 1.8, 2.3);

            // The first k with x < k + 0.5 returns x·(k + 1); past them all, x.
            Type model = result.Load().GetType("Demo.Returns")!;
            foreach (double x in new[] { -1.0, 0.25, 3.75, 15.25, 700.25, 1999.75, 2000.25, 2500.0 })
            {
                object[] arguments = { x, 0.0 };
                double value = (double)model.GetMethod("Steps_Grad")!.Invoke(null, arguments)!;
                Assert.Equal((double)model.GetMethod("Steps")!.Invoke(null, new object[] { x })!, value);
                double expected = x < 2000.5 ? Math.Max(0, Math.Ceiling(x - 0.5)) + 1 : 1.0;
                Assert.Equal(expected, (double)arguments[1]);
            }
        }

        private static string ReturningBlocks(int blocks) =>
            "using System;\nusing Fluxion;\nnamespace Demo;\npublic static partial class Returns\n{\n    [Differentiable]\n"
            + "    public static double Blocks(double x)\n    {\n        double y = x;\n"
            + string.Concat(Enumerable.Range(1, blocks).Select(k => $"        if (x > {k}.0) {{ if (x < {k}.25) return y * {k}.0; y += x * {k}.0; }}\n"))
            + "        return y;\n    }\n}\n";

        private static string EarlyReturns(int count) =>
            "using System;\nusing Fluxion;\nnamespace Demo;\npublic static partial class Returns\n{\n    [Differentiable]\n"
            + "    public static double Steps(double x)\n    {\n"
            + string.Concat(Enumerable.Range(0, count).Select(k => $"        if (x < {k}.5) return x * {k + 1}.0;\n"))
            + "        return x;\n    }\n}\n";

        private static (int A, int B, double C) Term(int t) => (t % 10, (t * 3 + 1) % 10, 1.0 + t % 7 * 0.25);

        /// <summary>One statement summing <paramref name="terms"/> products: returned, declared, or added to a local.</summary>
        private static string LongSum(int terms, string how)
        {
            string sum = string.Join(" + ", Enumerable.Range(0, terms).Select(t => Term(t) is var (a, b, c)
                ? $"w[{a}] * w[{b}] * {c.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}" : ""));
            string body = how switch
            {
                "return" => "return " + sum + ";",
                "double s =" => "double s = " + sum + ";\n        return s;",
                _ => "double s = 1.0;\n        s += " + sum + ";\n        return s - 1.0;",
            };
            return "using System;\nusing Fluxion;\nnamespace Demo;\npublic static partial class Long\n{\n    [Differentiable]\n"
                + "    public static double Sum(double[] w)\n    {\n        " + body + "\n    }\n\n"
                + "    public static double Gradient(double[] w, double[] gradient) => Sum_Grad(w, gradient);\n}\n";
        }

        private static (string Source, int Operations) LargeMethod(int terms)
        {
            var body = new StringBuilder();
            int operations = 0;
            body.Append("        double s = 0.0;\n");
            for (int t = 0; t < terms; t++)
            {
                string a = "x" + (t % 5);
                string b = "x" + ((t * 3 + 1) % 5);
                string c = "x" + ((t * 7 + 2) % 5);
                body.Append($"        double t{t} = {a} * Math.Sin({b} + {t * 0.1:R}) / (1.0 + {c} * {c});\n");
                body.Append($"        s += t{t} * {a} - Math.Exp(-{b} * {b} / {t + 1}.0);\n");
                operations += 13;
            }

            body.Append("        return s;\n");
            string source = "using System;\nusing Fluxion;\nnamespace Demo;\npublic static partial class Model\n{\n    [Differentiable]\n"
                + "    public static double Large(double x0, double x1, double x2, double x3, double x4)\n    {\n" + body + "    }\n}\n";
            return (source, operations);
        }

        private static string DeepMethod(int depth)
        {
            string expression = "x";
            for (int i = 0; i < depth; i++)
            {
                expression = "Math.Sin(" + expression + ")";
            }

            return "using System;\nusing Fluxion;\nnamespace Demo;\npublic static partial class Deep\n{\n    [Differentiable]\n    public static double Nest(double x) => " + expression + ";\n}\n";
        }

        private static void CheckAgainstCentralDifferences(Assembly assembly, string name, int arity)
        {
            Type type = assembly.GetType("Demo.Model")!;
            MethodInfo function = type.GetMethod(name)!;
            MethodInfo gradient = type.GetMethod(name + "_Grad")!;
            var random = new Random(20261125);
            for (int sample = 0; sample < 20; sample++)
            {
                double[] point = Enumerable.Range(0, arity).Select(_ => random.NextDouble() * 4 - 2).ToArray();
                object[] arguments = point.Cast<object>().Concat(Enumerable.Repeat((object)0.0, arity)).ToArray();
                double value = (double)gradient.Invoke(null, arguments)!;
                Assert.Equal((double)function.Invoke(null, point.Cast<object>().ToArray())!, value);
                for (int i = 0; i < arity; i++)
                {
                    // Central difference: truncation error ~h²·f''' and rounding ~ε·|f|/h balance near h = 1e-5.
                    double h = 1e-5 * Math.Max(1.0, Math.Abs(point[i]));
                    double[] plus = (double[])point.Clone();
                    double[] minus = (double[])point.Clone();
                    plus[i] += h;
                    minus[i] -= h;
                    double estimate = ((double)function.Invoke(null, plus.Cast<object>().ToArray())! - (double)function.Invoke(null, minus.Cast<object>().ToArray())!) / (2 * h);
                    double exact = (double)arguments[arity + i];
                    Assert.True(Math.Abs(exact - estimate) <= 1e-6 * Math.Max(1.0, Math.Abs(estimate)), $"d/dx{i} at sample {sample}: generated {exact}, central difference {estimate}");
                }
            }
        }

        private static int CountOccurrences(string text, string part) => (text.Length - text.Replace(part, string.Empty).Length) / part.Length;
    }
}
