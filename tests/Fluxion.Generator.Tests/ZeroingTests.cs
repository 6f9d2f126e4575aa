using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Fluxion.Generator.Tests
{
    /// <summary>
    /// Generated gradients zero their gradient spans without <c>Span.Clear</c> or <c>Array.Clear</c>: on AVX-512
    /// hardware the runtime's clearing code returns with the upper vector state dirty, and every later call into the
    /// native math library (Exp, Log, Pow, Tanh, …) then pays the AVX/SSE transition penalty, up to 20 times the
    /// call's cost (docs/benchmarks.md, "The AVX/SSE transition penalty").
    /// </summary>
    public class ZeroingTests
    {
        private const string Usings = "using System;\nusing Fluxion;\n";

        /// <summary>
        /// Methods with every kind of gradient span and adjoint storage: array, span and read-only span parameters,
        /// local arrays (one per call and one per iteration), arrays and local arrays passed whole to another
        /// [Differentiable] method, and a method calling a method that takes span parameters.
        /// </summary>
        private static readonly Dictionary<string, string> ExtraCases = new()
        {
            ["SpanParameters"] = """
                namespace Demo;
                public static partial class Spans
                {
                    [Differentiable]
                    public static double Weighted(ReadOnlySpan<double> p, Span<double> q, double scale)
                    {
                        double s = 0;
                        for (int i = 0; i < p.Length; i++)
                        {
                            s += p[i] * Math.Exp(q[i] * scale);
                        }

                        return s;
                    }

                    [Differentiable]
                    public static double Caller(ReadOnlySpan<double> p, Span<double> q) => Math.Log(1.0 + Weighted(p, q, 0.5) * Weighted(p, q, 2.0));
                }
                """,
            ["LocalArraysEverywhere"] = """
                namespace Demo;
                public static partial class Layers
                {
                    [Differentiable]
                    public static double Norm(double[] v)
                    {
                        double s = 0;
                        for (int i = 0; i < v.Length; i++)
                        {
                            s += v[i] * v[i];
                        }

                        return Math.Sqrt(s);
                    }

                    [Differentiable(nameof(w))]
                    public static double Forward(double[] w, double[] x, int hidden)
                    {
                        double[] h = new double[hidden];
                        double total = 0;
                        for (int s = 0; s < x.Length; s++)
                        {
                            double[] scratch = new double[hidden];
                            for (int j = 0; j < hidden; j++)
                            {
                                scratch[j] = Math.Cosh(w[j] * x[s]);
                                h[j] = Math.Tanh(scratch[j] + h[j]);
                            }

                            total += scratch[0] * Norm(w);
                        }

                        return total + Norm(h);
                    }
                }
                """,
        };

        // Any call named Clear (Span.Clear, Array.Clear, MemoryExtensions.Clear, CollectionsMarshal…) and the
        // block-initialisation intrinsics, which compile to the same clearing code.
        private static readonly Regex ClearingCall = new(@"\bClear\s*\(|\bInitBlock(Unaligned)?\s*\(", RegexOptions.Compiled);

        public static IEnumerable<object[]> AllCases =>
            SnapshotTests.Cases.Concat(ExtraCases).Select(c => new object[] { c.Key });

        [Theory]
        [MemberData(nameof(AllCases))]
        public void GeneratedCodeNeverClearsSpansOrArrays(string name)
        {
            string source = ExtraCases.TryGetValue(name, out string? extra) ? extra : SnapshotTests.Cases[name];
            GenerationResult result = GeneratorHarness.Run(Usings + source);

            Assert.Null(result.Exception);
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
            Assert.NotEmpty(result.Sources);
            foreach (var generated in result.Sources)
            {
                Match match = ClearingCall.Match(generated.Value);
                Assert.False(match.Success, $"{generated.Key} clears with '{match.Value}' at character {match.Index}: {Line(generated.Value, match.Index)}");
            }
        }

        /// <summary>
        /// The cases above do exercise what they are meant to: gradient spans of array and span parameters are zeroed
        /// (with Fill), and local arrays and calls passing arrays take pooled adjoint storage.
        /// </summary>
        [Fact]
        public void CasesCoverGradientSpansAndAdjointStorage()
        {
            string spans = string.Concat(GeneratorHarness.Run(Usings + ExtraCases["SpanParameters"]).Sources.Values);
            string locals = string.Concat(GeneratorHarness.Run(Usings + ExtraCases["LocalArraysEverywhere"]).Sources.Values);

            Assert.Contains("global::System.Span<double> dp", spans);
            Assert.Contains("global::System.Span<double> dq", spans);
            Assert.Contains("dp.Fill(0.0);", spans);
            Assert.Contains("dq.Fill(0.0);", spans);
            Assert.Contains("dw.Fill(0.0);", locals);
            Assert.Contains("new global::Fluxion.Runtime.AdjointArray(", spans);
            Assert.True(Regex.Matches(locals, @"new global::Fluxion\.Runtime\.AdjointArray\(").Count >= 3, locals);
        }

        private static string Line(string text, int index)
        {
            int start = text.LastIndexOf('\n', index) + 1;
            int end = text.IndexOf('\n', index);
            return text.Substring(start, (end < 0 ? text.Length : end) - start).Trim();
        }
    }
}
