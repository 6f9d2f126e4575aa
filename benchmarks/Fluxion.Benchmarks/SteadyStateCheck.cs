using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Fluxion.Benchmarks.Functions;

namespace Fluxion.Benchmarks
{
    /// <summary>
    /// A long-running timing of three problems in one process, outside BenchmarkDotNet: for each, the primal, the
    /// hand-written gradient and Fluxion's generated gradient are called in turn for a warmup long enough for tiered
    /// compilation to finish, then in rounds of equal-length batches (the order rotating each round), and the median
    /// time per call of each is printed with the ratios. What it shows is the steady state of an application that
    /// calls these functions for minutes: the code tiering ends with, all three sharing one process and its vector state.
    /// </summary>
    public static class SteadyStateCheck
    {
        private const string Usage =
            "Usage: steady [--warmup <seconds>] [--measure <seconds>] [--rounds <count>]\n" +
            "  --warmup   seconds of alternating calls per problem before measuring (default 5)\n" +
            "  --measure  seconds of measured calls per problem, split over the rounds (default 15)\n" +
            "  --rounds   measured rounds per problem; each runs every variant once (default 30)";

        // Every result is added here, so no call can be dropped as dead code.
        private static double sink;

        /// <summary>Runs the check with the command-line options after <c>steady</c>; returns the process exit code.</summary>
        public static int Run(string[] args)
        {
            if (!TryParse(args, out double warmupSeconds, out double measureSeconds, out int rounds, out string? error))
            {
                Console.Error.WriteLine(error);
                Console.Error.WriteLine(Usage);
                return error is null ? 0 : 2;
            }

            Console.WriteLine();
            Console.WriteLine("Steady-state check");
            Console.WriteLine($"CPU: {CpuName()}, {Environment.ProcessorCount} logical cores; {RuntimeInformation.OSDescription}");
            Console.WriteLine($".NET: {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.ProcessArchitecture}, " +
                $"Vector512 {(Vector512.IsHardwareAccelerated ? "accelerated" : "not accelerated")}, " +
                $"Vector256 {(Vector256.IsHardwareAccelerated ? "accelerated" : "not accelerated")}, tiered compilation on");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Per problem: {warmupSeconds:0.###} s warmup, then {rounds} rounds over {measureSeconds:0.###} s; median µs per call."));
#if DEBUG
            Console.WriteLine("WARNING: a Debug build; run with -c Release for meaningful numbers.");
#endif
            Console.WriteLine();

            var rows = new List<string>();
            foreach (Problem problem in Problems())
            {
                double[] medians = Measure(problem.Variants, warmupSeconds, measureSeconds, rounds);
                double primal = medians[0], hand = medians[1], generated = medians[2];
                rows.Add(string.Create(CultureInfo.InvariantCulture, $"| {problem.Name} | {primal:0.0} | {hand:0.0} | {generated:0.0} | " +
                    $"{hand / primal:0.00} | {generated / primal:0.00} | {generated / hand:0.00} |"));
                Console.Error.WriteLine($"  measured {problem.Name}");
            }

            Console.WriteLine("| Problem | Primal µs | Hand-written µs | Fluxion µs | Hand-written / primal | Fluxion / primal | Fluxion / hand-written |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            rows.ForEach(Console.WriteLine);

            // Whether this machine pays the AVX/SSE transition penalty at all: Math.Exp after the runtime's Span.Clear
            // (tier 1 may leave the upper vector state dirty) against after Span.Fill (which ends with vzeroupper).
            double[] probe = Measure(TransitionProbe(), warmupSeconds, measureSeconds, rounds);
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"AVX/SSE transition probe: Math.Exp {probe[0] * 1000.0 / ProbeExpCalls:0.0} ns per call after Span.Fill, " +
                $"{probe[1] * 1000.0 / ProbeExpCalls:0.0} ns after Span.Clear ({probe[1] / probe[0]:0.00}x)."));
            return 0;
        }

