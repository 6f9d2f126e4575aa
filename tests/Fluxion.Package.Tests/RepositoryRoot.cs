using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace Fluxion.Package.Tests
{
    /// <summary>Finds the repository checkout these tests were built from.</summary>
    public static class RepositoryRoot
    {
        private const string Marker = "Generator.sln";

        public static string Find() => FindFrom();

        private static string FindFrom([CallerFilePath] string thisFile = "")
        {
            // Usually the test assembly sits in tests/Fluxion.Package.Tests/bin/...; with another
            // output layout, fall back to where this source file was compiled from.
            string? root = SearchUpwards(AppContext.BaseDirectory) ?? SearchUpwards(Path.GetDirectoryName(thisFile));
            return root ?? throw new InvalidOperationException(
                $"No {Marker} with src/Fluxion/Fluxion.csproj above {AppContext.BaseDirectory} or {thisFile}.");
        }

        private static string? SearchUpwards(string? start)
        {
            for (DirectoryInfo? directory = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start);
                 directory != null;
                 directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, Marker)) &&
                    File.Exists(Path.Combine(directory.FullName, "src", "Fluxion", "Fluxion.csproj")))
                {
                    return directory.FullName;
                }
            }
            return null;
        }
    }
}
