using System;
using System.Linq;
using System.Reflection;
using CsCheck;
using Microsoft.CodeAnalysis;

namespace Fluxion.Generator.Tests
{
    /// <summary>
    /// Random methods with locals, reassignments, branches, early returns, the conditional operator, loops
    /// (counted, and with data-dependent trip counts) and local arrays (int arrays as indices, arrays new in each
    /// iteration, flat matrices read by row, long lengths and counters, arrays passed whole to [Differentiable] helpers):
    /// each is generated, compiled, and its gradient compared with central differences at random points.
    /// A point where the left and right differences disagree sits on a kink or jump and is skipped.
    /// </summary>
    public class RandomProgramTests
    {
        private static readonly int Programs = int.Parse(Environment.GetEnvironmentVariable("FLUXION_RANDOM_PROGRAMS") ?? "100");
        private const int PointsPerProgram = 12;
        private static readonly string[] Parameters = { "a", "b", "c" };

        [Fact]
        public void GradientsOfRandomProgramsMatchCentralDifferences()
        {
            int compared = 0;
            int skipped = 0;
            // Generated from one fixed seed, so every run checks the same programs; FLUXION_RANDOM_SEED and
            // FLUXION_RANDOM_PROGRAMS run others locally.
            Gen<string> programs = Body(Parameters, statements: 3);
            var random = new PCG(11, ulong.Parse(Environment.GetEnvironmentVariable("FLUXION_RANDOM_SEED") ?? "20261125"));
            for (int program = 0; program < Programs; program++)
            {
                string body = programs.Generate(random, null!, out _);
                try
                {
                    (int c, int s) = CheckProgram(body);
                    compared += c;
                    skipped += s;
                }
                catch (Exception exception) when (exception is not Xunit.Sdk.XunitException { Message: var message } || !message.StartsWith("Program ", StringComparison.Ordinal))
                {
                    throw new Xunit.Sdk.XunitException("Program " + program + ":\n" + body + "\n" + exception.Message);
                }
            }

            // Most points are away from kinks: the comparison is real, not vacuous.
            Assert.True(compared > 4 * skipped, $"{compared} compared, {skipped} skipped");
        }

        private static (int Compared, int Skipped) CheckProgram(string body)
        {
            // Second derivatives where the program calls no [Differentiable] helper (the helpers take whole arrays, which second
            // derivatives cannot go through yet).
            bool secondOrder = !body.Contains("SumSq(") && !body.Contains("Horner(");
            string kinds = "Derivatives.Gradient | Derivatives.Jvp" + (secondOrder ? " | Derivatives.Hessian | Derivatives.Hvp" : string.Empty);
            string source = "using System;\nusing Fluxion;\nnamespace Demo;\npublic static partial class Random\n{\n    [Differentiable(Derivatives = " + kinds
                + ")]\n    public static double F(double a, double b, double c)\n    {\n" + body + "    }\n\n" + Helpers + VectorOfPrograms
                + (secondOrder ? SecondOrderCallers : string.Empty) + "}\n";
            GenerationResult result = GeneratorHarness.Run(source);
            Assert.Empty(result.GeneratorDiagnostics);
            // The generated code may repeat a warning of the source (x >= x is the user's own), but add none.
            var sourceWarnings = result.CompilationDiagnostics.Where(d => d.Location.SourceTree?.FilePath == "Source0.cs").Select(d => d.Id).ToHashSet();
            Assert.Empty(result.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error
                || (d.Location.SourceTree?.FilePath.Contains("Demo.Random") == true && !sourceWarnings.Contains(d.Id))));

            Type type = result.Load().GetType("Demo.Random")!;
            MethodInfo function = type.GetMethod("F")!;
            MethodInfo gradient = type.GetMethod("F_Grad")!;
            MethodInfo jvp = type.GetMethod("F_Jvp")!;
            double Call(double[] x) => (double)function.Invoke(null, x.Cast<object>().ToArray())!;

