using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Fluxion.Generator.Tests
{
    /// <summary>
    /// Switch statements and switch expressions: each method compiled and its gradient checked against central
    /// differences, one generated gradient against its snapshot, and the diagnostics of what is not lowered.
    /// </summary>
    public class SwitchTests
    {
        private const string Usings = "using System;\nusing Fluxion;\n";

        public static readonly Dictionary<string, string> Methods = new()
        {
            // A value assigned in the first section is both that section's own and the merged one; a later section returns.
            ["ReturnAfterSectionsThatBreak"] = "static double F(double x, double y) { switch ((int)Math.Floor(y * 3)) { case 0: x += Math.Sqrt(1.0 + x * x); break; case 1: case 2: x = x * y; break; case 3: return Math.Tanh(x); default: x -= 0.5; break; } return x; }",
            ["ReturnInElseIfChain"] = "static double F(double x, double y) { int s = (int)Math.Floor(y * 3); if (s == 0) { x += Math.Sqrt(1.0 + x * x); } else if (s == 1 || s == 2) { x = x * y; } else if (s == 3) { return Math.Tanh(x); } else { x -= 0.5; } return x; }",
            ["ConstantCases"] = "static double F(double x, double y) { double s; switch ((int)Math.Floor(x * 3)) { case 0: s = x * y; break; case 1: case 2: s = Math.Sin(x) + y; break; case -1: s = x * x; break; default: s = y * y * x; break; } return s + x; }",
            ["RelationalPatterns"] = "static double F(double x, double y) { double r; switch (x) { case < 0: r = -x * y; break; case >= 0 and < 0.5: r = x * x; break; case > 1 or 0.75: r = Math.Exp(y) * x; break; default: r = x + y; break; } return r; }",
            ["NotPattern"] = "static double F(double x, double y) { double r = y; switch ((int)Math.Floor(x * 4)) { case not (0 or 1): r *= x; break; } return r + x; }",
            ["ReturnInCase"] = "static double F(double x, double y) { switch ((int)Math.Floor(y * 2)) { case 0: return x * y; case 1: x = x * 2; break; case 2: if (x > 0.5) return Math.Cos(x); break; } return x + y; }",
            ["BreakInTheMiddle"] = "static double F(double x, double y) { double s = x; switch ((int)Math.Floor(x * 2)) { case 0: if (y > 0.5) break; s = s * y; break; case 1: s += y; if (s > 1.5) { s = 1.5 * x; break; } s *= x; break; } return s * s; }",
            ["SwitchInLoopBreakAndContinue"] = "static double F(double x, double y) { double s = 0; for (int i = 0; i < 6; i++) { switch (i % 3) { case 0: s += x * i; break; case 1: if (s > y * 3) continue; s *= y; break; default: continue; } s += 0.5 * x; } return s; }",
            ["ReturnInSwitchInLoop"] = "static double F(double x, double y) { double s = x; for (int i = 0; i < 5; i++) { switch (i) { case 3 when s > 2: return s * y; case 4: s = s * x; break; default: s = s + y; break; } } return -s; }",
            ["NestedSwitches"] = "static double F(double x, double y) { double r = 0; switch (x > 0.5) { case true: switch ((int)Math.Floor(y * 3)) { case 0: r = x * y; break; default: r = y - x; break; } r += x; break; default: r = (int)Math.Floor(y * 2) switch { 0 => Math.Sin(x), _ => x * x * y }; break; } return r; }",
            ["BoolCasesCoverEveryValue"] = "static double F(double x, double y) { bool above = x > y; switch (above) { case true: return x - y; case false: return (y - x) * x; } }",
            ["RelationalCasesCoverEveryValue"] = "static double F(double x, double y) { switch ((int)Math.Floor(x * 3)) { case < 1: return x * y; case >= 1: return Math.Sqrt(x) + y; } }",
            ["LocalSharedBySections"] = "static double F(double x, double y) { double s; switch ((int)Math.Floor(x * 2)) { case 0: double t = x * y; s = t; break; case 1: t = y * y; s = t + x; break; default: s = x; break; } return s * y; }",
            ["DefaultSectionInTheMiddle"] = "static double F(double x, double y) { double r; switch ((int)Math.Floor(y * 3)) { case 1: default: r = x * y; break; case 2: r = x + y; break; case 3: r = 2 * x; break; } return r; }",
            ["Guards"] = "static double F(double x, double y) { double r; switch ((int)Math.Floor(y * 2)) { case 0 when x > 0.5: r = x * x; break; case 0: r = x; break; case 1 when Math.Sin(x) > 0.3: r = y * x; break; default: r = x + y; break; } return r; }",
            ["ValueSwitchedOnIsADifferentiatedDouble"] = "static double F(double x, double y) { double r = 0; switch (x * y) { case > 0.5: r = x; break; case 0: r = 7; break; default: r = y * y; break; } return r * x; }",
            ["EmptyAndDefaultOnly"] = "static double F(double x, double y) { switch (y > 0.5) { default: break; } switch ((int)Math.Floor(x)) { default: y = y * x; break; } return y; }",
            ["SectionInBraces"] = "static double F(double x, double y) { switch ((int)Math.Floor(x * 2)) { case 0: { double t = x * x; y = t * y; break; } default: { y += x; break; } } return y; }",
            ["NaNCase"] = "static double F(double x, double y) { double r; switch (x > 0.8 ? double.NaN : x) { case double.NaN: r = y * 2; break; case < 0.2: r = x * y; break; default: r = y - x; break; } return r; }",
            ["WhileTrueReturnInSwitch"] = "static double F(double x, double y) { double r = x; int n = 0; while (true) { r = r * 0.5 + y; n++; switch (n) { case 3: return r * x; } } }",
            ["DoLoopContinueInSwitch"] = "static double F(double x, double y) { double s = 0; int k = 0; do { k++; switch (k % 2) { case 0: continue; } s += x * k; } while (k < 5); return s * y; }",
            ["LongAndByteValues"] = "static double F(double x, double y) { long big = (long)Math.Floor(x * 3); byte small = (byte)Math.Floor(y * 3 + 2); double r = 0; switch (big) { case 0L: r = x; break; case > 1: r = x * x; break; } switch (small) { case 2: r += y; break; case < 2 or > 4: r *= y; break; } return r; }",
            ["SwitchExpression"] = "static double F(double x, double y) => (int)Math.Floor(x * 3) switch { 0 => x * y, 1 or 2 => Math.Sin(x * y), < 0 => -x, _ => y * y };",
            ["SwitchExpressionOnParameter"] = "static double F(double x, double y) => x * (y switch { < 0.25 => 1 + x, >= 0.25 and < 0.75 => x * y, _ => Math.Sqrt(y) });",
            ["SwitchExpressionInsideExpression"] = "static double F(double x, double y) => 1 + Math.Floor(x * 4) switch { 0 => y * x, 1 or 2 => x, _ => y } * y;",
            ["IntegerSwitchExpression"] = "static double F(double x, double y) { double w = (int)Math.Floor(x * 2) switch { 0 => 3, 1 => 5, _ => 7 }; return w * x + y; }",
            ["SwitchExpressionWithGuard"] = "static double F(double x, double y) { double r = 1; r += (int)Math.Floor(y * 2) switch { 0 when x > 0.5 => x * x, 0 => x, > 1 when y > 1.2 => x * y, _ => y }; return r; }",
            ["BoolSwitchExpressionCoversEveryValue"] = "static double F(double x, double y) { double r = (x > y) switch { true => x * y, false => y - x }; return r; }",
        };

        public static IEnumerable<object[]> Names => Methods.Keys.Select(k => new object[] { k });

        [Theory]
        [MemberData(nameof(Names))]
        public void GradientMatchesCentralDifferences(string name) => LoopTests.CheckAgainstCentralDifferences(name, Methods[name]);

        /// <summary>
        /// A break inside a switch inside a loop leaves the switch only: every iteration still runs the statement after
        /// the switch. Leaving the loop instead would change the value (checked bit for bit) and its derivative.
        /// </summary>
        [Fact]
        public void BreakInsideSwitchInsideLoopLeavesTheSwitchOnly()
        {
            (MethodInfo function, MethodInfo gradient) = Compile(
                "static double F(double x, double y) { double s = 0; for (int i = 0; i < 4; i++) { switch (i % 2) { case 0: s += x; break; default: s *= y; break; } s += x * y; } return s; }");
            double Call(double[] point) => (double)function.Invoke(null, new object[] { point[0], point[1] })!;
            foreach (double[] point in new[] { new[] { 0.3, 0.7 }, new[] { -1.2, 0.4 }, new[] { 2.0, -0.9 } })
            {
                (double x, double y) = (point[0], point[1]);
                double s = 0;
                for (int i = 0; i < 4; i++)
                {
                    s = (i % 2 == 0 ? s + x : s * y) + x * y;
                }

                object[] arguments = { x, y, 0.0, 0.0 };
                double value = (double)gradient.Invoke(null, arguments)!;
                Assert.Equal(s, value);
                Assert.Equal(2, CentralDifferences.Check(Call, point, value, new[] { (double)arguments[2], (double)arguments[3] }, "break in a switch in a loop"));
            }
        }

        [Fact]
        public void SwitchStatementMatchesSnapshot()
        {
            GenerationResult result = GeneratorHarness.Run(Usings + """
                namespace Demo;
                public static partial class Tariff
                {
                    [Differentiable]
                    public static double Cost(double kwh, double rate)
                    {
                        double cost;
                        switch ((int)Math.Floor(kwh / 100))
                        {
                            case 0:
                                cost = kwh * rate;
                                break;
                            case 1 or 2:
                                cost = kwh * rate * 0.9 + 5;
                                break;
                            case > 2 when rate > 0.3:
                                cost = Math.Sqrt(kwh) * rate;
                                break;
                            default:
                                cost = kwh * kwh * rate / 100;
                                break;
                        }

                        double fee = (int)Math.Floor(kwh / 50) switch { 0 => 0, 1 => rate, _ => 2 * rate };
                        return cost + fee;
                    }
                }
                """);

            Assert.Null(result.Exception);
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
            var text = new StringBuilder();
            foreach (var source in result.Sources.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                text.Append("//// ").Append(source.Key).Append('\n').Append(source.Value);
            }

            Snapshot.Verify("SwitchStatement", text.ToString());
        }

        [Fact]
        public Task GotoCaseAndGotoDefaultAreReportedOnTheJump() => Verify(
            """
            public static partial class Model
            {
                [Differentiable]
                public static double F(double x, int n)
                {
                    switch (n)
                    {
                        case 0:
                            x = x * 2;
                            {|#0:goto case 1;|}
                        case 1:
                            x = x + 1;
                            break;
                        case 2:
                            {|#1:goto default;|}
                        default:
                            x = -x;
                            break;
                    }

                    return x;
                }
            }
            """,
            Diagnostic("FLX0005", 0).WithArguments("goto case statement", "jumps between switch sections are not supported; repeat the statements of that section instead"),
            Diagnostic("FLX0005", 1).WithArguments("goto default statement", "jumps between switch sections are not supported; repeat the statements of that section instead"));

        [Fact]
        public Task PatternsWithoutATestAreReportedOnThePattern() => Verify(
            """
            public static partial class Model
            {
                [Differentiable]
                public static double F(double x, int n)
                {
                    switch (n)
                    {
                        case 0:
                            x = x * 2;
                            break;
                        case {|#0:var k|} when k > 3:
                            x = x * k;
                            break;
                    }

                    return x + (n switch { 1 => x, {|#1:{ }|} => 2 * x });
                }
            }
            """,
            Diagnostic("FLX0006", 0).WithArguments("declaration pattern", "a pattern may not declare a variable; use the value switched on instead"),
            Diagnostic("FLX0006", 1).WithArguments("property pattern", "only constant and relational patterns, joined with and, or and not, and _ are supported"));

        [Fact]
        public Task SwitchExpressionThatMayMatchNoArm() => Verify(
            """
            public static partial class Model
            {
                [Differentiable]
                public static double F(double x, int n) => x * {|#0:n switch { 0 => 1.0, 1 => x }|};
            }
            """,
            Diagnostic("FLX0006", 0).WithArguments("switch expression", "it throws for the values no arm matches; end it with a discard arm (_ => ...)"));

        [Fact]
        public Task SwitchOnAString() => Verify(
            """
            public static partial class Model
            {
                private static readonly string Mode = "fast";

                [Differentiable]
                public static double F(double x)
                {
                    switch ({|#0:Mode|})
                    {
                        case "fast":
                            return x;
                        default:
                            return x * x;
                    }
                }
            }
            """,
            Diagnostic("FLX0006", 0).WithArguments("switch on 'string'", "a switch may test only double, integer and bool values"));

        [Fact]
        public Task ValueWithEffectsSwitchedOnInsideAnExpression() => Verify(
            """
            public static class Counter
            {
                private static int calls;

                public static int Next() => calls++;
            }

            public static partial class Model
            {
                [Differentiable]
                public static double F(double x) => 1 + (Counter.Next() switch { 0 => x, _ => x * x });

                // On one side of ?: the value cannot be computed before the statement: every arm would compute it again.
                [Differentiable]
                public static double G(double x) => x > 0 ? 1 + ({|#0:Counter.Next()|} switch { 0 => x, _ => x * x }) : x;
            }
            """,
            Diagnostic("FLX0006", 0).WithArguments("switch on 'Counter.Next()'", "inside a larger expression every arm computes the value again, and this one calls a method or reads a mutable field; compute it into a local first"));

        /// <summary>Each arm of a switch expression nests in the previous one's else; past the depth limit the whole switch is reported.</summary>
        [Fact]
        public void SwitchExpressionWithMoreArmsThanTheDepthLimit()
        {
            string arms = string.Concat(Enumerable.Range(0, Frontend.BodyParser.MaximumDepth).Select(i => i + " => x * " + i + ", "));
            string source = Usings + "namespace Demo;\npublic static partial class S\n{\n    [Differentiable] public static double F(double x, int n) => n switch { " + arms + "_ => x };\n}\n";
            GenerationResult result = GeneratorHarness.Run(source);

            Diagnostic diagnostic = Assert.Single(result.GeneratorDiagnostics);
            Assert.Equal("FLX0006", diagnostic.Id);
            Assert.Equal("Fluxion cannot differentiate this switch expression: its 201 arms would nest more than 200 levels deep; write it as a switch statement", diagnostic.GetMessage());
            Assert.Equal("n switch { " + arms + "_ => x }", source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
            Assert.Empty(result.Sources);
        }

        private static (MethodInfo Function, MethodInfo Gradient) Compile(string method)
        {
            string source = Usings + "namespace Demo;\npublic static partial class S\n{\n    [Differentiable] public " + method + "\n}\n";
            GenerationResult result = GeneratorHarness.Run(source);
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
            Type type = result.Load().GetType("Demo.S")!;
            return (type.GetMethod("F")!, type.GetMethod("F_Grad")!);
        }

        private static DiagnosticResult Diagnostic(string id, int markupKey) =>
            new DiagnosticResult(id, DiagnosticSeverity.Error).WithLocation(markupKey);

        private static Task Verify(string source, params DiagnosticResult[] expected) => DiagnosticTests.Verify(source, expected);
    }
}
