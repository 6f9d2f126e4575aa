using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Fluxion.Generator.Tests
{
    /// <summary>Regressions a review found in early returns that set a flag (loops and switches that return, locals across blocks).</summary>
    public class EarlyReturnFlagRegressionTests
    {
        private static string Source(string kinds, string body, string wrappers) =>
            "using System;\nusing Fluxion;\nnamespace Demo;\npublic static partial class R\n{\n"
            + $"    [Differentiable(Derivatives = {kinds})]\n    public static double F(double x)\n    {{\n{body}\n    }}\n{wrappers}\n}}\n";

        private const string LoopReturnInBranch = @"
        double y = x;
        if (x > 0)
        {
            for (int i = 0; i < 3; i++) { if (y > 5) return y; y *= 2; }
        }
        return y + 1;";

        [Fact]
        public void A1_LoopWithReturnInsideAFlagRegion_GradCrashes()
        {
            GenerationResult result = GeneratorHarness.Run(Source("Derivatives.Gradient", LoopReturnInBranch, ""));
            // Observed: FLX0015 "InvalidOperationException: only one side of a branch returns".
            Assert.Empty(result.GeneratorDiagnostics);
        }

        [Fact]
        public void A2_LoopWithReturnInsideAFlagRegion_JvpIsSilentlyWrong()
        {
            GenerationResult result = GeneratorHarness.Run(Source("Derivatives.Jvp", LoopReturnInBranch,
                "    public static double J(double x, double[] o) => F_Jvp(x, 1.0, out o[0]);"));
            Type type = result.Load().GetType("Demo.R")!;
            var derivative = new double[1];
            double value = (double)type.GetMethod("J")!.Invoke(null, new object[] { 0.1, derivative })!;
            // F(0.1) = 0.8 + 1 = 1.8, F'(0.1) = 8. Observed: 0 and 0 (the loop's fall-through path returns returnValue).
            Assert.Equal(1.8, value);
            Assert.Equal(8.0, derivative[0]);
        }

        [Fact]
        public void B_SwitchWithReturnThenAnotherEarlyReturn_DropsTheRestOfTheMethod()
        {
            const string body = @"
        double y = x;
        if (x > 0) { if (x > 10) return -x; y = 2 * x; }
        switch ((int)x) { case 1: return y * y; default: y += 1; break; }
        if (y > 100) return 5 * x;
        return y * 3;";
            GenerationResult result = GeneratorHarness.Run(Source("Derivatives.Gradient", body,
                "    public static double G(double x, double[] d) => F_Grad(x, out d[0]);"));
            Assert.Empty(result.GeneratorDiagnostics);
            Type type = result.Load().GetType("Demo.R")!;
            var gradient = new double[1];
            double value = (double)type.GetMethod("G")!.Invoke(null, new object[] { -7.3, gradient })!;
            // F(-7.3) = (-7.3 + 1) * 3 = -18.9, F' = 3. Observed: 0 and 0.
            Assert.Equal((double)type.GetMethod("F")!.Invoke(null, new object[] { -7.3 })!, value);
            Assert.Equal(3.0, gradient[0]);
        }

        [Fact]
        public void C1_LocalDeclaredAfterAFlagIf_JvpDoesNotCompile()
        {
            const string body = @"
        double y = x;
        if (x > 0) { if (x > 5) return y; y += 1; }
        double t = y * y;
        if (t > 4) return t;
        return t + x;";
            GenerationResult result = GeneratorHarness.Run(Source("Derivatives.Gradient | Derivatives.Jvp", body, ""));
            // Observed: CS0103 't' / 'dt' do not exist (declared inside the first `if (!returned)` block, read in the next).
            Assert.Empty(result.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        }

        [Fact]
        public void C2_LocalArrayDeclaredAfterAFlagIf_GradDoesNotCompile()
        {
            const string body = @"
        double y = x;
        if (x > 0) { if (x > 5) return y; y += 1; }
        double[] a = new double[2];
        a[0] = y * y;
        if (a[0] > 4) return a[0];
        return a[0] + x;";
            GenerationResult result = GeneratorHarness.Run(Source("Derivatives.Gradient", body, ""));
            // Observed: CS0103 'a' / 'a_adj' do not exist in F_Grad.
            Assert.Empty(result.CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        }

        [Fact]
        public void D_UnreachableStatementAfterAReturnInAFlagRegionIsNoLongerReported()
        {
            const string body = "        double y = x;\n        if (x > 0) { if (x > 5) { return 1; y = 7; } y = 2; }\n        return y;";
            GenerationResult result = GeneratorHarness.Run(Source("Derivatives.Gradient", body, ""));
            // 4b28b64: FLX0005 "statement after return: it is unreachable; remove it" (as the copy path still reports). Observed: nothing.
            Assert.Contains(result.GeneratorDiagnostics, d => d.Id == "FLX0005");
        }
    }
}
