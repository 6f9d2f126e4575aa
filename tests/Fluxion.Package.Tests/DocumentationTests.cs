using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Fluxion.Package.Tests
{
    /// <summary>
    /// The repository's Markdown pages: links into the repository lead to files and headings that exist, and the
    /// diagnostics index lists every diagnostic's page. (That every descriptor has a page and a help link to it is
    /// checked by the generator tests, which can see the descriptors.)
    /// </summary>
    public sealed class DocumentationTests
    {
        // Absolute links into this repository, as the packed README must write them, are checked like relative ones.
        private const string RepositoryBlobAddress = "https://github.com/fluxion-ad/fluxion/blob/main/";
        private const string RepositoryTreeAddress = "https://github.com/fluxion-ad/fluxion/tree/main/";

        private static readonly string[] SkippedFolders = { ".git", "bin", "obj", "TestResults", "BenchmarkDotNet.Artifacts", "output", "node_modules" };

        private readonly string _root = RepositoryRoot.Find();

        [Fact]
        public void Links_into_the_repository_lead_to_existing_files_and_headings()
        {
            var broken = new List<string>();
            int checkedLinks = 0;
            foreach (string page in MarkdownPages())
            {
                string text = File.ReadAllText(page);
                foreach (string target in Markdown.LinkTargets(text))
                {
                    string? problem = Check(page, text, target, ref checkedLinks);
                    if (problem != null)
                    {
                        broken.Add($"{Path.GetRelativePath(_root, page)}: ({target}) {problem}");
                    }
                }
            }

            Assert.True(checkedLinks > 50, $"Only {checkedLinks} links into the repository were found; is the page search broken?");
            Assert.True(broken.Count == 0, "Broken links:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", broken));
        }

        [Fact]
        public void Diagnostics_index_links_every_diagnostic_page_and_no_other()
        {
            string folder = Path.Combine(_root, "docs", "diagnostics");
            var pages = Directory.GetFiles(folder, "FLX*.md").Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal);
            string index = File.ReadAllText(Path.Combine(folder, "README.md"));
            var indexed = Markdown.LinkTargets(index)
                .Where(target => Regex.IsMatch(target, @"^FLX\d{4}\.md$"))
                .ToHashSet(StringComparer.Ordinal);

            Assert.NotEmpty(pages);
            Assert.True(pages.SetEquals(indexed),
                $"Pages not in the index: [{string.Join(", ", pages.Except(indexed))}]; indexed without a page: [{string.Join(", ", indexed.Except(pages))}]");
            foreach (string page in pages)
            {
                string id = Path.GetFileNameWithoutExtension(page);
                Assert.True(index.Contains($"| {id} |", StringComparison.Ordinal), $"The index has no table row for {id}.");
                string firstLine = File.ReadLines(Path.Combine(folder, page)).First();
                Assert.True(firstLine.StartsWith($"# {id}: ", StringComparison.Ordinal), $"{page} starts with '{firstLine}', not '# {id}: <title>'.");
            }
        }

        [Theory]
        [InlineData("Which .NET versions does Fluxion work with?", "which-net-versions-does-fluxion-work-with")]
        [InlineData("Vector-valued methods: `F_Jacobian`, `F_Jvp`, `F_Vjp`", "vector-valued-methods-f_jacobian-f_jvp-f_vjp")]
        [InlineData("System.Math functions", "systemmath-functions")]
        [InlineData("The AVX/SSE transition penalty", "the-avxsse-transition-penalty")]
        public void Heading_anchors_are_spelled_as_github_spells_them(string heading, string anchor)
        {
            Assert.Equal(anchor, Markdown.Slug(heading));
        }

        // Null when the link is fine or leads outside the repository; otherwise what is wrong with it.
        private string? Check(string page, string pageText, string target, ref int checkedLinks)
        {
            string path;
            if (target.StartsWith(RepositoryBlobAddress, StringComparison.Ordinal))
            {
                path = Path.Combine(_root, target.Substring(RepositoryBlobAddress.Length));
            }
            else if (target.StartsWith(RepositoryTreeAddress, StringComparison.Ordinal))
            {
                path = Path.Combine(_root, target.Substring(RepositoryTreeAddress.Length));
            }
            else if (Markdown.IsAbsolute(target) || target.Contains("://", StringComparison.Ordinal))
            {
                return null;
            }
            else if (target.StartsWith("#", StringComparison.Ordinal))
            {
                checkedLinks++;
                return Markdown.HeadingAnchors(pageText).Contains(target.Substring(1)) ? null : "no such heading on this page";
            }
            else
            {
                path = Path.Combine(Path.GetDirectoryName(page)!, target);
            }

            checkedLinks++;
            string anchor = "";
            int hash = path.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                anchor = path.Substring(hash + 1);
                path = path.Substring(0, hash);
            }
            path = Uri.UnescapeDataString(path);

            if (!File.Exists(path) && !Directory.Exists(path)) return "no such file";
            if (anchor.Length == 0) return null;
            if (!path.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) return "an anchor into a file that is not Markdown";
            return Markdown.HeadingAnchors(File.ReadAllText(path)).Contains(anchor) ? null : "no such heading in that file";
        }

        private IEnumerable<string> MarkdownPages()
        {
            var folders = new Stack<string>();
            folders.Push(_root);
            while (folders.Count > 0)
            {
                string folder = folders.Pop();
                foreach (string file in Directory.GetFiles(folder, "*.md"))
                {
                    yield return file;
                }
                foreach (string child in Directory.GetDirectories(folder))
                {
                    if (!SkippedFolders.Contains(Path.GetFileName(child), StringComparer.OrdinalIgnoreCase))
                    {
                        folders.Push(child);
                    }
                }
            }
        }
    }
}
