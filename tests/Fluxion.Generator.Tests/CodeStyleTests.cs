using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;

namespace Fluxion.Generator.Tests
{
    /// <summary>The habits .editorconfig states, checked for the generator and the runtime: short lines, files of a readable size.</summary>
    public class CodeStyleTests
    {
        private const int MaximumLineLength = 160;
        private const int MaximumFileLines = 600;

        [Fact]
        public void SourceLinesAreAtMost160Characters()
        {
            var tooLong = SourceFiles()
                .SelectMany(path => File.ReadAllLines(path).Select((line, i) => (path, line: i + 1, length: line.Length)))
                .Where(l => l.length > MaximumLineLength)
                .Select(l => Path.GetFileName(l.path) + ":" + l.line + " (" + l.length + ")")
                .ToList();
            Assert.True(tooLong.Count == 0, "Lines over " + MaximumLineLength + " characters: " + string.Join(", ", tooLong));
        }

        [Fact]
        public void SourceFilesAreAtMost600Lines()
        {
            var tooLong = SourceFiles()
                .Select(path => (path, lines: File.ReadAllLines(path).Length))
                .Where(f => f.lines > MaximumFileLines)
                .Select(f => Path.GetFileName(f.path) + " (" + f.lines + ")")
                .ToList();
            Assert.True(tooLong.Count == 0, "Files over " + MaximumFileLines + " lines: " + string.Join(", ", tooLong));
        }

        private static string[] SourceFiles([CallerFilePath] string path = "")
        {
            string src = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "src"));
            string[] files = Directory.GetFiles(src, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar)
                    && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
                .ToArray();
            Assert.NotEmpty(files);
            return files;
        }
    }
}
