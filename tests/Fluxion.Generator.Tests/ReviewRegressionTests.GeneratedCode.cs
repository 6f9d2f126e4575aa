using System;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Fluxion.Generator.Tests
{
    /// <summary>Generated code that did not compile, warned, or gave a wrong gradient (issue 12).</summary>
    public partial class ReviewRegressionTests
    {
        [Fact]
        public void ComparisonOfAVariableWithItsUnaryPlusDoesNotWarn()
        {
            GenerationResult result = GeneratorHarness.Run(Usings + """
                public static partial class M { [Differentiable] public static double F(double x) { if (x <= +x) { return x * x; } return x; } }
                """);
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
            (double value, double[] gradient) = Gradient(result.Load(), "F", 3.0);
            Assert.Equal(9.0, value);
            Assert.Equal(6.0, gradient[0]);
        }
    }
}
