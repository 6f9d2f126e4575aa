using BenchmarkDotNet.Running;
using Fluxion.Benchmarks;

// Run on demand:  dotnet run -c Release --project benchmarks/Fluxion.Benchmarks -- --filter '*'
// The steady-state check:  dotnet run -c Release --project benchmarks/Fluxion.Benchmarks -- steady [--help]
// The gradients are checked first; a disagreement throws before anything is measured.
SteadyStateConfig.RequireTieredCompilation();
SmallGradientCheck.Run();
LargeGradientCheck.Run();
GmmGradientCheck.Run();
if (args.Length > 0 && args[0] == "steady")
{
    return SteadyStateCheck.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(SmallGradientCheck).Assembly).Run(args);
return 0;
