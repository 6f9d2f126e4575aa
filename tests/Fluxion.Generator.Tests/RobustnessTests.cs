using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Fluxion.Generator.Tests
{
    /// <summary>
    /// Broken, half-typed and unusual code: the generator must never throw (no CS8785, no FLX0015), and
    /// whatever it generates must add no error of its own to the compilation.
    /// </summary>
    public class RobustnessTests
    {
        private const string Prefix = "using System;\nusing Fluxion;\nnamespace Demo;\n";

        public static readonly Dictionary<string, string> Corpus = new()
        {
            ["HalfTypedExpression"] = "public static partial class M { [Differentiable] public static double F(double x) => x * }",
            ["HalfTypedCall"] = "public static partial class M { [Differentiable] public static double F(double x) { return Math.Si",
            ["UnresolvedName"] = "public static partial class M { [Differentiable] public static double F(double x) => x * y; }",
            ["UnresolvedMethod"] = "public static partial class M { [Differentiable] public static double F(double x) => Foo(x); }",
            ["UnresolvedType"] = "public static partial class M { [Differentiable] public static double F(Vector3 v) => 1.0; }",
            ["MissingReturnType"] = "public static partial class M { [Differentiable] public static F(double x) => x; }",
            ["MissingReturn"] = "public static partial class M { [Differentiable] public static double F(double x) { double y = x; } }",
            ["AttributeOnClass"] = "[Differentiable] public static partial class M { public static double F(double x) => x; }",
            ["AttributeOnLocalFunction"] = "public static partial class M { public static double F(double x) { [Differentiable] static double L(double v) => v * v; return L(x); } }",
            ["AttributeWrongArgumentType"] = "public static partial class M { [Differentiable(1)] public static double F(double x) => x; }",
            ["AttributeNullArray"] = "public static partial class M { [Differentiable(null)] public static double F(double x) => x * x; }",
            ["AttributeNullName"] = "public static partial class M { [Differentiable((string)null)] public static double F(double x) => x * x; }",
            ["AttributeUnknownNameof"] = "public static partial class M { [Differentiable(nameof(z))] public static double F(double x) => x * x; }",
            ["DirectRecursion"] = "public static partial class M { [Differentiable] public static double F(double x) => Math.Sin(F(x * 0.5)); }",
            ["MutualRecursion"] = "public static partial class M { [Differentiable] public static double A(double x) => B(x) * x; [Differentiable] public static double B(double x) => A(x) + 1; }",
            ["RecursionWithBranch"] = "public static partial class M { [Differentiable] public static double F(double x) => x <= 0 ? 0 : F(x - 1) + x; }",
            ["Extern"] = "public static partial class M { [Differentiable] public static extern double F(double x); }",
            ["PartialDefinitionOnly"] = "public static partial class M { [Differentiable] static partial double F(double x); }",
            ["PartialWithImplementation"] = "public static partial class M { public static partial double F(double x); [Differentiable] public static partial double F(double x) => x * x; }",
            ["Abstract"] = "public abstract partial class M { [Differentiable] public abstract double F(double x); }",
            ["InterfaceStatic"] = "public partial interface IM { [Differentiable] static double F(double x) => x * x; }",
            ["DynamicParameter"] = "public static partial class M { [Differentiable] public static double F(dynamic d, double x) => x; }",
            ["DynamicExpression"] = "public static partial class M { [Differentiable] public static double F(double x) => (double)((dynamic)x * 2); }",
            ["GenericTypeParameter"] = "public static partial class M<T> { [Differentiable] public static double F(double x, T t) => x; }",
            ["ParamsArray"] = "public static partial class M { [Differentiable] public static double F(params double[] x) => x[0]; }",
            ["ThrowExpression"] = "public static partial class M { [Differentiable] public static double F(double x) => throw new InvalidOperationException(); }",
            ["ThrowStatement"] = "public static partial class M { [Differentiable] public static double F(double x) { throw new InvalidOperationException(); } }",
            ["StringLength"] = "public static partial class M { [Differentiable] public static double F(double x) => x + \"abc\".Length; }",
            ["Unsafe"] = "public static unsafe partial class M { [Differentiable] public static double F(double x) { unsafe { double* p = &x; } return x; } }",
            ["EnumArgument"] = "public static partial class M { [Differentiable] public static double F(double x) => Math.Round(x, MidpointRounding.AwayFromZero) * x; }",
            ["NullableDouble"] = "public static partial class M { [Differentiable] public static double F(double x) { double? y = x; return y ?? 0; } }",
            ["IsPattern"] = "public static partial class M { [Differentiable] public static double F(double x) => x is > 0 ? x : -x; }",
            ["DuplicateDefinition"] = "public static partial class M { [Differentiable] public static double F(double x) => x; [Differentiable] public static double F(double x) => x * x; }",
            ["EmptyBody"] = "public static partial class M { [Differentiable] public static double F(double x) { } }",
            ["InstanceInStruct"] = "public partial struct S { private double k; [Differentiable] public double F(double x) => k * x; }",
            ["RefReturn"] = "public static partial class M { private static double cell; [Differentiable] public static ref double F(double x) => ref cell; }",
            ["InParameter"] = "public static partial class M { [Differentiable] public static double F(in double x) => x * x; }",
            ["ShadowingNames"] = "public static partial class M { [Differentiable] public static double F(double x, double x_adj, double result) { double dx_2 = x * x_adj; double dresult = dx_2 + result; return dresult * x; } }",
            ["LocalNamedLikeOutput"] = "public static partial class M { [Differentiable] public static double F(double x) { double dx = x * x; return dx; } }",
            ["UserMathClass"] = "public static class Math { public static double Sin(double v) => v; } public static partial class M { [Differentiable] public static double F(double x) => System.Math.Sin(x) * x; }",
            ["NestedBlocksShadow"] = "public static partial class M { [Differentiable] public static double F(double x) { { double a = x * 2; x = a; } { double a = x * x; x = a; } return x; } }",
            ["UsingStaticMath"] = "public static partial class M { [Differentiable] public static double F(double x) => global::System.Math.Sqrt(x) + global::System.Math.Max(x, 1); }",
            ["DefaultLiteral"] = "public static partial class M { [Differentiable] public static double F(double x) => x * default(double) + x; }",
            ["ChecksumOfIntegers"] = "public static partial class M { [Differentiable] public static double F(double x, int n) { int k = n * 3 % 7; k++; long big = k * 2L; return x * big - (x / (k + 1)); } }",
            ["ConstLocal"] = "public static partial class M { [Differentiable] public static double F(double x) { const double Half = 0.5; return Half * x * x; } }",
            ["MultipleDeclarators"] = "public static partial class M { [Differentiable] public static double F(double x) { double a = x, b = a * a, c; c = a + b; return c; } }",
            ["AssignmentAsValue"] = "public static partial class M { [Differentiable] public static double F(double x) { double a; double b = a = x * 2; return a + b; } }",
            ["StatementAfterReturn"] = "public static partial class M { [Differentiable] public static double F(double x) { return x; x = 2; } }",
            ["Goto"] = "public static partial class M { [Differentiable] public static double F(double x) { goto end; end: return x; } }",
            ["Lock"] = "public static partial class M { private static readonly object Gate = new(); [Differentiable] public static double F(double x) { lock (Gate) { x = x * 2; } return x; } }",
            ["Async"] = "public static partial class M { [Differentiable] public static async System.Threading.Tasks.Task<double> F(double x) { await System.Threading.Tasks.Task.Yield(); return x; } }",
            ["DecimalCast"] = "public static partial class M { [Differentiable] public static double F(double x) => (double)((decimal)x * 2m); }",
            ["SwitchGotoCase"] = "public static partial class M { [Differentiable] public static double F(double x, int n) { switch (n) { case 0: x = x * 2; goto case 1; case 1: x = -x; break; } return x; } }",
            ["SwitchThrowSection"] = "public static partial class M { [Differentiable] public static double F(double x, int n) { switch (n) { case 0: return x; default: throw new ArgumentOutOfRangeException(nameof(n)); } } }",
            ["SwitchExpressionThrowArm"] = "public static partial class M { [Differentiable] public static double F(double x, int n) => n switch { 0 => x, _ => throw new ArgumentOutOfRangeException(nameof(n)) }; }",
            ["SwitchExpressionWithoutArms"] = "public static partial class M { [Differentiable] public static double F(double x, int n) => x * n switch { }; }",
            ["SwitchOnNullable"] = "public static partial class M { private static readonly int? Mode = 1; [Differentiable] public static double F(double x) { switch (Mode) { case 1: return x; case null: return -x; default: return x * x; } } }",
            ["SwitchOnEnum"] = "public static partial class M { [Differentiable] public static double F(double x) => MidpointRounding.ToEven switch { MidpointRounding.AwayFromZero => x, _ => -x }; }",
            ["SwitchCaseNotConstant"] = "public static partial class M { [Differentiable] public static double F(double x, int n, int m) { switch (n) { case m: return x; default: return -x; } } }",
            ["SwitchHalfTyped"] = "public static partial class M { [Differentiable] public static double F(double x, int n) { switch (n) { case 1: return x; case",
            ["SwitchDeclarationPatternUsedInSection"] = "public static partial class M { [Differentiable] public static double F(double x, int n) { switch (n) { case var k when k > 1: return x * k; default: return x; } } }",
            ["SwitchExhaustiveWithoutDefault"] = "public static partial class M { [Differentiable] public static double F(double x, bool up) { switch (up) { case true: return x; case false: return -x; } } }",
            ["FloatLocal"] = "public static partial class M { [Differentiable] public static double F(double x) { float f = (float)x; return f * 2; } }",
        };

        public static IEnumerable<object[]> Names => Corpus.Keys.Select(k => new object[] { k });

        [Theory]
        [MemberData(nameof(Names))]
        public void NeverCrashesAndAddsNoErrors(string name)
        {
            string source = Prefix + Corpus[name];
            GenerationResult result = GeneratorHarness.Run(source);

            Assert.Null(result.Exception);
            Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id is "CS8785" or "FLX0015");
            var inputErrors = GeneratorHarness.CreateCompilation(source).GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => d.Id + d.Location.GetLineSpan())
                .ToHashSet();
            var newErrors = result.CompilationDiagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error && !inputErrors.Contains(d.Id + d.Location.GetLineSpan()))
                .ToList();
            Assert.True(newErrors.Count == 0, string.Join("\n", newErrors) + "\n" + string.Join("\n", result.Sources.Values));
        }

        [Fact]
        public void GeneratedCodeCompilesAsCSharp73()
        {
            // A netstandard2.0 library compiles as C# 7.3 by default: no `#nullable` there.
            var options = new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3);
            GenerationResult result = GeneratorHarness.Run(options, "using System;\nusing Fluxion;\nnamespace Demo {\npublic static partial class M\n{\n    [Differentiable]\n    public static double F(double x, double y) => x * Math.Sin(y) + Math.Max(x, y);\n}\n}\n");

            Assert.Empty(result.GeneratorDiagnostics);
            Assert.DoesNotContain("#nullable", result.Single());
            Assert.Empty(result.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        }

        [Fact]
        public void ValidCorpusEntriesGetGradients()
        {
            foreach (string name in new[] { "DirectRecursion", "MutualRecursion", "ShadowingNames", "LocalNamedLikeOutput", "UserMathClass", "NestedBlocksShadow", "UsingStaticMath", "DefaultLiteral", "ChecksumOfIntegers", "ConstLocal", "MultipleDeclarators", "PartialWithImplementation", "AttributeNullArray", "SwitchExhaustiveWithoutDefault" })
            {
                GenerationResult result = GeneratorHarness.Run(Prefix + Corpus[name]);
                Assert.True(result.Sources.Count > 0 && result.GeneratorDiagnostics.IsEmpty && !result.CompilationDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error),
                    name + ":\n" + string.Join("\n", result.GeneratorDiagnostics.Concat(result.CompilationDiagnostics)) + "\n" + string.Join("\n", result.Sources.Values));
            }
        }
    }
}
