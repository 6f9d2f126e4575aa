using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Fluxion.Package.Tests
{
    /// <summary>The little of Markdown the documentation tests need: links, headings, fenced blocks, as GitHub renders them.</summary>
    public static class Markdown
    {
        // [text](target) and [text](target "title"); the text may hold one level of brackets ([`a[i]`](x)).
        private static readonly Regex InlineLink = new Regex(@"\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?(?<target>[^)\s>]+)>?(?:\s+""[^""]*"")?\s*\)");
        private static readonly Regex ReferenceDefinition = new Regex(@"^ {0,3}\[[^\]]+\]:\s*<?(?<target>\S+?)>?(?:\s|$)", RegexOptions.Multiline);
        private static readonly Regex HtmlLink = new Regex(
            @"<(?:a|img|source)\b[^>]*?\b(?:href|src|srcset)\s*=\s*[""'](?<target>[^""']+)[""']", RegexOptions.IgnoreCase);
        private static readonly Regex Heading = new Regex(@"^ {0,3}#{1,6}\s+(?<text>.+?)\s*#*\s*$", RegexOptions.Multiline);
        private static readonly Regex InlineCode = new Regex(@"`+[^`]*`+");
        private static readonly Regex LinkInHeading = new Regex(@"\[(?<text>[^\]]*)\]\([^)]*\)");

        /// <summary>Every link and image target outside code: inline links, reference definitions and HTML attributes.</summary>
        public static IReadOnlyList<string> LinkTargets(string markdown)
        {
            string prose = InlineCode.Replace(WithoutFencedBlocks(markdown), "");
            return InlineLink.Matches(prose).Cast<Match>()
                .Concat(ReferenceDefinition.Matches(prose).Cast<Match>())
                .Concat(HtmlLink.Matches(prose).Cast<Match>())
                .Select(match => match.Groups["target"].Value)
                .ToList();
        }

        /// <summary>Whether a link target is a full address, which resolves wherever the text is shown.</summary>
        public static bool IsAbsolute(string target) =>
            target.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ||
            target.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ||
            target.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);

        /// <summary>The anchors GitHub gives the headings of a page, duplicates numbered as GitHub numbers them.</summary>
        public static ISet<string> HeadingAnchors(string markdown)
        {
            var anchors = new HashSet<string>(StringComparer.Ordinal);
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (Match heading in Heading.Matches(WithoutFencedBlocks(markdown)))
            {
                string slug = Slug(heading.Groups["text"].Value);
                seen[slug] = seen.TryGetValue(slug, out int count) ? count + 1 : 0;
                anchors.Add(seen[slug] == 0 ? slug : slug + "-" + seen[slug]);
            }
            return anchors;
        }

        /// <summary>
        /// GitHub's anchor for a heading: its text without link and code markup, lower case, with every character
        /// that is not a letter, digit, mark, connector (such as _), space or hyphen dropped and spaces made hyphens.
        /// </summary>
        public static string Slug(string headingText)
        {
            string text = LinkInHeading.Replace(headingText, match => match.Groups["text"].Value).Replace("`", "").ToLowerInvariant();
            var slug = new StringBuilder(text.Length);
            foreach (char c in text)
            {
                UnicodeCategory category = char.GetUnicodeCategory(c);
                if (c == ' ')
                {
                    slug.Append('-');
                }
                else if (c == '-' || char.IsLetterOrDigit(c) || category == UnicodeCategory.ConnectorPunctuation ||
                         category == UnicodeCategory.NonSpacingMark || category == UnicodeCategory.SpacingCombiningMark ||
                         category == UnicodeCategory.LetterNumber || category == UnicodeCategory.OtherNumber)
                {
                    slug.Append(c);
                }
            }
            return slug.ToString();
        }

        /// <summary>The contents of the first fenced code block after the line holding <paramref name="marker"/>.</summary>
        public static string FencedBlockAfter(string markdown, string marker)
        {
            string[] lines = Lines(markdown);
            int line = Array.FindIndex(lines, text => text.Contains(marker, StringComparison.Ordinal));
            if (line < 0) throw new InvalidOperationException($"No line contains '{marker}'.");
            int open = Array.FindIndex(lines, line + 1, text => text.TrimStart().StartsWith("```", StringComparison.Ordinal));
            if (open < 0) throw new InvalidOperationException($"No fenced block after '{marker}'.");
            int close = Array.FindIndex(lines, open + 1, text => text.TrimStart().StartsWith("```", StringComparison.Ordinal));
            if (close < 0) throw new InvalidOperationException($"The fenced block after '{marker}' is not closed.");
            return string.Join("\n", lines.Skip(open + 1).Take(close - open - 1)) + "\n";
        }

        /// <summary>The text with the lines of fenced code blocks (``` or ~~~) blanked, so nothing in code counts as a link or heading.</summary>
        private static string WithoutFencedBlocks(string markdown)
        {
            string[] lines = Lines(markdown);
            string? fence = null;
            for (int i = 0; i < lines.Length; i++)
            {
                string trimmed = lines[i].TrimStart();
                if (fence == null && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
                {
                    fence = trimmed.Substring(0, 3);
                    lines[i] = "";
                }
                else if (fence != null)
                {
                    if (trimmed.StartsWith(fence, StringComparison.Ordinal)) fence = null;
                    lines[i] = "";
                }
            }
            return string.Join("\n", lines);
        }

        private static string[] Lines(string markdown) => markdown.Replace("\r\n", "\n").Split('\n');
    }
}