        private sealed record Problem(string Name, (string Label, Func<double> Call)[] Variants);

        /// <summary>The three problems, each as primal, hand-written gradient and generated gradient, on the benchmarks' inputs.</summary>
        private static IEnumerable<Problem> Problems()
        {
            {
                var (w, b, x, y) = LargeInputs.Logistic();
                double lambda = LargeInputs.LogisticLambda;
                var dw = new double[w.Length];
                yield return new Problem($"Logistic regression L2 ({LargeInputs.LogisticFeatures} features × {LargeInputs.LogisticSamples:N0} samples)", new[]
                {
                    ("primal", (Func<double>)(() => LogisticRegressionL2.Loss(w, b, x, y, lambda))),
                    ("hand-written", () => LogisticRegressionL2.HandGradient(w, b, x, y, lambda, dw, out double db) + db + dw[0]),
                    ("Fluxion", () => LogisticRegressionL2.Loss_Grad(w, b, x, y, lambda, dw, out double db) + db + dw[0]),
                });
            }
            {
                var (theta1, theta2, x, y) = LargeInputs.Network();
                double lambda = LargeInputs.NetworkLambda;
                var d1 = new double[theta1.Length];
                var d2 = new double[theta2.Length];
                var a2 = new double[Network8x32.Hidden];
                yield return new Problem($"Sigmoid network 8-32-1 ({LargeInputs.NetworkSamples} samples)", new[]
                {
                    ("primal", (Func<double>)(() => Network8x32.Cost(theta1, theta2, x, y, lambda))),
                    ("hand-written", () => Network8x32.HandGradient(theta1, theta2, x, y, lambda, d1, d2, a2) + d1[0] + d2[^1]),
                    ("Fluxion", () => Network8x32.Cost_Grad(theta1, theta2, x, y, lambda, d1, d2) + d1[0] + d2[^1]),
                });
            }
            {
                var (alphas, means, icf, x) = LargeInputs.Gmm();
                int k = alphas.Length;
                var dalphas = new double[k];
                var dmeans = new double[means.Length];
                var dicf = new double[icf.Length];
                var scratch = new double[Gmm.ScratchLength(k, means.Length / k)];
                yield return new Problem(
                    $"ADBench GMM (d = {LargeInputs.GmmDimensions}, K = {LargeInputs.GmmComponents}, n = {LargeInputs.GmmPoints:N0})", new[]
                {
                    ("primal", (Func<double>)(() => Gmm.Objective(alphas, means, icf, x))),
                    ("hand-written", () => Gmm.HandGradient(alphas, means, icf, x, dalphas, dmeans, dicf, scratch) + dalphas[0] + dicf[^1]),
                    ("Fluxion", () => Gmm.Objective_Grad(alphas, means, icf, x, dalphas, dmeans, dicf) + dalphas[0] + dicf[^1]),
                });
            }
        }

        private const int ProbeExpCalls = 32;

        private static (string Label, Func<double> Call)[] TransitionProbe()
        {
            var buffer = new double[64];
            double start = 0.25;
            double Exps()
            {
                double sum = 0.0;
                for (int i = 0; i < ProbeExpCalls; i++)
                {
                    sum += Math.Exp(start + buffer[i & 7] + i * 1e-3);
                }
                return sum;
            }

            return new[]
            {
                ("Fill", (Func<double>)(() => { buffer.AsSpan().Fill(0.0); return Exps(); })),
                ("Clear", () => { buffer.AsSpan().Clear(); return Exps(); }),
            };
        }