            var random = new System.Random(body.Length * 7919 + body.Count(ch => ch == '('));
            int compared = 0;
            int skipped = 0;
            for (int point = 0; point < PointsPerProgram; point++)
            {
                double[] x = Parameters.Select(_ => random.NextDouble() * 3 - 1.5).ToArray();
                object[] arguments = x.Cast<object>().Concat(new object[] { 0.0, 0.0, 0.0 }).ToArray();
                double value = (double)gradient.Invoke(null, arguments)!;
                Assert.Equal(BitConverter.DoubleToInt64Bits(Call(x)), BitConverter.DoubleToInt64Bits(value));
                double[] g = arguments.Skip(3).Select(o => (double)o).ToArray();
                int checkedHere = CentralDifferences.Check(Call, x, value, g, "\n" + body);

                // Forward mode takes the same branches: along a random direction it gives the gradient's projection, kinks included.
                double[] v = Parameters.Select(_ => random.NextDouble() * 2 - 1).ToArray();
                object[] jvpArguments = x.Cast<object>().Concat(v.Cast<object>()).Append(0.0).ToArray();
                Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits((double)jvp.Invoke(null, jvpArguments)!));
                double derivative = (double)jvpArguments[^1];
                double projection = g.Select((gi, i) => gi * v[i]).Sum();
                double scale = Math.Max(1.0, g.Select((gi, i) => Math.Abs(gi * v[i])).Sum());
                Assert.True(
                    Math.Abs(derivative - projection) <= 1e-12 * scale || (double.IsNaN(derivative) && double.IsNaN(projection)),
                    $"F_Jvp gave {derivative:R} where the gradient along the direction is {projection:R}\n" + body);
                if (secondOrder)
                {
                    CheckSecondOrder(type, x, value, g, v, body);
                }

                object[] permuted = new object[] { x[2], x[0], x[1], 0.0, 0.0, 0.0 };
                double permutedValue = (double)gradient.Invoke(null, permuted)!;
                double[] permutedGradient = permuted.Skip(3).Select(o => (double)o).ToArray();
                CheckVector(type, x, value, g, permutedValue, permutedGradient, body);

                compared += checkedHere;
                skipped += x.Length - checkedHere;
            }

