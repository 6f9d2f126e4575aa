using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using Xunit;

namespace Fluxion.Package.Tests
{
    /// <summary>The Fluxion package as a user gets it: its contents, and a program built against it alone.</summary>
    [Collection(PackedFluxion.Collection)]
    public sealed class PackageTests
    {
        private readonly PackedFluxion _packed;

        public PackageTests(PackedFluxion packed)
        {
            _packed = packed;
        }

        [Fact]
        public void Package_carries_the_attribute_library_the_generator_and_the_readme()
        {
            using ZipArchive package = ZipFile.OpenRead(_packed.PackagePath);
            string listing = Listing(package);
            List<string> entries = Entries(package);

            Assert.True(entries.Contains("lib/netstandard2.0/Fluxion.dll"), listing);
            Assert.True(entries.Contains("analyzers/dotnet/cs/Fluxion.Generator.dll"), listing);
            // The code fixes beside it: the IDE loads them; the compiler finds no analyzer in them (a consumer build treats warnings as errors).
            Assert.True(entries.Contains("analyzers/dotnet/cs/Fluxion.CodeFixes.dll"), listing);
            Assert.True(entries.Contains("README.md"), listing);
            // The generator is a compiler plug-in, never a library the user's code references.
            Assert.False(
                entries.Any(name => name.StartsWith("lib/", StringComparison.Ordinal) && name.EndsWith("Fluxion.Generator.dll", StringComparison.Ordinal)),
                listing);

            string readme = ReadEntry(package, "README.md");
            string repositoryReadme = File.ReadAllText(Path.Combine(_packed.RepositoryRoot, "README.md"));
            Assert.True(readme == repositoryReadme, "The packed README.md differs from the repository's README.md." + Environment.NewLine + listing);

            Nuspec nuspec = ReadNuspec(package);
            Assert.True(nuspec.Metadata("id") == PackedFluxion.PackageId, nuspec.Message);
            Assert.True(nuspec.Metadata("version") == _packed.PackageVersion, $"File name says version {_packed.PackageVersion}. " + nuspec.Message);
            Assert.True(nuspec.Metadata("readme") == "README.md", nuspec.Message);

            List<string> dependencies = nuspec.Document.Descendants()
                .Where(element => element.Name.LocalName == "dependency")
                .Select(element => (string?)element.Attribute("id") ?? "")
                .ToList();
            Assert.False(dependencies.Any(id => id.Equals("Fluxion.Generator", StringComparison.OrdinalIgnoreCase)),
                "The package must carry the generator, not depend on a Fluxion.Generator package. " + nuspec.Message);
        }

        [Fact]
        public void Package_carries_a_license_an_icon_and_links_to_the_repository_and_the_changelog()
        {
            using ZipArchive package = ZipFile.OpenRead(_packed.PackagePath);
            string listing = Listing(package);
            Nuspec nuspec = ReadNuspec(package);

            // A license expression or a license file, and the MIT text with its copyright line either way.
            XElement? license = nuspec.Element("license");
            Assert.True(license != null, "The nuspec names no license. " + nuspec.Message);
            string licenseType = (string?)license!.Attribute("type") ?? "";
            Assert.True(licenseType == "expression" ? license.Value == "MIT" : licenseType == "file" && Entries(package).Contains(license.Value),
                "The license is neither the MIT expression nor a packed file. " + nuspec.Message + Environment.NewLine + listing);
            Assert.True(Entries(package).Contains("LICENSE"), listing);
            string licenseText = ReadEntry(package, "LICENSE");
            Assert.Contains("MIT License", licenseText);
            Assert.Contains("Copyright (c)", licenseText);
            Assert.Contains("Fluxion contributors", licenseText);

            string icon = nuspec.Metadata("icon");
            Assert.True(icon.Length > 0 && Entries(package).Contains(icon),
                $"The icon '{icon}' is not in the package. " + nuspec.Message + Environment.NewLine + listing);
            (int width, int height) = PngSize(ReadBytes(package, icon));
            Assert.True(width == 128 && height == 128, $"The icon is {width}x{height}, not 128x128.");

            string projectUrl = nuspec.Metadata("projectUrl");
            Assert.True(projectUrl.StartsWith("https://", StringComparison.Ordinal), nuspec.Message);
            XElement? repository = nuspec.Element("repository");
            Assert.True(repository != null, "The nuspec has no repository. " + nuspec.Message);
            Assert.Equal("git", (string?)repository!.Attribute("type"));
            Assert.StartsWith("https://", (string?)repository.Attribute("url") ?? "");

            string releaseNotes = nuspec.Metadata("releaseNotes");
            Assert.True(releaseNotes.Contains(projectUrl + "/blob/main/CHANGELOG.md", StringComparison.Ordinal),
                "The release notes do not point at the changelog. " + nuspec.Message);
            Assert.True(File.Exists(Path.Combine(_packed.RepositoryRoot, "CHANGELOG.md")), "The release notes point at a CHANGELOG.md the repository lacks.");
        }

