using System.Linq;
using Microsoft.CodeAnalysis;

namespace Fluxion.Generator.Tests
{
    /// <summary>A <c>[Differentiable]</c> method in a referenced assembly: the chain rule goes through the <c>_Grad</c> generated there.</summary>
    public class ReferencedAssemblyTests
    {
        private const string Library = """
            using System;
            using Fluxion;
            namespace Lib;
            public static partial class Kernels
            {
                [Differentiable]
                public static double Softplus(double x) => Math.Log(1.0 + Math.Exp(x));
            }
            """;

        private const string Consumer = """
            using Fluxion;
            namespace App;
            public static partial class Model
            {
                [Differentiable]
                public static double Layer(double w, double x) => Lib.Kernels.Softplus(w * x) * w;
            }
            """;

        [Fact]
        public void CallsTheGradientGeneratedInTheReferencedAssembly()
        {
            GenerationResult library = GeneratorHarness.Run(Library);
            Assert.Empty(library.CompilationDiagnostics);

            GenerationResult consumer = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(library.Output.ToMetadataReference(), Consumer));

            Assert.Empty(consumer.GeneratorDiagnostics);
            Assert.Empty(consumer.CompilationDiagnostics);
            Assert.Contains("global::Lib.Kernels.Softplus_Grad(", consumer.Single());
        }

        [Fact]
        public void ReferencedAssemblyWithoutGradientIsReported()
        {
            // The library compiled without the generator: the attribute is there, the gradient is not.
            MetadataReference library = GeneratorHarness.CreateCompilation(Library).ToMetadataReference();

            GenerationResult consumer = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(library, Consumer));

            Diagnostic diagnostic = Assert.Single(consumer.GeneratorDiagnostics);
            Assert.Equal("FLX0014", diagnostic.Id);
            Assert.Contains("its assembly has no 'Softplus_Grad'", diagnostic.GetMessage());
            Assert.Empty(consumer.Sources);
        }
    }
}