            return (compared, skipped);
        }

        /// <summary>
        /// F_Hessian and F_Hvp take the branches F takes: the gradient they write is F_Grad's, the Hessian is symmetric, and
        /// H·v is the Hessian times v (all to rounding; kinks included, where central differences would say nothing).
        /// </summary>
        private static void CheckSecondOrder(Type type, double[] x, double value, double[] g, double[] v, string body)
        {
            var hessianGradient = new double[3];
            var hessian = new double[9];
            object[] hessianArguments = x.Cast<object>().Append(hessianGradient).Append(hessian).ToArray();
            double hessianValue = (double)type.GetMethod("CallHessian")!.Invoke(null, hessianArguments)!;
            var hvpGradient = new double[3];
            var hv = new double[3];
            object[] hvpArguments = x.Cast<object>().Append(v).Append(hvpGradient).Append(hv).ToArray();
            double hvpValue = (double)type.GetMethod("CallHvp")!.Invoke(null, hvpArguments)!;
            Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(hessianValue));
            Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(hvpValue));
            static bool Close(double a, double b, double scale) => Math.Abs(a - b) <= 1e-12 * Math.Max(1.0, scale) || (double.IsNaN(a) && double.IsNaN(b));
            for (int i = 0; i < 3; i++)
            {
                Assert.True(Close(hessianGradient[i], g[i], Math.Abs(g[i])), $"F_Hessian's gradient[{i}] {hessianGradient[i]:R}, F_Grad's {g[i]:R}\n" + body);
                Assert.True(Close(hvpGradient[i], g[i], Math.Abs(g[i])), $"F_Hvp's gradient[{i}] {hvpGradient[i]:R}, F_Grad's {g[i]:R}\n" + body);
                for (int j = 0; j < 3; j++)
                {
                    double hij = hessian[i * 3 + j];
                    double hji = hessian[j * 3 + i];
                    Assert.True(Close(hij, hji, Math.Max(Math.Abs(hij), Math.Abs(hji))), $"H[{i},{j}] = {hij:R} but H[{j},{i}] = {hji:R}\n" + body);
                }

                double product = Enumerable.Range(0, 3).Sum(j => hessian[i * 3 + j] * v[j]);
                double scale = Enumerable.Range(0, 3).Sum(j => Math.Abs(hessian[i * 3 + j] * v[j]));
                Assert.True(Close(hv[i], product, scale), $"(H·v)[{i}] is {hv[i]:R} from F_Hvp, {product:R} from F_Hessian\n" + body);
            }
        }

        /// <summary>
        /// The vector-valued V built on the program (see <see cref="VectorOfPrograms"/>) has, row by row, the Jacobian its
        /// chain rule gives from F's gradients at (a, b, c) and at (c, a, b): with 3 outputs (F_Jacobian's row path, through
        /// V_Vjp) and 4 (its column path, through V_Jvp), its outputs bit for bit V's own.
        /// </summary>
        private static void CheckVector(Type type, double[] x, double f1, double[] g1, double f2, double[] permutedGradient, string body)
        {
            // ∇ of F(c, a, b) with respect to (a, b, c).
            double[] g2 = { permutedGradient[1], permutedGradient[2], permutedGradient[0] };
            foreach (int outputs in new[] { 3, 4 })
            {
                var expectedRows = new double[outputs][];
                expectedRows[0] = g1;
                expectedRows[1] = Enumerable.Range(0, 3).Select(j => f2 * g1[j] + f1 * g2[j]).ToArray();
                for (int i = 2; i < outputs; i++)
                {
                    expectedRows[i] = Enumerable.Range(0, 3).Select(j => expectedRows[i - 1][j] + (j == 0 ? i : 0.0)).ToArray();
                }

                var y = new double[outputs];
                var primal = new double[outputs];
                var jacobian = new double[outputs * 3];
                type.GetMethod("CallVector")!.Invoke(null, new object[] { x[0], x[1], x[2], primal });
                type.GetMethod("CallJacobian")!.Invoke(null, new object[] { x[0], x[1], x[2], y, jacobian });
                Assert.Equal(primal.Select(BitConverter.DoubleToInt64Bits), y.Select(BitConverter.DoubleToInt64Bits));
                for (int i = 0; i < outputs; i++)
                {
                    for (int j = 0; j < 3; j++)
                    {
                        double expected = expectedRows[i][j], actual = jacobian[i * 3 + j];
                        double scale = Math.Max(1.0, Math.Abs(f2 * g1[j]) + Math.Abs(f1 * g2[j]) + Math.Abs(expected));
                        Assert.True(Math.Abs(expected - actual) <= 1e-12 * scale || (double.IsNaN(expected) && double.IsNaN(actual)),
                            $"V_Jacobian[{i},{j}] with {outputs} outputs is {actual:R}, the chain rule through F_Grad gives {expected:R}\n" + body);
                    }
                }
            }
        }

        /// <summary>A vector-valued method on every program, calling it twice, reading its own outputs back; and callers for reflection.</summary>
        private const string VectorOfPrograms = """

                [Differentiable(Derivatives = Derivatives.Jacobian | Derivatives.Jvp | Derivatives.Vjp)]
                public static void V(double a, double b, double c, Span<double> y)
                {
                    y[0] = F(a, b, c);
                    y[1] = y[0] * F(c, a, b);
                    for (int i = 2; i < y.Length; i++)
                    {
                        y[i] = y[i - 1] + a * i;
                    }
                }

                public static void CallVector(double a, double b, double c, double[] y) => V(a, b, c, y);

                public static void CallJacobian(double a, double b, double c, double[] y, double[] jacobian) => V_Jacobian(a, b, c, y, jacobian);

            """;

        /// <summary>Calls the second-order methods with arrays (reflection cannot pass spans).</summary>
        private const string SecondOrderCallers = """

                public static double CallHessian(double a, double b, double c, double[] gradient, double[] hessian) =>
                    F_Hessian(a, b, c, gradient, hessian);

                public static double CallHvp(double a, double b, double c, double[] v, double[] gradient, double[] hv) =>
                    F_Hvp(a, b, c, v, gradient, hv);

            """;

        /// <summary>[Differentiable] methods in every program's class, which the shapes pass local arrays to whole.</summary>
        private const string Helpers = """
                [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
                public static double SumSq(double[] v)
                {
                    double s = 0.0;
                    for (int i = 0; i < v.Length; i++)
                    {
                        s += v[i] * v[i];
                    }

                    return s;
                }

                [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
                public static double Horner(double[] v, double x)
                {
                    double s = 0.0;
                    for (int i = v.Length - 1; i >= 0; i--)
                    {
                        s = s * x + v[i];
                    }

                    return s;
                }

            """;

        /// <summary>Statements that end in a return, over the variables in scope.</summary>
        private static Gen<string> Body(string[] variables, int statements)
        {
            Gen<string> finalReturn = Expression(variables, 3).Select(e => $"        return {e};\n");
            if (statements == 0)
            {
                return finalReturn;
            }

            string local = "v" + statements;
            string[] withLocal = variables.Append(local).ToArray();
            Gen<string> target = Gen.OneOf(variables);
            Gen<string> rest = Body(variables, statements - 1);
            return Gen.Frequency(
                (3, Gen.Select(Expression(variables, 2), Body(withLocal, statements - 1), (e, tail) => $"        double {local} = {e};\n{tail}")),
                (2, Gen.Select(target, Gen.OneOf("=", "+=", "-=", "*="), Expression(variables, 2), rest, (t, op, e, tail) => $"        {t} {op} {e};\n{tail}")),
                (2, Gen.Select(Condition(variables, 1), target, Expression(variables, 2), Expression(variables, 2), rest,
                    (condition, t, whenTrue, whenFalse, tail) => $"        if ({condition})\n        {{\n            {t} = {whenTrue};\n        }}\n        else\n        {{\n            {t} += {whenFalse};\n        }}\n{tail}")),
                (1, Gen.Select(Condition(variables, 1), Expression(variables, 2), rest, (condition, returned, tail) => $"        if ({condition})\n        {{\n            return {returned};\n        }}\n{tail}")),
                (2, Gen.Select(Gen.Int[0, 3], target, Gen.OneOf("=", "+=", "*="), Expression(variables, 2), Expression(variables, 1), rest,
                    (count, t, op, step, other, tail) => $"        for (int i{statements} = 0; i{statements} < {count}; i{statements}++)\n        {{\n            {t} {op} {step};\n            {t} = {t} * 0.9 + {other} * 0.1;\n        }}\n{tail}")),
                (1, Gen.Select(Gen.Int[1, 5], target, Expression(variables, 2), Condition(variables, 1), Gen.OneOf("break", "continue"), rest,
                    (count, t, step, condition, jump, tail) => $"        for (int j{statements} = 0; j{statements} < {count}; j{statements}++)\n        {{\n            if ({condition})\n            {{\n                {jump};\n            }}\n\n            {t} = {t} * 0.8 + {step};\n        }}\n{tail}")),
                (1, Gen.Select(target, Expression(variables, 1), Condition(variables, 1), rest,
                    (t, step, condition, tail) => $"        int k{statements} = 0;\n        while (k{statements} < 4 && ({condition}))\n        {{\n            {t} = Math.Tanh({t}) + {step};\n            k{statements}++;\n        }}\n{tail}")),
                // Nested loops: the inner one starts where the outer one is, writes both a variable the outer loop carries
                // and a local of the outer body, and the outer body reads that local after it.
                (1, Gen.Select(Gen.Int[0, 3], Gen.Int[1, 4], target, Condition(variables, 1), Expression(variables, 1), Expression(variables, 1), rest,
                    (count, innerCount, t, condition, step, other, tail) =>
                        $"        for (int p{statements} = 0; p{statements} < {count}; p{statements}++)\n        {{\n            double s{statements} = {t} * 0.5;\n"
                        + $"            for (int q{statements} = p{statements}; q{statements} < {innerCount}; q{statements}++)\n            {{\n"
                        + $"                if ({condition})\n                {{\n                    {t} += {step} * 0.3 + 0.1 * q{statements};\n                }}\n"
                        + $"                else\n                {{\n                    s{statements} = s{statements} * 0.6 + {other};\n                }}\n            }}\n\n"
                        + $"            {t} = {t} * 0.7 + Math.Sin(s{statements});\n        }}\n{tail}")),
                // A loop inside a branch inside a loop.
                (1, Gen.Select(Gen.Int[0, 3], target, Condition(variables, 1), Expression(variables, 1), Expression(variables, 1), rest,
                    (count, t, condition, step, other, tail) =>
                        $"        for (int p{statements} = 0; p{statements} < {count}; p{statements}++)\n        {{\n            if ({condition})\n            {{\n"
                        + $"                int q{statements} = 0;\n                while (q{statements} <= p{statements})\n                {{\n                    {t} = {t} * 0.9 + {step};\n                    q{statements}++;\n                }}\n            }}\n\n"
                        + $"            {t} -= {other} * 0.1;\n        }}\n{tail}")),
                // A local array filled in a loop, overwritten in place, read back at a data-dependent index.
                (1, Gen.Select(Gen.Int[1, 4], target, Expression(variables, 1), Expression(variables, 1), Condition(variables, 1), rest,
                    (length, t, fill, other, condition, tail) =>
                        $"        double[] w{statements} = new double[{length}];\n        for (int r{statements} = 0; r{statements} < {length}; r{statements}++)\n        {{\n"
                        + $"            w{statements}[r{statements}] = {fill} * (r{statements} + 1) + (r{statements} > 0 ? w{statements}[r{statements} - 1] * 0.5 : 0.0);\n        }}\n"
                        + $"        for (int r{statements} = 0; r{statements} < {length}; r{statements}++)\n        {{\n"
                        + $"            if ({condition})\n            {{\n                w{statements}[{length - 1} - r{statements}] *= {other};\n            }}\n\n"
                        + $"            {t} += w{statements}[r{statements}] * 0.3;\n        }}\n{tail}")),
                // A new local array in each iteration of a loop, filled by an inner loop, changed in a branch, read back.
                (1, Gen.Select(Gen.Int[0, 3], Gen.Int[1, 4], target, Expression(variables, 1), Expression(variables, 1), Condition(variables, 1), rest,
                    (count, length, t, fill, other, condition, tail) =>
                        $"        for (int r{statements} = 0; r{statements} < {count}; r{statements}++)\n        {{\n"
                        + $"            double[] u{statements} = new double[{length}];\n"
                        + $"            for (int c{statements} = 0; c{statements} < {length}; c{statements}++)\n            {{\n"
                        + $"                u{statements}[c{statements}] = {fill} * (c{statements} + r{statements} + 1) + (c{statements} > 0 ? u{statements}[c{statements} - 1] * 0.5 : 0.0);\n            }}\n\n"
                        + $"            if ({condition})\n            {{\n                u{statements}[{length - 1}] *= {other};\n            }}\n\n"
                        + $"            {t} += u{statements}[{length - 1}] * 0.3 + u{statements}[0] * 0.1;\n        }}\n{tail}")),
                // A flat local matrix filled row by row, then read row by row from column 1 on by an inner loop of constant
                // length, once in every iteration and once only where a condition holds.
                (1, Gen.Select(Gen.Int[1, 3], Gen.Int[1, 4], target, Expression(variables, 1), Expression(variables, 1), rest,
                    (rows, columns, t, fill, other, tail) =>
                        $"        double[] m{statements} = new double[{rows * columns}];\n        for (int p{statements} = 0; p{statements} < {rows}; p{statements}++)\n        {{\n"
                        + $"            for (int q{statements} = 0; q{statements} < {columns}; q{statements}++)\n            {{\n"
                        + $"                m{statements}[p{statements} * {columns} + q{statements}] = {fill} * (q{statements} + 1) - 0.2 * p{statements};\n            }}\n        }}\n\n"
                        + $"        for (int p{statements} = 0; p{statements} < {rows}; p{statements}++)\n        {{\n            double z{statements} = {t} * 0.5;\n"
                        + $"            for (int q{statements} = 1; q{statements} < {columns}; q{statements}++)\n            {{\n"
                        + $"                z{statements} += m{statements}[p{statements} * {columns} + q{statements}] * (q{statements} < {columns - 1} ? m{statements}[p{statements} * {columns} + 1 + q{statements}] : {other});\n"
                        + $"            }}\n\n            {t} += Math.Tanh(z{statements});\n        }}\n{tail}")),
                // A switch on a value computed from the inputs, with a section that breaks out early and one that returns.
                (1, Gen.Select(Expression(variables, 1), target, Expression(variables, 1), Expression(variables, 1), Expression(variables, 2), rest,
                    (selector, t, first, second, returned, tail) =>
                        $"        switch ((int)Math.Floor(Math.Abs({selector}) * 2))\n        {{\n"
                        + $"            case 0:\n                {t} += {first};\n                break;\n"
                        + $"            case 1:\n            case 2:\n                {t} = {t} * {second};\n                break;\n"
                        + $"            case 3:\n                return {returned};\n"
                        + $"            default:\n                {t} -= 0.5;\n                break;\n        }}\n\n{tail}")),
                // An int array used as indices into a double array (also under a conditional or switch in the index), changed
                // after its element was used (in a loop too, whose trip count it sets), an int element as the index of a
                // write, and int elements converted to double.
                (1, Gen.Select(IntIndex(variables), IntIndex(variables), target, Gen.Select(Expression(variables, 1), Expression(variables, 1), Expression(variables, 1), (x, y, z) => (x, y, z)),
                    Gen.OneOf("1", "0", "1 - ix{0}[0]", "ix{0}[1]"), Gen.OneOf(variables), Gen.Int[0, 3], Gen.Select(Condition(variables, 1), Gen.Bool, (c, s) => (c, s)), rest,
                    (first, second, t, e, change, x, count, pick, tail) =>
                    {
                        string ix = "ix" + statements, w = "wx" + statements, r = "r" + statements;
                        string chosen = pick.s ? $"({pick.c} ? {ix}[0] : {ix}[1])" : $"{ix}[0] switch {{ 0 => {ix}[1], _ => 1 - {ix}[1] }}";
                        return $"        int[] {ix} = {{ {first}, {second} }};\n        double[] {w} = {{ {e.x}, {e.y} }};\n"
                            + $"        {t} += {w}[{ix}[0]] * {e.z} + {w}[{chosen}] * 0.5;\n        {w}[{(pick.s ? $"{pick.c} ? {ix}[1] : 1 - {ix}[0]" : chosen)}] += {x} * 0.5;\n"
                            + $"        {ix}[0] = {string.Format(change, statements)};\n"
                            + $"        {w}[{ix}[1]] += {x} * {ix}[0];\n        {t} += {w}[{ix}[0]] + {x} * {ix}[1];\n"
                            + $"        for (int {r} = 0; {r} < {count} + {ix}[0]; {r}++)\n        {{\n"
                            + $"            {t} = {t} * 0.8 + {w}[{ix}[1]] * 0.3 - {ix}[0];\n            {ix}[1] = 1 - {ix}[1];\n"
                            + $"            {w}[{ix}[1]] *= 0.9;\n        }}\n{tail}";
                    })),
                // A local array filled from the variables, passed whole to [Differentiable] helpers: once, inside a loop that
                // does not write it (in a conditional operator, or before a break), and under a branch; only read after the calls.
                (1, Gen.Select(Gen.Int[1, 4], Gen.Bool, target, Gen.Select(Expression(variables, 1), Expression(variables, 1), Expression(variables, 1), (x, y, z) => (x, y, z)),
                    Gen.Int[0, 3], Gen.Int[0, 2], Condition(variables, 1), rest,
                    (length, initializer, t, e, count, call, condition, tail) =>
                    {
                        string h = "h" + statements, r = "r" + statements;
                        string fill = initializer
                            ? $"        double[] {h} = {{ {e.x}" + string.Concat(Enumerable.Range(1, length - 1).Select(i => $", {e.y} * {i + 1}")) + " };\n"
                            : $"        double[] {h} = new double[{length}];\n        for (int {r} = 0; {r} < {length}; {r}++)\n        {{\n"
                                + $"            {h}[{r}] = {e.x} * ({r} + 1) + ({r} > 0 ? {h}[{r} - 1] * 0.5 : {e.y});\n        }}\n\n";
                        string inLoop = call switch
                        {
                            0 => $"            {t} = {t} * 0.8 + 0.1 * Horner({h}, Math.Tanh({t}));\n",
                            1 => $"            {t} += {r} % 2 == 0 ? SumSq({h}) * 0.1 : Horner({h}, 0.5) * {t} * 0.2;\n",
                            _ => $"            if ({t} > 2.0)\n            {{\n                break;\n            }}\n\n            {t} += Math.Tanh(Horner({h}, {t} * 0.5) - {h}[{r} % {length}]);\n",
                        };
                        return fill + $"        {h}[0] += {e.z};\n        {t} += SumSq({h}) * 0.2;\n"
                            + $"        for (int {r} = 0; {r} < {count}; {r}++)\n        {{\n{inLoop}        }}\n\n"
                            + $"        if ({condition})\n        {{\n            {t} -= Math.Sqrt(1.0 + SumSq({h})) * {h}[{length - 1}];\n        }}\n\n"
                            + $"        foreach (double e{statements} in {h})\n        {{\n            {t} += e{statements} * 0.1;\n        }}\n{tail}";
                    })),
                // A new local array in each iteration of a loop, inside an inner loop or a branch of the loop, its elements
                // changed with +=, *= and ++ (one at an index read from a new int array) and read back into a variable the
                // loops carry.
                (1, Gen.Select(Gen.Int[0, 3], Gen.Int[1, 3], Gen.Int[0, 2], Gen.Int[2, 3], target, Gen.Select(Expression(variables, 1), Expression(variables, 1), Expression(variables, 1), (x, y, z) => (x, y, z)),
                    Condition(variables, 1), rest,
                    (count, innerCount, place, length, t, e, condition, tail) =>
                    {
                        string indent = place == 0 ? "            " : "                ";
                        string counter = place == 1 ? $"q{statements}" : $"r{statements}";
                        string y = "y" + statements, o = "o" + statements;
                        string array = $"{indent}double[] {y} = " + (length == 2 ? $"{{ {t} * 0.5, {e.x} }}" : "new double[3]") + ";\n"
                            + (length == 3 ? $"{indent}{y}[2] = {e.x} - {t} * 0.3;\n" : "")
                            + $"{indent}int[] {o} = {{ ({counter} + 1) % {length}, {counter} % {length} }};\n"
                            + $"{indent}{y}[0] += {e.y} * ({counter} + 1);\n{indent}{y}[{length - 1}] *= {e.z};\n"
                            + $"{indent}{y}[1]++;\n{indent}{y}[{o}[0]] -= 0.25 * {y}[{o}[1]] * {o}[0];\n"
                            + $"{indent}{t} = {t} * 0.7 + Math.Tanh({y}[0] * {y}[{length - 1}]) + 0.1 * {y}[1];\n";
                        string inner = place switch
                        {
                            0 => array,
                            1 => $"            for (int q{statements} = 0; q{statements} < {innerCount}; q{statements}++)\n            {{\n{array}            }}\n",
                            _ => $"            if ({condition})\n            {{\n{array}            }}\n",
                        };
                        return $"        for (int r{statements} = 0; r{statements} < {count}; r{statements}++)\n        {{\n{inner}        }}\n{tail}";
                    })),
                // A flat local matrix read (and scaled) in place by an innermost loop of constant trip count at p * C + 1 + q,
                // and at p * C + 2 + q only where q < C - 2 (unguarded, the last row would read past the end); the counters
                // int or long, the matrix created once or in each iteration of an outer loop.
                (1, Gen.Select(Gen.Int[1, 3], Gen.Int[2, 5], Gen.Int[0, 2], Gen.Bool, Gen.OneOf("int", "long"), Gen.Int[0, 2], target,
                    Gen.Select(Expression(variables, 1), Expression(variables, 1), (x, y) => (x, y)), rest,
                    (rows, columns, guard, write, counterType, outer, t, e, tail) =>
                    {
                        string m = "mx" + statements, p = "p" + statements, q = "q" + statements, z = "z" + statements;
                        string guarded = guard switch
                        {
                            0 => $"{z} += {m}[{p} * {columns} + 1 + {q}] * ({q} < {columns - 2} ? {m}[{p} * {columns} + 2 + {q}] : {e.y});\n",
                            1 => $"{z} += {m}[{p} * {columns} + 1 + {q}];\n                if ({q} < {columns - 2})\n                {{\n                    {z} *= {m}[{p} * {columns} + 2 + {q}];\n                }}\n",
                            _ => $"{z} = {z} * 0.5 + ({q} + 2 < {columns} ? {m}[{p} * {columns} + 2 + {q}] * {m}[{p} * {columns} + {q}] : {m}[{p} * {columns} + 1 + {q}]);\n",
                        };
                        string code = $"double[] {m} = new double[{rows * columns}];\nfor ({counterType} {p} = 0; {p} < {rows}; {p}++)\n{{\n"
                            + $"    for ({counterType} {q} = 0; {q} < {columns}; {q}++)\n    {{\n"
                            + $"        {m}[{p} * {columns} + {q}] = {e.x} * ({q} + 1) - 0.2 * {p}" + (outer > 0 ? $" + 0.1 * o{statements}" : "") + ";\n    }\n}\n\n"
                            + $"for ({counterType} {p} = {rows - 1}; {p} >= 0; {p}--)\n{{\n    double {z} = {t} * 0.5;\n"
                            + $"    for ({counterType} {q} = 0; {q} < {columns - 1}; {q}++)\n    {{\n        {guarded.Replace("\n        ", "\n")}"
                            + (write ? $"        {m}[{p} * {columns} + {q}] *= 0.9;\n" : "")
                            + $"    }}\n\n    {t} += Math.Tanh({z});\n}}\n";
                        string indent = outer > 0 ? "            " : "        ";
                        code = string.Concat(code.TrimEnd('\n').Split('\n').Select(line => line.Length == 0 ? "\n" : indent + line + "\n"));
                        return (outer > 0 ? $"        for (int o{statements} = 0; o{statements} < {outer + 1}; o{statements}++)\n        {{\n{code}        }}\n" : code) + tail;
                    })),
                // Long counters and lengths: a long length (constant or from the data), loops counted with long, long indices,
                // and a new array in each iteration with a long length that grows with the counter.
                (1, Gen.Select(Gen.Int[1, 4], Gen.Bool, target, Expression(variables, 1), Expression(variables, 1), Expression(variables, 1), rest,
                    (length, fromData, t, fill, other, sizing, tail) =>
                    {
                        string n = "n" + statements, g = "g" + statements, r = "r" + statements, y = "y" + statements;
                        return (fromData ? $"        long {n} = 1 + (long)Math.Floor(Math.Abs(Math.Tanh({sizing})) * {length});\n" : $"        long {n} = {length};\n")
                            + $"        double[] {g} = new double[{n}];\n        for (long {r} = 0; {r} < {n}; {r}++)\n        {{\n"
                            + $"            {g}[{r}] = {fill} * ({r} + 1) + ({r} > 0 ? {g}[{r} - 1] * 0.5 : {t} * 0.1);\n        }}\n\n"
                            + $"        for (long {r} = {n} - 1; {r} >= 0; {r}--)\n        {{\n            {t} = {t} * 0.9 + {g}[{r}] * 0.2;\n"
                            + $"            double[] {y} = new double[{n} - {r}];\n            {y}[{n} - {r} - 1] += {g}[{r}] * {other};\n"
                            + $"            {y}[0L] *= {t};\n            {t} += {y}[0] * 0.1 + {y}.Length * 0.01;\n        }}\n\n"
                            + $"        for (long {r} = 0; {r} < {g}.Length; {r} += 2)\n        {{\n            {g}[{r}] *= {other};\n        }}\n\n"
                            + $"        {t} += {g}[{n} - 1] * {other} + {g}[0L];\n{tail}";
                    })),
                (1, finalReturn));
        }

        /// <summary>An int array element: 0, 1, or 0 or 1 chosen from the data (a jump the differences skip).</summary>
        private static Gen<string> IntIndex(string[] variables) => Gen.Frequency(
            (2, Gen.OneOf("0", "1")),
            (1, Expression(variables, 1).Select(e => $"(int)Math.Floor(Math.Abs(Math.Tanh({e})) * 1.999)")));

        private static Gen<string> Condition(string[] variables, int depth) =>
            Gen.Select(Expression(variables, depth), Gen.OneOf("<", ">", "<=", ">="), Expression(variables, depth), (l, op, r) => $"{l} {op} {r}");

        /// <summary>Expressions that are defined everywhere on the sampled box, some with kinks and jumps.</summary>
        private static Gen<string> Expression(string[] variables, int depth)
        {
            Gen<string> leaf = Gen.Frequency(
                (3, Gen.OneOf(variables)),
                (1, Gen.Int[-20, 20].Select(i => (i / 10.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture))));
            if (depth == 0)
            {
                return leaf;
            }

            Gen<string> inner = Expression(variables, depth - 1);
            return Gen.Frequency(
                (3, leaf),
                (3, Gen.Select(inner, Gen.OneOf("+", "-", "*"), inner, (l, op, r) => $"({l} {op} {r})")),
                (1, Gen.Select(inner, inner, (l, r) => $"({l} / (1.5 + Math.Sin({r})))")),
                (2, Gen.Select(Gen.OneOf("Math.Sin", "Math.Cos", "Math.Tanh", "Math.Atan"), inner, (f, e) => $"{f}({e})")),
                (1, inner.Select(e => $"Math.Exp(Math.Tanh({e}))")),
                (1, inner.Select(e => $"Math.Sqrt(1.0 + {e} * {e})")),
                (1, Gen.Select(inner, inner, (l, r) => $"Math.Max({l}, {r})")),
                (1, Gen.Select(Condition(variables, depth - 1), inner, inner, (condition, whenTrue, whenFalse) => $"({condition} ? {whenTrue} : {whenFalse})")));
        }
    }
}
