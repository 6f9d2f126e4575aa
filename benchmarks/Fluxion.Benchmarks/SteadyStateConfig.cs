using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Fluxion.Benchmarks;

// Every benchmark class of this assembly, whatever job the command line picks (the default one, or the in-process
// toolchain of --inProcess), measures the tier-1 code: see SteadyStateConfig.
[assembly: Config(typeof(SteadyStateConfig))]

namespace Fluxion.Benchmarks
{
    /// <summary>
    /// Makes every benchmark measure steady state: the code tiered compilation ends with, not what it starts with.
    /// Some effects exist only there: on AVX-512 hardware the tier-1 code of the runtime's Span.Clear leaves the upper
    /// vector state dirty and slows every later native Math call many times (docs/benchmarks.md), which neither
    /// tier-0 code nor DOTNET_TieredCompilation=0 shows.
    /// </summary>
    /// <remarks>
    /// Nothing here or in the project turns tiering off, and the in-process toolchain that <c>--inProcess</c> selects
    /// runs in this process, with its default runtime settings. BenchmarkDotNet 0.15.8's default job runs a short
    /// jitting stage (1, then 16 invocations), a pilot and 6 to 50 warmup iterations of about 500 ms (the default
    /// iteration time). A method reaches tier 1 after 30 calls once 100 ms have passed without new tier-0 compilation,
    /// compiled in the background; the benchmark method and everything it calls (the runtime's clearing code among
    /// them) is called at least once per invocation, and an iteration holds from 6 invocations (the slowest row,
    /// finite differences of the network) to millions, so at least <see cref="MinimumWarmupIterations"/> warmup
    /// iterations, five seconds of calls, leave only tier-1 code for the measured iterations.
    /// </remarks>
    public sealed class SteadyStateConfig : ManualConfig
    {
        /// <summary>The fewest warmup iterations of any benchmark (BenchmarkDotNet's default is 6).</summary>
        public const int MinimumWarmupIterations = 10;

        /// <summary>A mutator: its settings apply to every job, including the one the command line creates.</summary>
        public SteadyStateConfig()
        {
            AddJob(Job.Default.WithMinWarmupCount(MinimumWarmupIterations).AsMutator());
        }

        /// <summary>
        /// Refuses to measure with tiered compilation turned off through the environment (inherited by the processes
        /// BenchmarkDotNet starts) or the runtime configuration: the numbers would not be the steady state users see.
        /// </summary>
        public static void RequireTieredCompilation()
        {
            foreach (string variable in new[] { "DOTNET_TieredCompilation", "COMPlus_TieredCompilation" })
            {
                if (Environment.GetEnvironmentVariable(variable) is "0")
                {
                    throw new InvalidOperationException(
                        $"{variable}=0: the benchmarks measure the steady state of default tiered compilation; unset it (docs/benchmarks.md).");
                }
            }

            if (AppContext.TryGetSwitch("System.Runtime.TieredCompilation", out bool enabled) && !enabled)
            {
                throw new InvalidOperationException("TieredCompilation is off in the runtime configuration; the benchmarks measure its steady state.");
            }
        }
    }
}
