using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Fluxion.Package.Tests
{
    /// <summary>
    /// Packs src/Fluxion once for the test classes of its collection, into a fresh temporary folder that then
    /// serves as a local package source.
    /// </summary>
    public sealed class PackedFluxion : IAsyncLifetime
    {
        public const string PackageId = "Fluxion";

        /// <summary>The test collection that shares one pack; its classes run one after another.</summary>
        public const string Collection = "Packed Fluxion";

        private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(10);

        private readonly TemporaryDirectory _temporary = new TemporaryDirectory("pack");
        private CommandResult? _pack;

        public string RepositoryRoot { get; } = Tests.RepositoryRoot.Find();

        /// <summary>The folder holding the produced .nupkg, used as a local package source.</summary>
        public string FeedDirectory => _temporary.Combine("feed");

        public CommandResult Pack => _pack ?? throw new InvalidOperationException("The pack has not run.");

        /// <summary>The produced package; fails the calling test, with the pack's output, if there is none.</summary>
        public string PackagePath
        {
            get
            {
                Assert.True(Pack.Succeeded, "dotnet pack failed:" + Environment.NewLine + Pack.Describe());
                string[] packages = Directory.GetFiles(FeedDirectory, PackageId + ".*.nupkg")
                    .Where(path => !path.EndsWith(".symbols.nupkg", StringComparison.OrdinalIgnoreCase))
                    .ToArray();
                Assert.True(packages.Length == 1,
                    $"Expected one {PackageId} package in {FeedDirectory}, found: [{string.Join(", ", packages.Select(Path.GetFileName))}]" +
                    Environment.NewLine + Pack.Describe());
                return packages[0];
            }
        }

        /// <summary>The package version, read from the produced file name (Fluxion.{version}.nupkg).</summary>
        public string PackageVersion
        {
            get
            {
                string name = Path.GetFileNameWithoutExtension(PackagePath);
                return name.Substring(PackageId.Length + 1);
            }
        }

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(FeedDirectory);
            // The build output goes to the temporary folder too (--artifacts-path), as in a clean
            // clone: nothing from an earlier build of the repository can end up in the package, and
            // the repository's own bin/ and obj/ folders are left alone for concurrent builds.
            _pack = await DotNet.RunAsync(
                RepositoryRoot,
                PackTimeout,
                "pack", Path.Combine("src", "Fluxion"),
                "--configuration", "Release",
                "--output", FeedDirectory,
                "--artifacts-path", _temporary.Combine("artifacts"),
                "--disable-build-servers",
                "-nodeReuse:false").ConfigureAwait(false);
        }

        public Task DisposeAsync()
        {
            _temporary.Dispose();
            return Task.CompletedTask;
        }
    }

    /// <summary>Packs once for every test class that consumes the package.</summary>
    [CollectionDefinition(PackedFluxion.Collection)]
    public sealed class PackedFluxionCollection : ICollectionFixture<PackedFluxion>
    {
    }
}
