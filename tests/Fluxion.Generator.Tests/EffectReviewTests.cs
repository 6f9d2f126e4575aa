using System;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Fluxion.Generator.Tests
{
    /// <summary>
    /// Review of statements kept for their effect (6aaa384): effects that a user plausibly writes and whose generated code did not
    /// compile, warned, crashed the generator, was rejected although it changes nothing, or ran differently from the method.
    /// Each test states what the method itself does; the generated methods should do the same.
    /// </summary>
    public class EffectReviewTests
    {
        private const string Usings = "using System;\nusing Fluxion;\nnamespace Demo;\n";

        public delegate double ScalarHvp(double x, ReadOnlySpan<double> v, Span<double> gradient, Span<double> hv);

        public delegate double PairHessian(double x, double y, Span<double> gradient, Span<double> hessian);

        public delegate double ArrayGradient(double[] w, Span<double> dw);

        public delegate double SpanGradient(ReadOnlySpan<double> s, Span<double> ds);

        /// <summary>
        /// <c>global::Type</c> (a type of the global namespace) and <c>alias::Type</c> are written as
        /// <c>&lt;global namespace&gt;::global::Type</c>: EffectWriter.QualifiedName skips AliasQualifiedNameSyntax, so its two halves
        /// are qualified one by one, the alias half as the namespace's display string.
        /// </summary>
        [Fact]
        public void AliasQualifiedNamesInAnEffectCompile()
        {
            GenerationResult result = GeneratorHarness.Run(
                Usings + """
                using D = System.Diagnostics;

                public static partial class M
                {
                    [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
                    public static double F(double x)
                    {
                        global::Sink.Write(x);
                        D::Debug.Assert(x < 1e9);
                        if (x < 0) throw new global::GlobalError("negative");
                        return x * x;
                    }
                }
                """,
                """
                public static class Sink { public static void Write(double v) { } }
                public sealed class GlobalError : System.Exception { public GlobalError(string message) : base(message) { } }
                """);

            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
        }

        /// <summary>
        /// A const local of an enum type is written as its underlying number (AddConstant: FoldConstant gives null for an enum, then
        /// FormatPrimitive of the boxed int): <c>Log(1)</c> does not compile where the parameter is the enum, and a log line prints
        /// "1" where the method prints "Slow".
        /// </summary>
        [Fact]
        public void EnumConstLocalInAnEffectKeepsItsType()
        {
            GenerationResult result = GeneratorHarness.Run(Usings + """
                public enum Mode { Fast, Slow }

                public static class Sink
                {
                    public static string Last = "";
                    public static void Write(object value) => Last = value.ToString()!;
                    public static void Use(Mode mode) { }
                }

                public static partial class M
                {
                    [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
                    public static double F(double x)
                    {
                        const Mode mode = Mode.Slow;
                        Sink.Use(mode);
                        Sink.Write(mode);
                        return x * x;
                    }
                }
                """);

            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
            Assembly assembly = result.Load();
            Type sink = assembly.GetType("Demo.Sink")!;
            assembly.GetType("Demo.M")!.GetMethod("F_Grad")!.Invoke(null, new object[] { 2.0, 0.0 });
            Assert.Equal("Slow", sink.GetField("Last")!.GetValue(null));
        }

        /// <summary>
        /// <c>nameof(w)</c> of an array parameter or a local array is FLX0005 "array 'w' passed on": EffectProblem sees the reference
        /// under the INameOfOperation and IsReadOnlyUse does not know that parent. The usual guard,
        /// <c>throw new ArgumentException("…", nameof(w))</c>, cannot be written for an array.
        /// </summary>
        [Fact]
        public void NameofAnArrayInAGuardIsNotAUseOfTheArray()
        {
            GenerationResult result = GeneratorHarness.Run(Usings + """
                public static partial class M
                {
                    [Differentiable]
                    public static double F(double[] w)
                    {
                        double[] squares = new double[2];
                        if (w.Length < 2) throw new ArgumentException("needs two weights", nameof(w));
                        squares[0] = w[0] * w[0];
                        squares[1] = w[1] * w[1];
                        Console.WriteLine(nameof(squares) + " " + squares[0]);
                        return squares[0] + squares[1];
                    }
                }
                """);

            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
            var gradient = result.Load().GetType("Demo.M")!.GetMethod("F_Grad")!.CreateDelegate<ArrayGradient>();
            var exception = Assert.Throws<ArgumentException>(() => gradient(new[] { 1.0 }, new double[1]));
            Assert.Equal("w", exception.ParamName);
        }

        /// <summary>
        /// A ReadOnlySpan parameter cannot be changed by anything it is handed to, yet <c>s.ToArray()</c> or <c>s[1..]</c> in a log line
        /// is FLX0005 "array 's' passed on … pass it as a ReadOnlySpan" (IsReadOnlyUse knows only Length, IsEmpty, the indexer and
        /// conversions).
        /// </summary>
        [Fact]
        public void ReadOnlySpanParameterMayBeCopiedInALogLine()
        {
            GenerationResult result = GeneratorHarness.Run(Usings + """
                public static partial class M
                {
                    [Differentiable]
                    public static double F(ReadOnlySpan<double> s)
                    {
                        Console.WriteLine(string.Join(", ", s.ToArray()) + " tail " + s[1..].Length);
                        return s[0] * s[1];
                    }
                }
                """);

            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
        }

        /// <summary>
        /// A string local (a log message built first) read by an effect crashes the parse (FLX0015, "Nullable object must have a
        /// value", BodyParser.ParseEffect: <c>ToScalarType(local.Type)!.Value</c> for a local that has a name but no scalar type)
        /// instead of the FLX0005 its declaration gets.
        /// </summary>
        [Fact]
        public void StringLocalReadByAnEffectIsReportedNotACrash()
        {
            GenerationResult result = GeneratorHarness.Run(Usings + """
                public static partial class M
                {
                    [Differentiable]
                    public static double F(double x)
                    {
                        string message = "x = " + x;
                        Console.WriteLine(message);
                        return x * x;
                    }
                }
                """);

            Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "FLX0015");
            Assert.Contains(result.GeneratorDiagnostics, d => d.Id == "FLX0005");
        }

        /// <summary>
        /// A while loop whose body always throws through an if/else (or a switch) compiles without a warning, but F_Grad and the
        /// tangent program put the loop's bookkeeping (tape pushes, carried values, the iteration count) after the throws: CS0162.
        /// EffectProblem only reports a throw standing directly in the loop's block.
        /// </summary>
        [Fact]
        public void LoopWhoseBodyAlwaysThrowsThroughABranchDoesNotWarn()
        {
            GenerationResult result = GeneratorHarness.Run(Usings + """
                public static partial class M
                {
                    [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hvp)]
                    public static double F(double x, int n)
                    {
                        double s = x;
                        int i = 0;
                        while (i < n)
                        {
                            s = s * x;
                            if (s > 10) throw new InvalidOperationException("too big");
                            else throw new InvalidOperationException("too small");
                        }
                        return s;
                    }
                }
                """);

            Assert.DoesNotContain(result.CompilationDiagnostics, d => d.Id == "CS0162");
        }

        /// <summary>
        /// A scalar method that always throws gets FLX0005 ("every path of the method throws"); a vector-valued one is let through
        /// (BodyParser.Parse checks <c>output is null</c>) and its F_Vjp has the backward sweep after the throw: CS0162.
        /// </summary>
        [Fact]
        public void VectorMethodThatAlwaysThrowsDoesNotWarn()
        {
            GenerationResult result = GeneratorHarness.Run(Usings + """
                public static partial class M
                {
                    [Differentiable(Derivatives = Derivatives.Vjp | Derivatives.Jvp | Derivatives.Jacobian)]
                    public static void V(double x, Span<double> y)
                    {
                        y[0] = x;
                        throw new NotImplementedException();
                    }
                }
                """);

            Assert.DoesNotContain(result.CompilationDiagnostics, d => d.Id == "CS0162");
        }

        /// <summary>
        /// An effect naming a file-local type (<c>file static class Log</c>) is copied as <c>global::Demo.Log.Write(x)</c> into the
        /// generated file, which cannot see it: CS0234. Calls and fields of file-local types get a diagnostic
        /// (KnownSymbols.IsInFileLocalType); effects do not check.
        /// </summary>
        [Fact]
        public void FileLocalTypeInAnEffectIsReportedNotACompileError()
        {
            GenerationResult result = GeneratorHarness.Run(Usings + """
                file static class Log { public static void Write(double v) => Console.WriteLine(v); }

                public static partial class M
                {
                    [Differentiable]
                    public static double F(double x)
                    {
                        Log.Write(x);
                        return x * x;
                    }
                }
                """);

            Assert.Empty(result.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        }

        /// <summary>
        /// The effect's text is copied without the warning state of its site: a <c>#pragma warning disable</c> around it, a
        /// <c>#nullable disable</c> file or an [Obsolete] method (whose body may call obsolete members) do not reach the generated
        /// file, which is <c>#nullable enable</c>. Suppressed warnings come back in generated code (CS0618, CS8625), and a suppressed
        /// [Experimental] diagnostic, an error by default, breaks the build.
        /// </summary>
        [Fact]
        public void WarningsSuppressedAtTheEffectStaySuppressed()
        {
            GenerationResult result = GeneratorHarness.Run(Usings + """
                public static class OldLog
                {
                    [Obsolete("use something else")]
                    public static void Write(double v) { }
                }

                public static partial class M
                {
                    [Differentiable]
                    public static double F(double x)
                    {
                #pragma warning disable CS0618
                        OldLog.Write(x);
                #pragma warning restore CS0618
                        return x * x;
                    }
                }
                """,
                """
                #nullable disable
                using Fluxion;

                namespace Other;

                public static partial class N
                {
                    [Differentiable]
                    public static double G(double x)
                    {
                        Strict.Write(null, x);
                        return x * x;
                    }
                }
                """,
                """
                namespace Other;

                public static class Strict { public static void Write(string tag, double v) { } }
                """);

            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
        }

        /// <summary>
        /// A static array table is read as a constant, so the backward sweep reads it again; an effect between the forward read and
        /// the backward sweep that changes the table changes the gradient. F = x · Table[0] read while Table[0] = 1, so ∂F/∂x = 1;
        /// F_Grad gives 2 (the table after Bump), and in a loop the error grows with each iteration. F_Jvp is right.
        /// </summary>
        [Fact]
        public void AnEffectThatChangesAStaticTableDoesNotChangeTheGradient()
        {
            GenerationResult result = GeneratorHarness.Run(Usings + """
                public static partial class M
                {
                    public static double[] Table = { 1.0 };

                    public static void Reset() => Table[0] = 1.0;

                    public static void Bump() => Table[0] *= 2;

                    [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
                    public static double F(double x)
                    {
                        Reset();
                        double y = x * Table[0];
                        Bump();
                        return y;
                    }

                    [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
                    public static double Loop(double x, int n)
                    {
                        Reset();
                        double s = 0;
                        for (int i = 0; i < n; i++)
                        {
                            s = s * x + Table[0] * x;
                            Bump();
                        }
                        return s;
                    }
                }
                """);

            // The table is read once where the source reads it, so the method gets its gradient, and the right one.
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
            Type type = result.Load().GetType("Demo.M")!;
            var arguments = new object[] { 3.0, 0.0 };
            Assert.Equal(3.0, (double)type.GetMethod("F_Grad")!.Invoke(null, arguments)!);
            Assert.Equal(1.0, (double)arguments[1]);

            // Loop(x, 3) = x³ + 2x² + 4x (Table[0] is 1, 2, 4 in the three iterations): ∂/∂x at 1 is 3 + 4 + 4 = 11.
            var loop = new object[] { 1.0, 3, 0.0 };
            Assert.Equal(7.0, (double)type.GetMethod("Loop_Grad")!.Invoke(null, loop)!);
            Assert.Equal(11.0, (double)loop[2], 12);
        }

        /// <summary>
        /// How often second derivatives run a method's effects, as the docs state it (README, FLX0005.md): F_Hvp twice (its core runs the
        /// method's computation once, and its value is F's own call), F_Hessian once per column and once for the value, and a
        /// [Differentiable] callee's effects once more per call inside the core (its value through its _Grad, its tangent through its core).
        /// </summary>
        [Fact]
        public void HvpRunsTheMethodsEffectsOnceInItsCoreAndOnceForTheValue()
        {
            (Type type, FieldInfo outer, FieldInfo inner) = CountingEffects();
            type.GetMethod("F_Hvp")!.CreateDelegate<ScalarHvp>()(2.0, new[] { 1.0 }, new double[1], new double[1]);
            Assert.Equal(2, (int)outer.GetValue(null)!);
            Assert.Equal(3, (int)inner.GetValue(null)!);
        }

        [Fact]
        public void HessianRunsTheMethodsEffectsOncePerColumnAndOnceForTheValue()
        {
            (Type type, FieldInfo outer, _) = CountingEffects();
            type.GetMethod("H_Hessian")!.CreateDelegate<PairHessian>()(2.0, 3.0, new double[2], new double[4]);
            Assert.Equal(3, (int)outer.GetValue(null)!);
        }

        private static (Type Model, FieldInfo Outer, FieldInfo Inner) CountingEffects()
        {
            GenerationResult result = GeneratorHarness.Run(Usings + """
                public static class Counter
                {
                    public static int Outer;
                    public static int Inner;
                    public static void HitOuter() => Outer++;
                    public static void HitInner() => Inner++;
                }

                public static partial class M
                {
                    [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Hvp)]
                    public static double G(double u)
                    {
                        Counter.HitInner();
                        return u * u;
                    }

                    [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Hvp)]
                    public static double F(double x)
                    {
                        Counter.HitOuter();
                        return G(x) * x;
                    }

                    [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Hessian)]
                    public static double H(double x, double y)
                    {
                        Counter.HitOuter();
                        return x * x * y;
                    }
                }
                """);

            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
            Assembly assembly = result.Load();
            Type counter = assembly.GetType("Demo.Counter")!;
            return (assembly.GetType("Demo.M")!, counter.GetField("Outer")!, counter.GetField("Inner")!);
        }
    }
}
