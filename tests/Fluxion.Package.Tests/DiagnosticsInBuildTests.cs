using System;
using System.Threading.Tasks;
using Xunit;

namespace Fluxion.Package.Tests
{
    /// <summary>
    /// In a real build, Fluxion's diagnostics come from its analyzer: an unsupported method fails the build with its FLX error, and
    /// a project that silences that error (here with <c>.editorconfig</c>) builds and runs without the method's gradient.
    /// </summary>
    [Collection(PackedFluxion.Collection)]
    public sealed class DiagnosticsInBuildTests
    {
        private const string Program = """
            using System;
            using System.Globalization;
            using Fluxion;

            namespace Consumer
            {
                public static partial class Model
                {
                    [Differentiable]
                    public static double Unsupported(double x) => (x, 0.0).Item1;

                    [Differentiable]
                    public static double Square(double x) => x * x;
                }

                public static class Program
                {
                    public static void Main()
                    {
                        Model.Square_Grad(3.0, out double dx);
                        Console.WriteLine("dx=" + dx.ToString("R", CultureInfo.InvariantCulture));
                    }
                }
            }

            """;

        private readonly PackedFluxion _packed;

        public DiagnosticsInBuildTests(PackedFluxion packed)
        {
            _packed = packed;
        }

        [Fact]
        public async Task An_unsupported_method_fails_the_build_until_the_project_silences_its_error()
        {
            using var app = new ConsumerProject(_packed, "diagnostics", implicitUsingsAndNullable: true, Program);

            CommandResult failed = await app.BuildAsync();
            Assert.False(failed.Succeeded, "The build succeeded despite the unsupported method." + Environment.NewLine + failed.Describe());
            Assert.Contains("Program.cs(10,55): error FLX0006", failed.StandardOutput, StringComparison.Ordinal);

            app.WriteFile(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.FLX0006.severity = none\n");
            CommandResult run = await app.BuildAndRunAsync();
            Assert.Contains("dx=6", run.StandardOutput, StringComparison.Ordinal);
        }
    }
}
