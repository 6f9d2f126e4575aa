using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Threading.Tasks;
using System.Xml.Linq;
using Xunit;

namespace Fluxion.Package.Tests
{
    /// <summary>
    /// A console project in a temporary folder that references the packed Fluxion package and nothing of the
    /// repository, the way a user's project does.
    /// </summary>
    public sealed class ConsumerProject : IDisposable
    {
        private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);
        private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

        private readonly PackedFluxion _packed;
        private readonly TemporaryDirectory _folder;

        /// <param name="packed">The package under test.</param>
        /// <param name="purpose">A word for the temporary folder's name.</param>
        /// <param name="implicitUsingsAndNullable">
        /// Whether the project turns on implicit usings and nullable reference types, as <c>dotnet new console</c> does.
        /// </param>
        /// <param name="program">The whole of Program.cs.</param>
        public ConsumerProject(PackedFluxion packed, string purpose, bool implicitUsingsAndNullable, string program)
        {
            _packed = packed;
            _folder = new TemporaryDirectory(purpose);
            Write(implicitUsingsAndNullable, program);
        }

        private string PackagesDirectory => _folder.Combine("packages");

        public string Path => _folder.Path;

        /// <summary>Builds the project in Release (warnings are errors), checks that it restored the package just packed, and runs it.</summary>
        /// <returns>The finished run; the calling test checks its output.</returns>
        public async Task<CommandResult> BuildAndRunAsync()
        {
            CommandResult build = await BuildAsync();
            Assert.True(build.Succeeded, "Building the console app against the package failed:" + Environment.NewLine + build.Describe());

            // The restore must have taken the package just packed, not a copy cached from elsewhere.
            string id = PackedFluxion.PackageId.ToLowerInvariant();
            string version = _packed.PackageVersion;
            string restored = System.IO.Path.Combine(PackagesDirectory, id, version);
            string restoredHashFile = System.IO.Path.Combine(restored, $"{id}.{version}.nupkg.sha512");
            Assert.True(File.Exists(restoredHashFile),
                $"Fluxion {version} was not restored into {PackagesDirectory}." + Environment.NewLine + build.Describe());
            string packedHash = Convert.ToBase64String(SHA512.HashData(File.ReadAllBytes(_packed.PackagePath)));
            Assert.True(File.ReadAllText(restoredHashFile).Trim() == packedHash,
                $"The restored Fluxion package in {restored} is not the one packed at {_packed.PackagePath}.");

            string assembly = _folder.Combine("bin", "Release", "net10.0", "Consumer.dll");
            Assert.True(File.Exists(assembly), $"No {assembly} after the build." + Environment.NewLine + build.Describe());
            // Invariant globalization: numbers print alike whatever the machine's culture, as tests compare them as text.
            var invariant = new Dictionary<string, string> { ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1" };
            CommandResult run = await DotNet.RunAsync(Path, RunTimeout, invariant, assembly);
            Assert.True(run.Succeeded, "Running the console app failed:" + Environment.NewLine + run.Describe());
            return run;
        }

        /// <summary>Builds the project in Release (warnings are errors); the calling test judges the result.</summary>
        public Task<CommandResult> BuildAsync() =>
            DotNet.RunAsync(Path, BuildTimeout, "build", "Consumer.csproj", "--configuration", "Release", "--disable-build-servers", "-nodeReuse:false");

        /// <summary>Adds or replaces a file of the project (an <c>.editorconfig</c>, another source file).</summary>
        public void WriteFile(string name, string text) => File.WriteAllText(_folder.Combine(name), text);

        public void Dispose() => _folder.Dispose();

        private void Write(bool implicitUsingsAndNullable, string program)
        {
            // Empty Directory.Build.* and Directory.Packages.props files end MSBuild's search for them
            // here, so nothing above the temporary folder can change the build.
            const string emptyProject = "<Project />\n";
            File.WriteAllText(_folder.Combine("Directory.Build.props"), emptyProject);
            File.WriteAllText(_folder.Combine("Directory.Build.targets"), emptyProject);
            File.WriteAllText(_folder.Combine("Directory.Packages.props"), emptyProject);

            // The package folder is an extra source: every other package still comes from the
            // machine's configured feeds. A private packages folder means Fluxion is restored from
            // that source and nowhere else.
            File.WriteAllText(_folder.Combine("NuGet.config"), new XDocument(
                new XElement("configuration",
                    new XElement("packageSources",
                        new XElement("add", new XAttribute("key", "fluxion-under-test"), new XAttribute("value", _packed.FeedDirectory))),
                    new XElement("config",
                        new XElement("add", new XAttribute("key", "globalPackagesFolder"), new XAttribute("value", PackagesDirectory))))).ToString());

            string switches = implicitUsingsAndNullable ? "enable" : "disable";
            File.WriteAllText(_folder.Combine("Consumer.csproj"), new XDocument(
                new XElement("Project", new XAttribute("Sdk", "Microsoft.NET.Sdk"),
                    new XElement("PropertyGroup",
                        new XElement("OutputType", "Exe"),
                        new XElement("TargetFramework", "net10.0"),
                        new XElement("Nullable", switches),
                        new XElement("ImplicitUsings", switches),
                        new XElement("TreatWarningsAsErrors", "true"),
                        new XElement("RestorePackagesPath", PackagesDirectory)),
                    new XElement("ItemGroup",
                        new XElement("PackageReference",
                            new XAttribute("Include", PackedFluxion.PackageId),
                            new XAttribute("Version", _packed.PackageVersion))))).ToString());

            File.WriteAllText(_folder.Combine("Program.cs"), program);
        }
    }
}
