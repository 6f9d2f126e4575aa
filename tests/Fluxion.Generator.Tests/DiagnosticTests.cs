using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Fluxion.Generator.Tests
{
    /// <summary>One test per diagnostic: the ID, the exact span (the <c>{|ID:…|}</c> markup) and, where it matters, the message.</summary>
    public class DiagnosticTests
    {
        private const string Usings = "using System;\nusing Fluxion;\n\n";

        [Fact]
        public Task FLX0001_ContainingTypeNotPartial() => Verify("""
            public static class {|FLX0001:Model|}
            {
                [Differentiable]
                public static double F(double x) => x * x;
            }
            """);

        [Fact]
        public Task FLX0001_OuterTypeNotPartial() => Verify("""
            public class {|FLX0001:Outer|}
            {
                public static partial class Inner
                {
                    [Differentiable]
                    public static double F(double x) => x * x;
                }
            }
            """);

        [Fact]
        public Task FLX0002_MethodNotStatic() => Verify("""
            public partial interface IModel
            {
                [Differentiable]
                public double {|FLX0002:F|}(double x) => x * x;
            }
            """);

        [Fact]
        public Task InstanceMethodsReadTheirInstanceButCannotWriteIt() => Verify("""
            public partial class Model
            {
                private double scale = 2;
                private readonly Model? other;

                public double Twice(double x) => 2 * x;

                [Differentiable]
                public double F(double x)
                {
                    {|FLX0008:scale|} = x;
                    return x * scale + Twice(2.0) + {|#0:other!.Twice(x)|};
                }
            }
            """,
            Diagnostic("FLX0006", 0).WithArguments("call of instance method 'Twice'",
                "only static methods, and an instance method's own methods (on this), can be called"));

        [Fact]
        public Task FLX0003_UnsupportedParameters() => Verify("""
            public static partial class Model
            {
                [Differentiable]
                public static double F({|FLX0003:ref double x|}, {|FLX0003:float y|}, {|FLX0003:string name|}, {|FLX0003:double[,] values|}, {|FLX0003:double[][] rows|}) => x;
            }
            """);

        [Fact]
        public Task FLX0003_MessageNamesParameterTypeAndReason() => Verify(
            """
            public static partial class Model
            {
                [Differentiable]
                public static double F(double x, {|#0:float y|}) => x * y;
            }
            """,
            Diagnostic("FLX0003", 0).WithArguments("y", "float", "only double is differentiable in this version; use double"));

        [Fact]
        public Task FLX0004_UnsupportedReturnType() => Verify("""
            public static partial class Model
            {
                [Differentiable]
                public static {|FLX0004:float|} F(double x) => (float)x;
            }
            """);

        [Fact]
        public Task FLX0005_UnsupportedStatements() => Verify("""
            public static partial class Model
            {
                [Differentiable]
                public static double F(double x)
                {
                    {|FLX0005:lock (typeof(Model)) { x = -x; }|}
                    Console.WriteLine({|FLX0005:x = 2|});
                    {|FLX0005:try { x = x * 2; } finally { }|}
                    return x;
                }
            }
            """);

        [Fact]
        public Task FLX0005_EffectsMayNotChangeTheMethodsValues() => Verify("""
            using System.Linq;

            public static partial class Model
            {
                private static void Fill(double[] a) => Array.Fill(a, 0.0);

                private static void Twice(ref double v) => v *= 2;

                [Differentiable]
                public static double F(double x, double[] w)
                {
                    double[] a = new double[2];
                    int n = 0;
                    Console.WriteLine({|FLX0005:n++|});
                    Twice({|FLX0005:ref x|});
                    Fill({|FLX0005:a|});
                    Array.Clear({|FLX0005:w|});
                    Console.WriteLine(w.Count({|FLX0005:v => v > x|}));
                    Console.WriteLine(int.TryParse("1", out {|FLX0005:int k|}) ? k : 0);
                    {|FLX0005:while (x > 1)
                    {
                        x = x / 2;
                        throw new InvalidOperationException();
                    }|}

                    return x * a[0] * n;
                }
            }
            """);

        [Fact]
        public Task FLX0006_AssignmentsInsideExpressionsThatCSharpOrders() => Verify("""
            public static partial class Model
            {
                private static (double, double) Pair(double x) => (x, x);

                [Differentiable]
                public static double F(double x, double[] a, int n)
                {
                    int i = 0;
                    double s = x > 0 ? a[{|FLX0006:i++|}] : 0;
                    s += n + {|FLX0006:n++|};
                    if (i < n && a[{|FLX0006:i++|}] > 0)
                    {
                        s += x;
                    }

                    {|FLX0005:(s, x) = Pair(x)|};
                    return s;
                }
            }
            """);

        [Fact]
        public Task FLX0018_SuppliedDerivativesThatDoNotFit() => Verify("""
            public static class Library
            {
                public static double Erf(double x) => x;

                public static double Scale(double x, int n) => x * n;

                public static int Count(double x) => 1;
            }

            public static partial class Rules
            {
                [{|#0:DerivativeOf(typeof(Library), nameof(Library.Erf))|}]
                public static double MissingOutput(double x) => x;

                [{|#1:DerivativeOf(typeof(Library), "Erff")|}]
                public static double NoSuchMethod(double x, out double dx) { dx = 1; return x; }

                [{|#2:DerivativeOf(typeof(Library), nameof(Library.Erf))|}]
                private static double Hidden(double x, out double dx) { dx = 1; return x; }

                [DerivativeOf(typeof(Library), nameof(Library.Scale))]
                public static double ScaleDerivative(double x, int n, out double dx) { dx = n; return x * n; }

                [{|#3:DerivativeOf(typeof(Library), nameof(Library.Scale))|}]
                public static double AgainScale(double x, int n, out double dx) { dx = n; return x * n; }

                [{|#4:DerivativeOf(typeof(Library), nameof(Library.Count))|}]
                public static double CountDerivative(double x, out double dx) { dx = 0; return 1; }
            }
            """,
            Diagnostic("FLX0018", 0).WithArguments("MissingOutput", "Library.Erf",
                "its signature must be 'static double MissingOutput(double x, out double dx)'"),
            Diagnostic("FLX0018", 1).WithArguments("NoSuchMethod", "Library.Erff", "there is no static method 'Library.Erff'"),
            Diagnostic("FLX0018", 2).WithArguments("Hidden", "Library.Erf",
                "a derivative must be a static, non-generic method that is public or internal, in a type that is not private"),
            Diagnostic("FLX0018", 3).WithArguments("AgainScale", "Library.Scale", "'Rules.ScaleDerivative' is its derivative already"),
            Diagnostic("FLX0018", 4).WithArguments("CountDerivative", "Library.Count", "its target must return double"));

        [Fact]
        public Task FLX0016_SecondDerivativesThroughASuppliedDerivative() => Verify("""
            public static class Library
            {
                public static double Erf(double x) => x;
            }

            public static partial class Model
            {
                [DerivativeOf(typeof(Library), nameof(Library.Erf))]
                public static double ErfDerivative(double x, out double dx) { dx = 1; return x; }

                [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Hessian)]
                public static double F(double x) => {|#0:Library.Erf(x * x)|};
            }
            """,
            Diagnostic("FLX0016", 0).WithArguments("'F_Hessian'", "F", "a call of 'Library.Erf' goes through the derivative supplied for it, "
                + "'Model.ErfDerivative', which gives first derivatives only; ask for second derivatives where the call is not made, "
                + "or only for first ones here"));

        [Fact]
        public Task FLX0006_ASwitchArmThatThrowsWhereTheSwitchMayNotRun() => Verify("""
            public static partial class Model
            {
                [Differentiable]
                public static double F(double x, int k)
                {
                    double y = x > 0 ? k switch { 1 => x, _ => {|FLX0006:throw new NotSupportedException()|} } : 0;
                    return y + ({|FLX0006:k switch { _ => throw new InvalidOperationException() }|});
                }
            }
            """);

        [Fact]
        public Task FLX0005_AStackallocSpanIsReportedOnceWhereItIsDeclared() => Verify("""
            public static partial class Model
            {
                [Differentiable]
                public static double F(double x)
                {
                    Span<double> {|#0:s = stackalloc double[2]|};
                    s[0] = x;
                    s[1] += x * x;
                    return x;
                }
            }
            """,
            Diagnostic("FLX0005", 0).WithArguments("declaration of 's'", "locals of type 'System.Span<double>' are not supported; use double or an "
                + "integer type, or for a span a local array (new double[n])"));

        [Fact]
        public Task FLX0006_ParamsArgumentsWrittenOut() => Verify("""
            public static partial class Model
            {
                [Differentiable]
                public static double Sum(params double[] w) => w[0] + w[1];

                [Differentiable]
                public static double F(double x)
                {
                    double[] values = { x, 2.0 };
                    return Sum(values) + {|#0:Sum(x, 2.0)|};
                }
            }
            """,
            Diagnostic("FLX0006", 0).WithArguments("call of 'Sum'",
                "its params array is written out as separate values; put them in a local array (double[] values = { … }) and pass that"));

        [Fact]
        public Task FLX0006_AggregatesLinqCannotLower() => Verify("""
            using System.Collections.Generic;
            using System.Linq;

            public static partial class Model
            {
                private static readonly List<double> Table = new() { 1.0, 2.0 };

                [Differentiable]
                public static double F(double[] w, double x)
                {
                    double s = w.Sum(v => v * x) + w.Average(v => v);
                    s += x > 0 ? {|FLX0006:w.Sum()|} : 0;
                    return s + {|FLX0006:Table.Sum(v => v * x)|};
                }
            }
            """);

        [Fact]
        public Task FLX0005_AMethodThatAlwaysThrows() => Verify("""
            public static partial class Model
            {
                [Differentiable]
                public static double F(double x)
                {
                    Console.WriteLine(x);
                    {|FLX0005:throw new NotImplementedException();|}
                }
            }
            """);

        [Fact]
        public Task FLX0005_LoopsAndLocalFunctions() => Verify("""
            public static partial class Model
            {
                [Differentiable]
                public static double F(double x)
                {
                    double s = 0;
                    double Twice(double v)
                    {
                        double w = 2 * v;
                        return w;
                    }

                    double Down(double v) => v > 1 ? {|FLX0006:Down(v / 2)|} : v;
                    double Half(double v) => v / 2;
                    s += {|FLX0006:Twice(x)|} + Down(x);
                    s += x > 0 ? {|FLX0006:Half(s)|} : 0;
                    {|FLX0005:foreach (int i in new[] { 1, 2 }) { s += x * i; }|}
                    {|FLX0005:for (;;) { s += x; }|}
                    return s;
                }
            }
            """);

        [Fact]
        public Task FLX0006_UnsupportedExpressions() => Verify("""
            public static partial class Model
            {
                [Differentiable]
                public static double F(double x)
                {
                    double a = x is {|FLX0006:{ }|} ? x : -x;
                    double b = {|FLX0006:(x, x).Item1|};
                    Func<double, double> {|FLX0005:f = v => v * x|};
                    return a + b;
                }
            }
            """);

        [Fact]
        public Task FLX0006_MessageNamesConstruct() => Verify(
            """
            public static partial class Model
            {
                [Differentiable]
                public static double F(double x) => x * {|#0:"abc".Length|};
            }
            """,
            Diagnostic("FLX0006", 0).WithArguments("property 'Length'", "pass the value in as a parameter"));

        [Fact]
        public Task FLX0007_CallWithoutDerivative() => Verify(
            """
            public static class Helpers
            {
                public static double Softplus(double x) => Math.Log(1 + Math.Exp(x));
            }

            public static partial class Model
            {
                [Differentiable]
                public static double F(double x) => 2 * {|#0:Helpers.Softplus(x)|} + Helpers.Softplus(1.0) + {|#1:Math.IEEERemainder(x, 2)|};
            }
            """,
            Diagnostic("FLX0007", 0).WithArguments("Helpers.Softplus", "mark 'Softplus' [Differentiable] (in a partial type) so that Fluxion generates "
                + "its gradient, or supply its derivative as a method of yours marked [DerivativeOf(typeof(Helpers), nameof(Helpers.Softplus))]"),
            Diagnostic("FLX0007", 1).WithArguments("Math.IEEERemainder", "Fluxion has no derivative rule for it; supply its derivative as a method of "
                + "yours marked [DerivativeOf(typeof(Math), nameof(Math.IEEERemainder))]"));

        [Fact]
        public Task FLX0008_WriteOutsideMethod() => Verify("""
            public static partial class Model
            {
                private static double last;

                [Differentiable]
                public static double F(double x)
                {
                    {|FLX0008:last|} = x;
                    {|FLX0008:Model.last|} += x;
                    return x * x;
                }
            }
            """);

        [Fact]
        public Task FLX0009_NonDeterministic() => Verify("""
            public static partial class Model
            {
                [Differentiable]
                public static double F(double x)
                {
                    double noise = {|FLX0009:Random.Shared.NextDouble()|};
                    double time = {|FLX0009:Environment.TickCount|};
                    double ticks = {|FLX0009:DateTime.Now|}.Ticks;
                    return x * noise + time + ticks;
                }
            }
            """);

        [Fact]
        public Task FLX0010_UnknownParameterName() => Verify(
            """
            public static partial class Model
            {
                [Differentiable(nameof(x), {|#0:"z"|}, {|#1:nameof(n)|})]
                public static double F(double x, int n) => x * n;
            }
            """,
            Diagnostic("FLX0010", 0).WithArguments("z", "F"),
            Diagnostic("FLX0010", 1).WithArguments("n", "F"));

        [Fact]
        public Task FLX0011_ExistingMember() => Verify("""
            public static partial class Model
            {
                [Differentiable]
                public static double {|FLX0011:F|}(double x) => x * x;

                public static double F_Grad(double x, out double dx)
                {
                    dx = 2 * x;
                    return x * x;
                }
            }
            """);

        [Fact]
        public Task FLX0011_OutputNameTakenByParameter() => Verify(
            """
            public static partial class Model
            {
                [Differentiable(nameof(x))]
                public static double {|#0:Step|}(double x, double dx) => x + dx;
            }
            """,
            Diagnostic("FLX0011", 0).WithArguments("gradient output", "dx", "parameter 'dx' (a parameter you cannot rename keeps its name with "
                + "[Differentiable(DerivativePrefix = \"grad_\")], which names the derivatives grad_x)"));

        [Fact]
        public Task FLX0011_DerivativePrefixAvoidsTheCollision() => Verify("""
            public static partial class Model
            {
                [Differentiable(DerivativePrefix = "grad_", Derivatives = Derivatives.Gradient | Derivatives.Jvp | Derivatives.Hessian)]
                public static double Advance(double x, double dx, double t, double dt) => x + dx * dt;

                [Differentiable(DerivativePrefix = "1", Derivatives = Derivatives.Gradient)]
                public static double {|#0:Bad|}(double x) => x;

                [Differentiable(DerivativePrefix = "", Derivatives = Derivatives.Gradient)]
                public static double {|#1:Same|}(double x) => x;
            }
            """,
            Diagnostic("FLX0011", 0).WithArguments("derivative parameter", "1x", "C#'s rules for names: DerivativePrefix and DerivativeSuffix may "
                + "hold letters, digits and _, and the name may not start with a digit"),
            Diagnostic("FLX0011", 1).WithArguments("gradient output", "x", "parameter 'x' (a parameter you cannot rename keeps its name with "
                + "[Differentiable(DerivativePrefix = \"grad_\")], which names the derivatives grad_x)"));

        [Fact]
        public Task FLX0011_DifferentOverloadDoesNotCollide() => Verify("""
            public static partial class Model
            {
                [Differentiable]
                public static double F(double x) => x * x;

                public static double F_Grad(double x) => 2 * x;
            }
            """);

        [Fact]
        public Task FLX0011_JvpOutputTakenByParameter() => Verify(
            """
            public static partial class Model
            {
                [Differentiable(Derivatives = Derivatives.Jvp)]
                public static double {|#0:Scale|}(double x, double derivative) => x * derivative;
            }
            """,
            Diagnostic("FLX0011", 0).WithArguments("directional derivative output", "derivative", "parameter 'derivative'"));

        [Fact]
        public Task FLX0011_ExistingJvp() => Verify("""
            public static partial class Model
            {
                [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
                public static double {|FLX0011:F|}(double x) => x * x;

                public static double F_Jvp(double x, double dx, out double derivative)
                {
                    derivative = 2 * x * dx;
                    return x * x;
                }
            }
            """);

        [Fact]
        public Task FLX0011_ExistingGradientOfArray() => Verify("""
            public static partial class Model
            {
                [Differentiable]
                public static double {|FLX0011:F|}(double[] a) => a[0] * a[0];

                public static double F_Grad(double[] a, Span<double> da)
                {
                    da.Fill(0.0);
                    da[0] = 2 * a[0];
                    return a[0] * a[0];
                }
            }
            """);

        [Fact]
        public Task FLX0011_ArrayGradientOverloadOfAnotherTypeDoesNotCollide() => Verify("""
            public static partial class Model
            {
                [Differentiable]
                public static double F(double[] a) => a[0] * a[0];

                public static double F_Grad(double[] a, double[] da)
                {
                    da[0] = 2 * a[0];
                    return a[0] * a[0];
                }
            }
            """);

        [Fact]
        public Task FLX0011_OverloadsGeneratingTheSameJvp() => Verify(
            """
            public static partial class Model
            {
                [Differentiable(nameof(x), Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
                public static double {|#0:F|}(double x, double y, double z) => x * y * z;

                [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
                public static double {|#1:F|}(double a, double b) => a * b;
            }
            """,
            Diagnostic("FLX0011", 0).WithArguments("method", "F_Jvp", "the 'F_Jvp' generated for the overload F(double, double)"),
            Diagnostic("FLX0011", 1).WithArguments("method", "F_Jvp", "the 'F_Jvp' generated for the overload F(double, double, double)"));

        [Fact]
        public Task FLX0016_SecondDerivativesThroughACallPassingAnArray() => Verify(
            """
            public static partial class Model
            {
                [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Hvp)]
                public static double Total(double[] w) => w[0] * w[1];

                [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Hessian)]
                public static double F(double[] w) => {|#0:Total(w)|} * w[0];
            }
            """,
            Diagnostic("FLX0016", 0).WithArguments(
                "'F_Hessian'",
                "F",
                "second derivatives through a call of another [Differentiable] method ('Total') that passes a whole array or span are not generated "
                    + "yet; ask for them where the call's body is written inline, or ask only for Gradient and Jvp here"));

        [Fact]
        public Task FLX0017_SecondDerivativesThroughACallNeedTheCalleesHvp() => Verify(
            """
            public static partial class Model
            {
                [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Hessian)]
                public static double Square(double x) => x * x;

                [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Hessian)]
                public static double F(double x) => {|#0:Square(x)|} * x;
            }
            """,
            Diagnostic("FLX0017", 0).WithArguments("Model.Square", "Square_Hvp", "Hvp"));

        [Fact]
        public Task FLX0011_HvpDirectionTakenByParameter() => Verify(
            """
            public static partial class Model
            {
                [Differentiable(Derivatives = Derivatives.Hvp)]
                public static double {|#0:Kinetic|}(double m, double v) => 0.5 * m * v * v;
            }
            """,
            Diagnostic("FLX0011", 0).WithArguments("name", "v", "parameter 'v'"));

        [Fact]
        public Task FLX0011_NoHvpNoCollision() => Verify("""
            public static partial class Model
            {
                [Differentiable(Derivatives = Derivatives.Hessian)]
                public static double Kinetic(double m, double v) => 0.5 * m * v * v;
            }
            """);

        [Fact]
        public Task FLX0016_JacobianOfAScalarMethod() => Verify(
            """
            public static partial class Model
            {
                [Differentiable(Derivatives = {|#0:Derivatives.Jacobian|})]
                public static double Norm(double x, double y) => Math.Sqrt(x * x + y * y);
            }
            """,
            Diagnostic("FLX0016", 0).WithArguments(
                "'Norm_Jacobian'",
                "Norm",
                "'Norm' returns one double, so its Jacobian is its gradient (ask for Gradient); Jacobian is for a vector-valued method: a void method that writes its outputs to a last Span<double> parameter"));

        [Fact]
        public Task FLX0016_NoDerivativeAtAll() => Verify(
            """
            public static partial class Model
            {
                [Differentiable(Derivatives = {|#0:0|})]
                public static double F(double x) => x * x;
            }
            """,
            Diagnostic("FLX0016", 0).WithArguments("any derivative", "F", "Derivatives names none; leave it out to get the gradient"));

        [Fact]
        public Task FLX0017_CalleeWithoutJvp() => Verify(
            """
            public static partial class Model
            {
                [Differentiable]
                public static double Softplus(double z) => Math.Log(1.0 + Math.Exp(z));

                [Differentiable(Derivatives = Derivatives.Gradient | Derivatives.Jvp)]
                public static double Loss(double x) => {|#0:Softplus(x)|} * x;
            }
            """,
            Diagnostic("FLX0017", 0).WithArguments("Model.Softplus", "Softplus_Jvp", "Jvp"));

        [Fact]
        public Task FLX0017_JvpOnlyCalleeOfAGradient() => Verify(
            """
            public static partial class Model
            {
                [Differentiable(Derivatives = Derivatives.Jvp)]
                public static double Softplus(double z) => Math.Log(1.0 + Math.Exp(z));

                [Differentiable]
                public static double Loss(double x) => {|#0:Softplus(x)|} * x;
            }
            """,
            Diagnostic("FLX0017", 0).WithArguments("Model.Softplus", "Softplus_Grad", "Gradient"));

        [Fact]
        public Task FLX0012_UnsupportedMethodShapes() => Verify("""
            public static partial class Model
            {
                [Differentiable]
                public static double {|FLX0012:Generic|}<T>(double x) => x;

                [Differentiable]
                public static extern double {|FLX0012:External|}(double x);
            }
            """);

        [Fact]
        public Task FLX0013_ArgumentToParameterWithoutGradient() => Verify(
            """
            public static partial class Model
            {
                [Differentiable(nameof(a))]
                public static double G(double a, double b) => a * b;

                [Differentiable]
                public static double F(double x) => G(x, 2.0) + G(3.0, {|#0:x * 2|});
            }
            """,
            Diagnostic("FLX0013", 0).WithArguments("b", "G"));

        [Fact]
        public Task FLX0014_CalleeWithoutGradient() => Verify(
            """
            public static class {|FLX0001:Helpers|}
            {
                [Differentiable]
                public static double Square(double x) => x * x;
            }

            public static partial class Model
            {
                [Differentiable]
                public static double F(double x) => {|#0:Helpers.Square(x)|} + 1;
            }
            """,
            Diagnostic("FLX0014", 0).WithArguments("Helpers.Square", "Containing type must be partial"));

        [Fact]
        public void FLX0015_InternalFailureBecomesDiagnosticNamingTheMethod()
        {
            // A model with no return statement cannot come from the parser; differentiation rejects it.
            var broken = new Model.MethodModel(
                "Demo",
                Model.EquatableArray.Create(new Model.ContainingType("class", "Model", Model.EquatableArray<Model.TypeParameter>.Empty)),
                "public",
                "F",
                "Demo.Model.F",
                "Demo.Model.F.g.cs",
                Model.EquatableArray.Create(new Model.ParameterModel("x", Model.ScalarType.Double, true)),
                Model.EquatableArray<Model.Statement>.Empty,
                new Model.UncomparedLocation(new Diagnostics.LocationInfo("Model.cs", new Microsoft.CodeAnalysis.Text.TextSpan(40, 1), new Microsoft.CodeAnalysis.Text.LinePositionSpan(new(3, 25), new(3, 26)))),
                "M:Demo.Model.F(System.Double)",
                Model.EquatableArray<Model.CallSite>.Empty);

            Pipeline.GeneratedFile result = Assert.Single(Pipeline.GradientGeneration.Generate(broken, nullableDirective: true).Files);

            Assert.Null(result.Text);
            Diagnostic diagnostic = Assert.Single(result.Diagnostics).ToDiagnostic();
            Assert.Equal("FLX0015", diagnostic.Id);
            Assert.Contains("Demo.Model.F", diagnostic.GetMessage());
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            Assert.Equal("Model.cs", diagnostic.Location.GetLineSpan().Path);
            Assert.Equal(new Microsoft.CodeAnalysis.Text.TextSpan(40, 1), diagnostic.Location.SourceSpan);
        }

        [Fact]
        public Task EveryOtherMethodStillGetsItsGradient() => new FluxionTest
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestState =
            {
                Sources =
                {
                    Usings + """
                    public static partial class Model
                    {
                        [Differentiable]
                        public static double Bad(double x) => {|FLX0006:(x, 0.0).Item1|};

                        [Differentiable]
                        public static double Good(double x) => x * x;

                        public static double UseGood(double x) => Good_Grad(x, out _);
                    }
                    """,
                },
                AdditionalReferences = { MetadataReference.CreateFromFile(typeof(DifferentiableAttribute).Assembly.Location) },
            },
            TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck,
        }.RunAsync();

        [Fact]
        public void DescriptorsAreErrorsWithHelpLinks()
        {
            var descriptors = typeof(Diagnostics.DiagnosticDescriptors).GetFields()
                .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
                .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
                .ToList();

            Assert.Equal(descriptors, Diagnostics.DiagnosticDescriptors.All);
            Assert.Equal(descriptors, new DifferentiableAnalyzer().SupportedDiagnostics);

            Assert.Equal(18, descriptors.Count);
            Assert.Equal(descriptors.Count, descriptors.Select(d => d.Id).Distinct().Count());
            foreach (DiagnosticDescriptor descriptor in descriptors)
            {
                Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
                Assert.EndsWith("docs/diagnostics/" + descriptor.Id + ".md", descriptor.HelpLinkUri);
                Assert.True(System.IO.File.Exists(System.IO.Path.Combine(RepositoryRoot(), "docs", "diagnostics", descriptor.Id + ".md")), descriptor.Id + " has no page");
            }
        }

        private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
            System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, "..", ".."));

        internal static DiagnosticResult Diagnostic(string id, int markupKey) =>
            new DiagnosticResult(id, DiagnosticSeverity.Error).WithLocation(markupKey);

        internal static Task Verify(string source, params DiagnosticResult[] expected)
        {
            var test = new FluxionTest
            {
                ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
                TestState =
                {
                    Sources = { Usings + source },
                    AdditionalReferences = { MetadataReference.CreateFromFile(typeof(DifferentiableAttribute).Assembly.Location) },
                },
                TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck,
            };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }
    }

    /// <summary>The generator and the analyzer on one project, as a build runs them: the analyzer reports the diagnostics.</summary>
    internal sealed class FluxionTest : CSharpSourceGeneratorTest<DifferentiableGenerator, DefaultVerifier>
    {
        protected override System.Collections.Generic.IEnumerable<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
            new[] { new DifferentiableAnalyzer() };
    }
}