        [Fact]
        public void Pack_produces_a_symbol_package_beside_the_package()
        {
            string symbols = Path.ChangeExtension(_packed.PackagePath, ".snupkg");
            Assert.True(File.Exists(symbols), $"No {Path.GetFileName(symbols)} in {_packed.FeedDirectory}." + Environment.NewLine + _packed.Pack.Describe());
            using ZipArchive package = ZipFile.OpenRead(symbols);
            Assert.True(Entries(package).Contains("lib/netstandard2.0/Fluxion.pdb"), Listing(package));
        }

        [Fact]
        public void Every_link_in_the_packed_readme_is_absolute()
        {
            // A package gallery shows the README away from the repository, where a relative link leads nowhere.
            using ZipArchive package = ZipFile.OpenRead(_packed.PackagePath);
            IReadOnlyList<string> targets = Markdown.LinkTargets(ReadEntry(package, "README.md"));
            Assert.NotEmpty(targets);
            List<string> relative = targets.Where(target => !Markdown.IsAbsolute(target)).ToList();
            Assert.True(relative.Count == 0,
                "Relative links in the packed README.md:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", relative));
        }

        [Fact]
        public async Task Console_app_referencing_only_the_package_gets_the_generated_gradient()
        {
            using var app = new ConsumerProject(_packed, "consumer", implicitUsingsAndNullable: false, ConsumerProgram);
            CommandResult run = await app.BuildAndRunAsync();

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

        private const string ConsumerProgram = """
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

            """;

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

        private static List<string> Entries(ZipArchive package) =>
            package.Entries.Select(entry => entry.FullName).OrderBy(name => name, StringComparer.Ordinal).ToList();

        private static string Listing(ZipArchive package) =>
            $"The package contains:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", Entries(package));

        private static string ReadEntry(ZipArchive package, string name)
        {
            using var reader = new StreamReader(package.GetEntry(name)!.Open());
            return reader.ReadToEnd();
        }

        private static byte[] ReadBytes(ZipArchive package, string name)
        {
            using Stream entry = package.GetEntry(name)!.Open();
            using var bytes = new MemoryStream();
            entry.CopyTo(bytes);
            return bytes.ToArray();
        }

        // A PNG starts with its 8-byte signature and the IHDR chunk: length, type, then width and height, big-endian.
        private static (int Width, int Height) PngSize(byte[] png)
        {
            byte[] signature = { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A };
            Assert.True(png.Length >= 24 && png.Take(8).SequenceEqual(signature), "The icon is not a PNG.");
            Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
            return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        }

        private static Nuspec ReadNuspec(ZipArchive package)
        {
            string name = PackedFluxion.PackageId + ".nuspec";
            Assert.True(package.GetEntry(name) != null, $"No {name} at the package root." + Environment.NewLine + Listing(package));
            return new Nuspec(ReadEntry(package, name));
        }

        /// <summary>The package's manifest, read by element name whatever its namespace.</summary>
        private sealed class Nuspec
        {
            private readonly XElement _metadata;

            public Nuspec(string text)
            {
                Message = "Fluxion.nuspec:" + Environment.NewLine + text;
                Document = XDocument.Parse(text);
                _metadata = Document.Root!.Elements().Single(element => element.Name.LocalName == "metadata");
            }

            public XDocument Document { get; }

            /// <summary>The whole manifest, for assertion messages.</summary>
            public string Message { get; }

            public XElement? Element(string name) => _metadata.Elements().SingleOrDefault(element => element.Name.LocalName == name);

            public string Metadata(string name) => Element(name)?.Value ?? "";
        }
    }
}
