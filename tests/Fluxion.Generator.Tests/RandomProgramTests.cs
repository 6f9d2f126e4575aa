using System;
using System.Linq;
using System.Reflection;
using CsCheck;
using Microsoft.CodeAnalysis;

namespace Fluxion.Generator.Tests
{
    /// <summary>
    /// Random methods with locals, reassignments, branches, early returns, the conditional operator and loops
    /// (counted, and with data-dependent trip counts):
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
            string source = "using System;\nusing Fluxion;\nnamespace Demo;\npublic static partial class Random\n{\n    [Differentiable]\n    public static double F(double a, double b, double c)\n    {\n" + body + "    }\n}\n";
            GenerationResult result = GeneratorHarness.Run(source);
            Assert.Empty(result.GeneratorDiagnostics);
            // The generated code may repeat a warning of the source (x >= x is the user's own), but add none.
            var sourceWarnings = result.CompilationDiagnostics.Where(d => d.Location.SourceTree?.FilePath == "Source0.cs").Select(d => d.Id).ToHashSet();
            Assert.Empty(result.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error
                || (d.Location.SourceTree?.FilePath.Contains("Demo.Random") == true && !sourceWarnings.Contains(d.Id))));

            Type type = result.Load().GetType("Demo.Random")!;
            MethodInfo function = type.GetMethod("F")!;
            MethodInfo gradient = type.GetMethod("F_Grad")!;
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
                int checkedHere = CentralDifferences.Check(Call, x, value, arguments.Skip(3).Select(o => (double)o).ToArray(), "\n" + body);
                compared += checkedHere;
                skipped += x.Length - checkedHere;
            }

            return (compared, skipped);
        }

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
                (1, finalReturn));
        }

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
