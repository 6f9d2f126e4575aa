using System.Linq;
namespace Fluxion.Generator.Tests
{
    public class SmokeTests
    {
        [Fact]
        public void Prints()
        {
            var result = GeneratorHarness.Run("""
                using System;
                using Fluxion;
                namespace Demo;
                public static partial class Model
                {
                    [Differentiable]
                    public static double F(double x, double y) => x * Math.Sin(y) / (1.0 + x * x);

                    [Differentiable]
                    public static double G(double x, double y)
                    {
                        double a = x * y;
                        a += Math.Exp(a);
                        var b = F(a, x) * 2;
                        return b * b - Math.Pow(x, 3) + Math.Abs(y);
                    }
                }
                """);
            foreach (var s in result.Sources) System.Console.WriteLine(s.Value);
            foreach (var d in result.GeneratorDiagnostics.Concat(result.CompilationDiagnostics)) System.Console.WriteLine(d);
            System.Console.WriteLine(result.Exception);
        }
    }
}
