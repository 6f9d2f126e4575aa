using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using System.Xml.Linq;
using Xunit;

namespace Fluxion.Package.Tests
{
    /// <summary>The Fluxion package as a user gets it: its contents, and a program built against it alone.</summary>
    public sealed class PackageTests : IClassFixture<PackedFluxion>
    {
        private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);
        private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

        private readonly PackedFluxion _packed;

        public PackageTests(PackedFluxion packed)
        {
            _packed = packed;
        }

        [Fact]
        public void Package_carries_the_attribute_library_the_generator_and_the_readme()
        {
            using ZipArchive package = ZipFile.OpenRead(_packed.PackagePath);
            List<string> entries = package.Entries.Select(entry => entry.FullName).OrderBy(name => name, StringComparer.Ordinal).ToList();
            string listing = $"Package {Path.GetFileName(_packed.PackagePath)} contains:{Environment.NewLine}  " +
                string.Join(Environment.NewLine + "  ", entries);

            Assert.True(entries.Contains("lib/netstandard2.0/Fluxion.dll"), listing);
            Assert.True(entries.Contains("analyzers/dotnet/cs/Fluxion.Generator.dll"), listing);
            Assert.True(entries.Contains("README.md"), listing);
            // The generator is a compiler plug-in, never a library the user's code references.
            Assert.False(entries.Any(name => name.StartsWith("lib/", StringComparison.Ordinal) && name.EndsWith("Fluxion.Generator.dll", StringComparison.Ordinal)), listing);

            string readme = ReadEntry(package, "README.md");
            string repositoryReadme = File.ReadAllText(Path.Combine(_packed.RepositoryRoot, "README.md"));
            Assert.True(readme == repositoryReadme, "The packed README.md differs from the repository's README.md." + Environment.NewLine + listing);

            ZipArchiveEntry? nuspecEntry = package.Entries.SingleOrDefault(entry => entry.FullName == PackedFluxion.PackageId + ".nuspec");
            Assert.True(nuspecEntry != null, "No Fluxion.nuspec at the package root." + Environment.NewLine + listing);
            string nuspecText = ReadEntry(package, nuspecEntry!.FullName);
            XDocument nuspec = XDocument.Parse(nuspecText);
            XElement metadata = nuspec.Root!.Elements().Single(element => element.Name.LocalName == "metadata");
            string Metadata(string name) => metadata.Elements().SingleOrDefault(element => element.Name.LocalName == name)?.Value ?? "";

            string nuspecMessage = "Fluxion.nuspec:" + Environment.NewLine + nuspecText;
            Assert.True(Metadata("id") == PackedFluxion.PackageId, nuspecMessage);
            Assert.True(Metadata("version") == _packed.PackageVersion, $"File name says version {_packed.PackageVersion}. " + nuspecMessage);
            Assert.True(Metadata("readme") == "README.md", nuspecMessage);

            List<string> dependencies = nuspec.Descendants()
                .Where(element => element.Name.LocalName == "dependency")
                .Select(element => (string?)element.Attribute("id") ?? "")
                .ToList();
            Assert.False(dependencies.Any(id => id.Equals("Fluxion.Generator", StringComparison.OrdinalIgnoreCase)),
                "The package must carry the generator, not depend on a Fluxion.Generator package. " + nuspecMessage);
        }

