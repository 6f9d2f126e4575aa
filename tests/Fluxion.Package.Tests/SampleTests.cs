using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace Fluxion.Package.Tests
{
    /// <summary>
    /// The samples, run the way their READMEs say. The neural network: its generated gradient agrees with
    /// backprop for every network size it checks, it learns XOR and the two moons, and it writes its plots.
    /// The logistic regression: its gradient agrees with finite differences and it classifies its test set.
    /// The optimization, option Greeks and trajectory samples: their GradientCheck lines pass, and their minimisers,
    /// Greeks and aim end where the mathematics says they must.
    /// </summary>
    public sealed class SampleTests
    {
        private static readonly byte[] PngSignature = { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A };

        [Fact]
        public async Task NeuralNetwork_sample_matches_backprop_and_learns_xor_and_moons()
        {
            string root = RepositoryRoot.Find();
            using var artifacts = new TemporaryDirectory("sample");
            using var output = new TemporaryDirectory("sample-output");
            CommandResult run = await DotNet.RunAsync(
                root,
                TimeSpan.FromMinutes(10),
                "run", "--project", Path.Combine("samples", "NeuralNetwork"), "--artifacts-path", artifacts.Path,
                "--", "--output", output.Path);

            Assert.True(run.Succeeded, run.Describe());
            string stdout = run.StandardOutput;

            // Generated and hand-derived gradients: the 2-2-1 XOR network's nine partials, and the other sizes.
            MatchCollection checks = Regex.Matches(stdout, @"largest \|difference\| over the (\d+) partials: (\S+)");
            Assert.True(checks.Count >= 3, "expected three gradient checks\n" + run.Describe());
            Assert.Equal("9", checks[0].Groups[1].Value);
            foreach (Match check in checks)
            {
                double difference = double.Parse(check.Groups[2].Value, CultureInfo.InvariantCulture);
                Assert.True(difference < 1e-12, $"generated and hand-derived gradients differ by {difference} over {check.Groups[1].Value} partials\n" + run.Describe());
            }

            // The loss falls while each network trains: every run printed from epoch 0 ends a tenth as high or lower.
            var runs = new List<List<double>>();
            foreach (Match line in Regex.Matches(stdout, @"epoch +(\d+) +loss ([0-9.]+)"))
            {
                if (line.Groups[1].Value == "0") runs.Add(new List<double>());
                Assert.True(runs.Count > 0, "a loss line before epoch 0\n" + run.Describe());
                runs[^1].Add(double.Parse(line.Groups[2].Value, CultureInfo.InvariantCulture));
            }
            Assert.True(runs.Count == 2 && runs.All(losses => losses.Count >= 4), "expected the loss printed while XOR and the moons train\n" + run.Describe());
            Assert.All(runs, losses => Assert.True(losses[^1] < losses[0] / 10, $"the loss went from {losses[0]} to {losses[^1]}\n" + run.Describe()));

            Assert.Contains("4 of 4 correct", stdout);

            Match moons = Regex.Match(stdout, @"test accuracy (\d+) of (\d+)");
            Assert.True(moons.Success, run.Describe());
            double accuracy = double.Parse(moons.Groups[1].Value, CultureInfo.InvariantCulture) / double.Parse(moons.Groups[2].Value, CultureInfo.InvariantCulture);
            Assert.True(accuracy >= 0.95, $"moons test accuracy {accuracy}\n" + run.Describe());

            foreach (string name in new[] { "loss.png", "moons-boundary.png" })
            {
                string path = output.Combine(name);
                Assert.True(File.Exists(path), $"{path} was not written\n" + run.Describe());
                Assert.Contains(path, stdout);
                byte[] bytes = File.ReadAllBytes(path);
                Assert.True(bytes.Length > 10_000, $"{path} has only {bytes.Length} bytes");
                Assert.Equal(PngSignature, bytes.Take(PngSignature.Length).ToArray());
            }
        }

        /// <summary>The generated gradient over arrays agrees with central differences, and gradient descent with it classifies held-out data.</summary>
        [Fact]
        public async Task LogisticRegression_sample_matches_finite_differences_and_classifies_the_test_set()
        {
            string root = RepositoryRoot.Find();
            using var artifacts = new TemporaryDirectory("sample");
            CommandResult run = await DotNet.RunAsync(
                root,
                TimeSpan.FromMinutes(10),
                "run", "--project", Path.Combine("samples", "LogisticRegression"), "--artifacts-path", artifacts.Path);

            Assert.True(run.Succeeded, run.Describe());
            Match largest = Regex.Match(run.StandardOutput, @"largest relative difference from central differences: (\S+)");
            Assert.True(largest.Success, run.Describe());
            double difference = double.Parse(largest.Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.True(difference < 1e-6, $"generated gradient and central differences differ by {difference} (relative)\n" + run.Describe());
            Match accuracy = Regex.Match(run.StandardOutput, @"Accuracy: train (\S+) %, test (\S+) %");
            Assert.True(accuracy.Success, run.Describe());
            double test = double.Parse(accuracy.Groups[2].Value, CultureInfo.InvariantCulture);
            Assert.True(test >= 85.0, $"test accuracy {test} % is below 85 %\n" + run.Describe());
        }

        /// <summary>
        /// The generated gradients and Hessians pass GradientCheck; every minimiser on them reaches Rosenbrock's (1, …, 1)
        /// and the decay fit's minimum; finite differences cost more calls; the convergence plots are written.
        /// </summary>
        [Fact]
        public async Task Optimization_sample_passes_its_gradient_checks_and_reaches_the_minima()
        {
            using var output = new TemporaryDirectory("sample-output");
            CommandResult run = await RunSampleAsync("Optimization", output.Path);
            string stdout = run.StandardOutput;

            AssertGradientChecksPassed(run, expected: 6);

            // Rosenbrock, n = 10 and 100: BFGS, L-BFGS and Newton on generated derivatives end at (1, …, 1).
            MatchCollection rosenbrock = Regex.Matches(
                stdout, @"Rosenbrock n = (\d+), (\S+) \((generated|finite differences)\): f = (\S+), largest \|x_i - 1\| = (\S+)");
            Assert.True(rosenbrock.Count == 10, "expected 10 Rosenbrock runs\n" + run.Describe());
            foreach (Match result in rosenbrock)
            {
                double distance = Number(result.Groups[5].Value);
                double required = result.Groups[3].Value == "generated" ? 1e-6 : 1e-4;
                Assert.True(distance < required, $"{result.Value}: {distance} from the minimum\n" + run.Describe());
                Assert.True(Number(result.Groups[4].Value) < 1e-10, $"{result.Value}: f is not near 0\n" + run.Describe());
            }

            // The decay fit: every run ends at Newton's fit, near the parameters the data were made with.
            Match truth = Regex.Match(stdout, @"made with a = (\S+), b = (\S+), c = (\S+) and noise");
            Assert.True(truth.Success, run.Describe());
            MatchCollection fits = Regex.Matches(
                stdout,
                @"decay fit, (\S+) \((generated|finite differences)\): a = (\S+), b = (\S+), c = (\S+), largest difference from Newton's fit (\S+)");
            Assert.True(fits.Count == 5, "expected 5 fits\n" + run.Describe());
            foreach (Match fit in fits)
            {
                for (int p = 1; p <= 3; p++)
                {
                    double made = Number(truth.Groups[p].Value), found = Number(fit.Groups[p + 2].Value);
                    Assert.True(
                        Math.Abs(found - made) < 0.05 * made, $"{fit.Value}: parameter {p} is {found}, the data were made with {made}\n" + run.Describe());
                }
                double required = fit.Groups[2].Value == "generated" ? 1e-6 : 1e-4;
                Assert.True(Number(fit.Groups[6].Value) < required, $"{fit.Value}\n" + run.Describe());
            }

            // The table: a quasi-Newton method on generated gradients needs fewer calls than on finite differences.
            var calls = new Dictionary<string, int>();
            // Spectre.Console draws the rows with '│', or with '|' on a console it thinks cannot show it.
            char[] borders = { '│', '|' };
            foreach (string line in stdout.Split('\n').Where(line => line.Length > 0 && borders.Contains(line[0])))
            {
                string[] cells = line.Split(borders, StringSplitOptions.TrimEntries);
                if (int.TryParse(cells[5], out int count)) calls[$"{cells[1]}/{cells[2]}/{cells[3]}"] = count;
            }
            Assert.True(calls.Count == 15, "expected 15 table rows\n" + run.Describe());
            foreach (string key in calls.Keys.Where(key => key.EndsWith("/generated") && !key.Contains("/Newton/")))
            {
                string finiteDifferences = key.Replace("/generated", "/finite differences");
                Assert.True(
                    calls[key] < calls[finiteDifferences],
                    $"{key}: {calls[key]} calls, {calls[finiteDifferences]} on finite differences\n" + run.Describe());
            }

            AssertPngs(run, output, "convergence-rosenbrock-n10.png", "convergence-rosenbrock-n100.png", "convergence-decay-fit.png");
        }

        /// <summary>Every Greek from Call_Grad, Call_Hessian and the book's Value_Grad equals its closed form to 1e-9 relative.</summary>
        [Fact]
        public async Task OptionGreeks_sample_prints_greeks_equal_to_the_closed_forms()
        {
            CommandResult run = await RunSampleAsync("OptionGreeks", outputDirectory: null);
            string stdout = run.StandardOutput;

            AssertGradientChecksPassed(run, expected: 3);

            MatchCollection greeks = Regex.Matches(
                stdout, @"^  (\S.*?)\s{2,}(Call_Grad|Call_Hessian|Value_Grad)\s+(\S+)\s+(\S+)\s+\S+\s*$", RegexOptions.Multiline);
            Assert.True(greeks.Count == 20, $"expected 20 Greeks, found {greeks.Count}\n" + run.Describe());
            foreach (Match greek in greeks)
            {
                double generated = Number(greek.Groups[3].Value), closedForm = Number(greek.Groups[4].Value);
                Assert.True(
                    Math.Abs(generated - closedForm) <= 1e-9 * Math.Abs(closedForm),
                    $"{greek.Groups[1].Value}: {generated} from {greek.Groups[2].Value}, closed form {closedForm}\n" + run.Describe());
            }
            string[] names = greeks.Select(greek => greek.Groups[1].Value).ToArray();
            foreach (string name in new[] { "delta", "vega", "rho", "theta", "dC/dK", "gamma", "vanna", "book delta", "dV/dK[3]" })
            {
                Assert.True(names.Any(printed => printed.StartsWith(name, StringComparison.Ordinal)), $"no {name}\n" + run.Describe());
            }

            // Call_Hessian returns the price Call does, bit for bit.
            Match prices = Regex.Match(stdout, @"Call_Hessian's price (\S+) \(Call's (\S+)\)");
            Assert.True(prices.Success, run.Describe());
            Assert.Equal(prices.Groups[2].Value, prices.Groups[1].Value);
        }

        /// <summary>The gradient through the RK4 loop passes GradientCheck, BFGS's loss falls, the ball lands on the target.</summary>
        [Fact]
        public async Task Trajectory_sample_passes_its_gradient_checks_and_hits_the_target()
        {
            using var output = new TemporaryDirectory("sample-output");
            CommandResult run = await RunSampleAsync("Trajectory", output.Path);
            string stdout = run.StandardOutput;

            AssertGradientChecksPassed(run, expected: 3);

            // The launches printed while BFGS runs: each at most half the loss of the one before.
            MatchCollection progress = Regex.Matches(stdout, @"^ +\d+ +\S+ +\S+ +\S+ +\S+ +(\S+)\s*$", RegexOptions.Multiline);
            Assert.True(progress.Count >= 5, "expected the progress of BFGS\n" + run.Describe());
            double[] losses = progress.Select(line => Number(line.Groups[1].Value)).ToArray();
            for (int i = 1; i < losses.Length; i++)
            {
                Assert.True(losses[i] <= losses[i - 1] / 2, $"loss {losses[i - 1]} then {losses[i]}\n" + run.Describe());
            }
            Assert.True(losses[^1] < 1e-12 * losses[0], $"the loss went from {losses[0]} to {losses[^1]}\n" + run.Describe());

            Match target = Regex.Match(stdout, @"target: land (\S+) m away after (\S+) s\.");
            Match landing = Regex.Match(stdout, @"lands (\S+) m away after (\S+) s \(misses by");
            Assert.True(target.Success && landing.Success, run.Describe());
            Assert.True(Math.Abs(Number(landing.Groups[1].Value) - Number(target.Groups[1].Value)) < 1e-3, landing.Value);
            Assert.True(Math.Abs(Number(landing.Groups[2].Value) - Number(target.Groups[2].Value)) < 1e-4, landing.Value);

            Assert.Contains("Trace and Miss fly the same flight: yes", run.StandardOutput);
            AssertPngs(run, output, "trajectories.png");
        }

        // Runs samples/<name> as its README says, with --output when a folder is given, and requires exit code 0.
        private static async Task<CommandResult> RunSampleAsync(string name, string? outputDirectory)
        {
            using var artifacts = new TemporaryDirectory("sample");
            var arguments = new List<string> { "run", "--project", Path.Combine("samples", name), "--artifacts-path", artifacts.Path };
            if (outputDirectory is not null) arguments.AddRange(new[] { "--", "--output", outputDirectory });
            CommandResult run = await DotNet.RunAsync(RepositoryRoot.Find(), TimeSpan.FromMinutes(10), arguments.ToArray());
            Assert.True(run.Succeeded, run.Describe());
            return run;
        }

        // Every GradientCheck line printed passed, with its stated worst error below the default tolerance.
        private static void AssertGradientChecksPassed(CommandResult run, int expected)
        {
            MatchCollection checks = Regex.Matches(
                run.StandardOutput, @"check (passed|FAILED) \(\d+ components?\): worst .*, error (\S+) (<=|>) tolerance (\S+)");
            Assert.True(checks.Count == expected, $"expected {expected} gradient checks, found {checks.Count}\n" + run.Describe());
            foreach (Match check in checks)
            {
                Assert.Equal("passed", check.Groups[1].Value);
                Assert.True(Number(check.Groups[2].Value) < 1e-6, check.Value);
            }
        }

        private static void AssertPngs(CommandResult run, TemporaryDirectory output, params string[] names)
        {
            foreach (string name in names)
            {
                string path = output.Combine(name);
                Assert.True(File.Exists(path), $"{path} was not written\n" + run.Describe());
                Assert.Contains(path, run.StandardOutput);
                byte[] bytes = File.ReadAllBytes(path);
                Assert.True(bytes.Length > 10_000, $"{path} has only {bytes.Length} bytes");
                Assert.Equal(PngSignature, bytes.Take(PngSignature.Length).ToArray());
            }
        }

        private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
