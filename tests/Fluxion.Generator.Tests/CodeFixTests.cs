using System.Threading.Tasks;
using Fluxion.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Fluxion.Generator.Tests
{
    /// <summary>
    /// Each code fix on the analyzer's diagnostic: the code before, the code after (which the analyzer then finds nothing in), and
    /// fix-all where several diagnostics share a fix. The test framework also applies the fixes one at a time and checks both agree.
    /// </summary>
    public class CodeFixTests
    {
        private const string Usings = "using System;\nusing Fluxion;\n\n";

        [Fact]
        public Task MakesTheContainingTypesPartial() => Verify<MakeTypePartialFix>(
            """
            public static class {|FLX0001:Model|}
            {
                [Differentiable]
                public static double F(double x) => x * x;
            }

            class {|FLX0001:Plain|}
            {
                [Differentiable]
                public static double G(double x) => x * x;
            }

            public class {|FLX0001:Outer|}
            {
                public static partial class Inner
                {
                    [Differentiable]
                    public static double H(double x) => x * x;
                }
            }
            """,
            """
            public static partial class Model
            {
                [Differentiable]
                public static double F(double x) => x * x;
            }

            partial class Plain
            {
                [Differentiable]
                public static double G(double x) => x * x;
            }

            public partial class Outer
            {
                public static partial class Inner
                {
                    [Differentiable]
                    public static double H(double x) => x * x;
                }
            }
            """);

        [Fact]
        public Task MarksACalledMethodDifferentiableOnceForAllItsCalls() => Verify<MarkCalleeDifferentiableFix>(
            """
            public static partial class Model
            {
                [Differentiable]
                public static double F(double x) => {|FLX0007:Helpers.Square(x)|} + 1.0;

                [Differentiable]
                public static double G(double x) => {|FLX0007:Helpers.Square(x)|} * x;
            }

            public static partial class Helpers
            {
                /// <summary>The square of <paramref name="x"/>.</summary>
                public static double Square(double x) => x * x;
            }
            """,
            """
            public static partial class Model
            {
                [Differentiable]
                public static double F(double x) => Helpers.Square(x) + 1.0;

                [Differentiable]
                public static double G(double x) => Helpers.Square(x) * x;
            }

            public static partial class Helpers
            {
                /// <summary>The square of <paramref name="x"/>.</summary>
                [Differentiable]
                public static double Square(double x) => x * x;
            }
            """);

        [Fact]
        public Task OffersNothingForACallOfALibrary() => Verify<MarkCalleeDifferentiableFix>(
            """
            public static partial class Model
            {
                [Differentiable]
                public static double F(double x) => {|FLX0007:Math.IEEERemainder(x, 2.0)|};
            }
            """,
            """
            public static partial class Model
            {
                [Differentiable]
                public static double F(double x) => {|FLX0007:Math.IEEERemainder(x, 2.0)|};
            }
            """);

        [Fact]
        public Task RemovesANameThatIsNoParameterToDifferentiate() => Verify<RemoveUnknownParameterNameFix>(
            """
            public static partial class Model
            {
                [Differentiable(nameof(x), {|FLX0010:"z"|})]
                public static double F(double x, double y) => x * y;

                [Differentiable({|FLX0010:"w"|})]
                public static double G(double x) => x * x;
            }
            """,
            """
            public static partial class Model
            {
                [Differentiable(nameof(x))]
                public static double F(double x, double y) => x * y;

                [Differentiable]
                public static double G(double x) => x * x;
            }
            """);

        [Fact]
        public Task MakesAnInterfaceMethodStaticWhenItReadsNoInstanceState() => Verify<MakeMethodStaticFix>(
            """
            public partial interface IModel
            {
                double Scale { get; }

                [Differentiable]
                public double {|FLX0002:F|}(double x) => x * x;

                [Differentiable]
                double {|FLX0002:G|}(double x) => x + 1.0;

                [Differentiable]
                public double {|FLX0002:Scaled|}(double x) => Scale * x;
            }
            """,
            """
            public partial interface IModel
            {
                double Scale { get; }

                [Differentiable]
                public static double F(double x) => x * x;

                [Differentiable]
                static double G(double x) => x + 1.0;

                [Differentiable]
                public double {|FLX0002:Scaled|}(double x) => Scale * x;
            }
            """);

        [Fact]
        public Task AddsTheDiscardArmASwitchLacks() => Verify<AddDiscardArmFix>(
            """
            public static partial class Model
            {
                [Differentiable]
                public static double F(double x, int k) => {|FLX0006:k switch
                {
                    0 => x,
                    1 => x * x
                }|};

                [Differentiable]
                public static double G(double x) => {|FLX0006:(int)Math.Floor(x) switch { 0 => x, 1 => x * x, }|};
            }
            """,
            """
            public static partial class Model
            {
                [Differentiable]
                public static double F(double x, int k) => k switch
                {
                    0 => x,
                    1 => x * x,
                    _ => throw new ArgumentOutOfRangeException(nameof(k))
                };

                [Differentiable]
                public static double G(double x) => (int)Math.Floor(x) switch { 0 => x, 1 => x * x, _ => throw new InvalidOperationException("No arm of the switch matches the value."), };
            }
            """);

        [Fact]
        public Task NamesTheGradientOutputsSoTheyTakeNoParametersName() => Verify<RenameDerivativeParametersFix>(
            """
            public static partial class Model
            {
                [Differentiable(nameof(x))]
                public static double {|FLX0011:Step|}(double x, double dx) => x + dx;

                [Differentiable(DerivativePrefix = "", Derivatives = Derivatives.Gradient)]
                public static double {|FLX0011:Same|}(double x) => x;

                [Differentiable]
                public static double {|FLX0011:Taken|}(double x, double grad_x, double dx) => x * grad_x + dx;
            }
            """,
            """
            public static partial class Model
            {
                [Differentiable(nameof(x), DerivativePrefix = "grad_")]
                public static double Step(double x, double dx) => x + dx;

                [Differentiable(DerivativePrefix = "grad_", Derivatives = Derivatives.Gradient)]
                public static double Same(double x) => x;

                [Differentiable(DerivativePrefix = "d_")]
                public static double Taken(double x, double grad_x, double dx) => x * grad_x + dx;
            }
            """);

        private static Task Verify<TFix>(string source, string fixedSource)
            where TFix : CodeFixProvider, new()
        {
            var test = new CSharpCodeFixTest<DifferentiableAnalyzer, TFix, DefaultVerifier>
            {
                ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
                TestCode = Usings + source,
                FixedCode = Usings + fixedSource,
            };
            test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(DifferentiableAttribute).Assembly.Location));
            test.FixedState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(DifferentiableAttribute).Assembly.Location));
            // Diagnostics no fix removes are marked in the fixed code too.
            test.FixedState.MarkupHandling = MarkupMode.Allow;
            return test.RunAsync();
        }
    }
}
