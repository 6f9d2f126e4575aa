using BenchmarkDotNet.Running;
using Fluxion.Benchmarks;

// Run on demand:  dotnet run -c Release --project benchmarks/Fluxion.Benchmarks -- --filter '*'
// The gradients are checked first; a disagreement throws before anything is measured.
SteadyStateConfig.RequireTieredCompilation();
GradientCheck.Run();
LargeGradientCheck.Run();
BenchmarkSwitcher.FromAssembly(typeof(GradientCheck).Assembly).Run(args);
