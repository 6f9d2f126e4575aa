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
    }
}
