using BenchmarkDotNet.Running;

namespace Fluxion.GeneratorBenchmarks
{
    /// <summary>
    /// <c>--steps [Fluxion|AttributeOnly]</c> prints where one run's time goes, step by step; anything else goes to
    /// BenchmarkDotNet (e.g. <c>--filter '*'</c>).
    /// </summary>
    public static class Program
    {
        /// <summary>Runs the step report or the benchmarks.</summary>
        public static void Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "--steps")
            {
                StepReport.Print(args.Length > 1 ? args[1] : null);
                return;
            }

            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        }
    }
}