        /// <summary>
        /// Warms up by calling the variants in turn for <paramref name="warmupSeconds"/>, then measures
        /// <paramref name="rounds"/> rounds, each a batch of every variant (batches of equal expected length, the order
        /// rotating); returns each variant's median µs per call.
        /// </summary>
        private static double[] Measure((string Label, Func<double> Call)[] variants, double warmupSeconds, double measureSeconds, int rounds)
        {
            int count = variants.Length;
            var warmupTicks = new long[count];
            var warmupCalls = new long[count];
            var clock = Stopwatch.StartNew();
            long warmupEnd = (long)(warmupSeconds * Stopwatch.Frequency);
            do
            {
                for (int v = 0; v < count; v++)
                {
                    long before = clock.ElapsedTicks;
                    sink += variants[v].Call();
                    warmupTicks[v] += clock.ElapsedTicks - before;
                    warmupCalls[v]++;
                }
            }
            while (clock.ElapsedTicks < warmupEnd);

            // Each batch should take measureSeconds / (rounds · variants), by the warmup's (pessimistic) time per call.
            double batchTicks = measureSeconds * Stopwatch.Frequency / (rounds * (double)count);
            var callsPerBatch = new long[count];
            for (int v = 0; v < count; v++)
            {
                double ticksPerCall = Math.Max(1.0, warmupTicks[v] / (double)warmupCalls[v]);
                callsPerBatch[v] = Math.Max(1, (long)(batchTicks / ticksPerCall));
            }

            var microseconds = new double[count][];
            for (int v = 0; v < count; v++)
            {
                microseconds[v] = new double[rounds];
            }

            for (int round = 0; round < rounds; round++)
            {
                for (int step = 0; step < count; step++)
                {
                    int v = (round + step) % count;
                    Func<double> call = variants[v].Call;
                    long calls = callsPerBatch[v];
                    long before = clock.ElapsedTicks;
                    for (long i = 0; i < calls; i++)
                    {
                        sink += call();
                    }
                    long ticks = clock.ElapsedTicks - before;
                    microseconds[v][round] = ticks * 1e6 / Stopwatch.Frequency / calls;
                }
            }

            return microseconds.Select(Median).ToArray();
        }

        private static double Median(double[] values)
        {
            double[] sorted = values.OrderBy(v => v).ToArray();
            int middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : 0.5 * (sorted[middle - 1] + sorted[middle]);
        }

        /// <summary>The CPU's "model name" (with family and model) from /proc/cpuinfo on Linux, else what the OS tells.</summary>
        private static string CpuName()
        {
            const string cpuinfo = "/proc/cpuinfo";
            if (File.Exists(cpuinfo))
            {
                string? name = null, family = null, model = null;
                foreach (string line in File.ReadLines(cpuinfo))
                {
                    int colon = line.IndexOf(':');
                    if (colon < 0)
                    {
                        if (name is not null) break; // The end of the first processor's block.
                        continue;
                    }

                    string key = line[..colon].Trim(), value = line[(colon + 1)..].Trim();
                    if (key == "model name") name ??= value;
                    else if (key == "cpu family") family ??= value;
                    else if (key == "model") model ??= value;
                }

                if (name is not null)
                {
                    return family is null || model is null ? name : $"{name} (family {family} model {model})";
                }
            }

            return Environment.GetEnvironmentVariable("PROCESSOR_IDENTIFIER") ?? $"unknown {RuntimeInformation.ProcessArchitecture} CPU";
        }

        private static bool TryParse(string[] args, out double warmupSeconds, out double measureSeconds, out int rounds, out string? error)
        {
            warmupSeconds = 5.0;
            measureSeconds = 15.0;
            rounds = 30;
            error = null;
            for (int i = 0; i < args.Length; i++)
            {
                string option = args[i];
                if (option is "--help" or "-h")
                {
                    return false;
                }

                if (i + 1 >= args.Length)
                {
                    error = $"{option} needs a value, or is unknown.";
                    return false;
                }

                string value = args[++i];
                bool parsed = option switch
                {
                    "--warmup" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out warmupSeconds) && warmupSeconds >= 0,
                    "--measure" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out measureSeconds) && measureSeconds > 0,
                    "--rounds" => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out rounds) && rounds > 0,
                    _ => false,
                };
                if (!parsed)
                {
                    error = $"Unknown option or bad value: {option} {value}";
                    return false;
                }
            }

            return true;
        }
    }
}
