using System;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace Fluxion.Package.Tests
{
    /// <summary>docs/getting-started.md's program, pasted into a new console project as the page says, prints what the page shows.</summary>
    [Collection(PackedFluxion.Collection)]
    public sealed class GettingStartedTests
    {
        // HTML comments on the page, invisible where it is rendered, mark the two blocks.
        private const string ProgramMarker = "<!-- quick-start program";
        private const string OutputMarker = "<!-- quick-start output";

        private readonly PackedFluxion _packed;

        public GettingStartedTests(PackedFluxion packed)
        {
            _packed = packed;
        }

        [Fact]
        public async Task Quick_start_program_prints_the_output_the_page_shows()
        {
            string page = File.ReadAllText(Path.Combine(_packed.RepositoryRoot, "docs", "getting-started.md"));
            string program = Markdown.FencedBlockAfter(page, ProgramMarker);
            string expected = Markdown.FencedBlockAfter(page, OutputMarker);

            // `dotnet new console` turns on implicit usings and nullable reference types; the page's program relies on the first.
            using var app = new ConsumerProject(_packed, "getting-started", implicitUsingsAndNullable: true, program);
            CommandResult run = await app.BuildAndRunAsync();

            // The app runs with the invariant culture (ConsumerProject), so its numbers print as on the page.
            string printed = run.StandardOutput.Replace("\r\n", "\n");
            Assert.True(printed == expected,
                "The quick start's output differs from the page's." + Environment.NewLine +
                "--- page ---" + Environment.NewLine + expected + "--- printed ---" + Environment.NewLine + printed);
        }
    }
}
