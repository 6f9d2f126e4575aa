using System.Threading.Tasks;
using Xunit;
using static Fluxion.Generator.Tests.DiagnosticTests;

namespace Fluxion.Generator.Tests
{
    /// <summary>The diagnostics of vector-valued methods (void, writing their outputs to a last Span&lt;double&gt;) and their kinds.</summary>
    public sealed class VectorDiagnosticTests
    {
        [Fact]
        public Task FLX0016_GradientOfAVectorValuedMethod() => Verify(
            """
            public static partial class Model
            {
                [{|#0:Differentiable|}]
                public static void Polar(double r, double theta, Span<double> xy)
                {
                    xy[0] = r * Math.Cos(theta);
                    xy[1] = r * Math.Sin(theta);
                }
            }
            """,
            Diagnostic("FLX0016", 0).WithArguments(
                "'Polar_Grad'",
                "Polar",
                "'Polar' is vector-valued (it writes its outputs to 'xy'), so it has a Jacobian and products with it rather than a gradient; "
                    + "ask for Derivatives.Jacobian, Derivatives.Jvp or Derivatives.Vjp"));

        [Fact]
        public Task FLX0004_VoidWithoutOutputSpan() => Verify("""
            public static partial class Model
            {
                [Differentiable(Derivatives = Derivatives.Jacobian)]
                public static {|FLX0004:void|} Polar(double r, double theta, double[] xy)
                {
                    xy[0] = r * Math.Cos(theta);
                }
            }
            """);

        [Fact]
        public Task FLX0006_OutputSpanUsedWhole() => Verify(
            """
            public static partial class Model
            {
                [Differentiable]
                public static double Total(ReadOnlySpan<double> v) => v[0] + v[1];

                [Differentiable(Derivatives = Derivatives.Vjp)]
                public static void Scaled(double a, Span<double> y)
                {
                    y[0] = a;
                    y[1] = a * Total({|#0:y|});
                }
            }
            """,
            Diagnostic("FLX0006", 0).WithArguments("output span 'y' used whole",
                "a vector-valued method reads and writes its outputs one element at a time (y[i]); compute into a local array and copy its elements"));

        [Fact]
        public Task FLX0010_OutputSpanListed() => Verify(
            """
            public static partial class Model
            {
                [Differentiable("a", {|#0:"y"|}, Derivatives = Derivatives.Vjp)]
                public static void Scaled(double a, Span<double> y) => y[0] = 2.0 * a;
            }
            """,
            Diagnostic("FLX0010", 0).WithArguments("y", "Scaled"));

        [Fact]
        public Task FLX0011_CotangentTakenByParameter() => Verify(
            """
            public static partial class Model
            {
                [Differentiable(Derivatives = Derivatives.Vjp)]
                public static void {|#0:Scaled|}(double a, double cotangent, Span<double> y) => y[0] = cotangent * a;
            }
            """,
            Diagnostic("FLX0011", 0).WithArguments("name", "cotangent", "parameter 'cotangent'"));

        /// <summary>The Jacobian's and the Hessian's own locals step aside for parameters that have their names.</summary>
        [Fact]
        public void ParametersNamedLikeTheGeneratedLocalsCompile()
        {
            GenerationResult result = GeneratorHarness.Run("""
                using System;
                using Fluxion;
                public static partial class Model
                {
                    [Differentiable(Derivatives = Derivatives.Hessian | Derivatives.Hvp)]
                    public static double F(double unit, double row, double[] n, double unit_storage) => unit * row * n[0] + unit_storage;

                    [Differentiable(Derivatives = Derivatives.Jacobian)]
                    public static void G(double row, double inputs, double[] partials, Span<double> unit)
                    {
                        unit[0] = row * inputs;
                        unit[1] = partials[0] * row;
                    }
                }
                """);

            Assert.Null(result.Exception);
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
            Assert.Equal(2, result.Sources.Count);
        }

        [Fact]
        public Task FLX0017_JacobianCalleeWithoutJvp() => Verify(
            """
            public static partial class Model
            {
                [Differentiable]
                public static double Square(double z) => z * z;

                [Differentiable(Derivatives = Derivatives.Jacobian)]
                public static void Squares(double a, double b, Span<double> y)
                {
                    y[0] = {|#0:Square(a)|};
                    y[1] = b;
                }
            }
            """,
            Diagnostic("FLX0017", 0).WithArguments("Model.Square", "Square_Jvp", "Jvp"));
    }
}