        [Fact]
        public async Task Console_app_referencing_only_the_package_gets_the_generated_gradient()
        {
            using var app = new TemporaryDirectory("consumer");
            string packagesDirectory = app.Combine("packages");
            WriteConsumer(app, _packed.FeedDirectory, packagesDirectory, _packed.PackageVersion);

            CommandResult build = await DotNet.RunAsync(
                app.Path, BuildTimeout,
                "build", "Consumer.csproj",
                "--configuration", "Release",
                "--disable-build-servers",
                "-nodeReuse:false");
            Assert.True(build.Succeeded, "Building the console app against the package failed:" + Environment.NewLine + build.Describe());

            // The restore must have taken the package just packed, not a copy cached from elsewhere.
            string restored = Path.Combine(packagesDirectory, PackedFluxion.PackageId.ToLowerInvariant(), _packed.PackageVersion);
            string restoredHashFile = Path.Combine(restored, $"{PackedFluxion.PackageId.ToLowerInvariant()}.{_packed.PackageVersion}.nupkg.sha512");
            Assert.True(File.Exists(restoredHashFile), $"Fluxion {_packed.PackageVersion} was not restored into {packagesDirectory}." + Environment.NewLine + build.Describe());
            string packedHash = Convert.ToBase64String(SHA512.HashData(File.ReadAllBytes(_packed.PackagePath)));
            Assert.True(File.ReadAllText(restoredHashFile).Trim() == packedHash,
                $"The restored Fluxion package in {restored} is not the one packed at {_packed.PackagePath}.");

            string assembly = app.Combine("bin", "Release", "net10.0", "Consumer.dll");
            Assert.True(File.Exists(assembly), $"No {assembly} after the build." + Environment.NewLine + build.Describe());
            CommandResult run = await DotNet.RunAsync(app.Path, RunTimeout, assembly);
            Assert.True(run.Succeeded, "Running the console app failed:" + Environment.NewLine + run.Describe());

            Dictionary<string, double> printed = ParseOutput(run);
            const double x = 0.5, y = 2.0;
            double onePlusXSquared = 1.0 + x * x;
            var expected = new Dictionary<string, double>
            {
                ["value"] = x * Math.Sin(y) / onePlusXSquared,
                ["dx"] = Math.Sin(y) * (1.0 - x * x) / (onePlusXSquared * onePlusXSquared),
                ["dy"] = x * Math.Cos(y) / onePlusXSquared,
            };
            foreach ((string name, double want) in expected)
            {
                Assert.True(printed.ContainsKey(name), $"The app printed no '{name}='." + Environment.NewLine + run.Describe());
                double got = printed[name];
                Assert.True(Math.Abs(got - want) <= 1e-12,
                    $"{name}: printed {got:R}, closed form {want:R}, difference {Math.Abs(got - want):E3}." + Environment.NewLine + run.Describe());
            }
        }

        private static void WriteConsumer(TemporaryDirectory app, string feedDirectory, string packagesDirectory, string version)
        {
            // Empty Directory.Build.* and Directory.Packages.props files end MSBuild's search for them
            // here, so nothing above the temporary folder can change the build.
            const string emptyProject = "<Project />\n";
            File.WriteAllText(app.Combine("Directory.Build.props"), emptyProject);
            File.WriteAllText(app.Combine("Directory.Build.targets"), emptyProject);
            File.WriteAllText(app.Combine("Directory.Packages.props"), emptyProject);

            // The package folder is an extra source: every other package still comes from the
            // machine's configured feeds. A private packages folder means Fluxion is restored from
            // that source and nowhere else.
            File.WriteAllText(app.Combine("NuGet.config"), new XDocument(
                new XElement("configuration",
                    new XElement("packageSources",
                        new XElement("add", new XAttribute("key", "fluxion-under-test"), new XAttribute("value", feedDirectory))),
                    new XElement("config",
                        new XElement("add", new XAttribute("key", "globalPackagesFolder"), new XAttribute("value", packagesDirectory))))).ToString());

            File.WriteAllText(app.Combine("Consumer.csproj"), new XDocument(
                new XElement("Project", new XAttribute("Sdk", "Microsoft.NET.Sdk"),
                    new XElement("PropertyGroup",
                        new XElement("OutputType", "Exe"),
                        new XElement("TargetFramework", "net10.0"),
                        new XElement("Nullable", "enable"),
                        new XElement("ImplicitUsings", "disable"),
                        new XElement("TreatWarningsAsErrors", "true"),
                        new XElement("RestorePackagesPath", packagesDirectory)),
                    new XElement("ItemGroup",
                        new XElement("PackageReference", new XAttribute("Include", PackedFluxion.PackageId), new XAttribute("Version", version))))).ToString());

            File.WriteAllText(app.Combine("Program.cs"), """
                using System;
                using System.Globalization;
                using Fluxion;

                namespace Consumer
                {
                    public static partial class Model
                    {
                        [Differentiable]
                        public static double F(double x, double y) => x * Math.Sin(y) / (1.0 + x * x);
                    }

                    public static class Program
                    {
                        public static void Main()
                        {
                            double value = Model.F_Grad(0.5, 2.0, out var dx, out var dy);
                            Console.WriteLine("value=" + value.ToString("R", CultureInfo.InvariantCulture));
                            Console.WriteLine("dx=" + dx.ToString("R", CultureInfo.InvariantCulture));
                            Console.WriteLine("dy=" + dy.ToString("R", CultureInfo.InvariantCulture));
                        }
                    }
                }

                """);
        }

        private static Dictionary<string, double> ParseOutput(CommandResult run)
        {
            var values = new Dictionary<string, double>();
            foreach (string line in run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                int equals = line.IndexOf('=');
                if (equals > 0 &&
                    double.TryParse(line.Substring(equals + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                {
                    values[line.Substring(0, equals)] = value;
                }
            }
            return values;
        }

        private static string ReadEntry(ZipArchive package, string name)
        {
            using var reader = new StreamReader(package.GetEntry(name)!.Open());
            return reader.ReadToEnd();
        }
    }
}
