using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit.Sdk;

namespace Fluxion.Generator.Tests
{
    /// <summary>
    /// Snapshot checks in the Verify style: <c>Snapshots/Name.verified.cs</c> is committed beside the tests.
    /// On a mismatch the test writes <c>Name.received.cs</c> next to it and fails with a line diff.
    /// To accept every received snapshot: <c>FLUXION_ACCEPT=1 dotnet test</c> (or rename the
    /// <c>.received.cs</c> files to <c>.verified.cs</c>).
    /// </summary>
    internal static class Snapshot
    {
        public static void Verify(string name, string actual, [CallerFilePath] string callerPath = "")
        {
            string directory = Path.Combine(Path.GetDirectoryName(callerPath)!, "Snapshots");
            string verifiedPath = Path.Combine(directory, name + ".verified.cs");
            string receivedPath = Path.Combine(directory, name + ".received.cs");
            actual = Normalize(actual);
            string? expected = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;
            if (expected == actual)
            {
                File.Delete(receivedPath);
                return;
            }

            Directory.CreateDirectory(directory);
            if (Environment.GetEnvironmentVariable("FLUXION_ACCEPT") == "1")
            {
                File.WriteAllText(verifiedPath, actual);
                File.Delete(receivedPath);
                return;
            }

            File.WriteAllText(receivedPath, actual);
            throw new XunitException(expected is null
                ? $"No snapshot {verifiedPath} yet; wrote {receivedPath}. Review it and accept it (FLUXION_ACCEPT=1 dotnet test)."
                : $"Snapshot {name} differs (- verified, + received); wrote {receivedPath}:\n" + Diff(expected, actual));
        }

        private static string Diff(string expected, string actual)
        {
            var builder = new StringBuilder();
            DiffPaneModel diff = InlineDiffBuilder.Diff(expected, actual);
            foreach (DiffPiece line in diff.Lines)
            {
                string prefix = line.Type switch
                {
                    ChangeType.Inserted => "+ ",
                    ChangeType.Deleted => "- ",
                    _ => "  ",
                };
                if (line.Type != ChangeType.Unchanged)
                {
                    builder.Append(line.Position is int position ? position.ToString().PadLeft(4) + " " : "     ").Append(prefix).AppendLine(line.Text);
                }
            }

            return builder.ToString();
        }

        private static string Normalize(string text) => text.Replace("\r\n", "\n");
    }
}
