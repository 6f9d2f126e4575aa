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
