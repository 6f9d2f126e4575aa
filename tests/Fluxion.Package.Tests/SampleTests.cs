using System;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace Fluxion.Package.Tests
{
    /// <summary>The samples, run the way their READMEs say: each builds, checks its gradient and learns its task.</summary>
    public sealed class SampleTests
    {
        /// <summary>The README's first command, as a new user runs it: the sample builds, agrees with backprop and learns XOR.</summary>
        [Fact]
        public async Task NeuralNetwork_sample_matches_backprop_and_learns_xor()
        {
            string root = RepositoryRoot.Find();
            using var artifacts = new TemporaryDirectory("sample");
            CommandResult run = await DotNet.RunAsync(
                root,
                TimeSpan.FromMinutes(10),
                "run", "--project", Path.Combine("samples", "NeuralNetwork"), "--artifacts-path", artifacts.Path);

            Assert.True(run.Succeeded, run.Describe());
            Match largest = Regex.Match(run.StandardOutput, @"largest \|difference\| over the nine partials: (\S+)");
            Assert.True(largest.Success, run.Describe());
            double difference = double.Parse(largest.Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.True(difference < 1e-12, $"generated and hand-derived gradients differ by {difference}\n" + run.Describe());
            Assert.Contains("4 of 4 correct", run.StandardOutput);
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
