using System;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace Fluxion.Package.Tests
{
    /// <summary>The README's first command, as a new user runs it: the sample builds, agrees with backprop and learns XOR.</summary>
    public sealed class SampleTests
    {
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
    }
}
