using System;
using System.IO;
using System.Threading;

namespace Fluxion.Package.Tests
{
    /// <summary>A uniquely named folder under the system temporary folder, deleted on dispose.</summary>
    public sealed class TemporaryDirectory : IDisposable
    {
        public TemporaryDirectory(string purpose)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"fluxion-{purpose}-{Guid.NewGuid():N}");
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string Combine(params string[] parts) => System.IO.Path.Combine(Path, System.IO.Path.Combine(parts));

        public void Dispose()
        {
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    if (Directory.Exists(Path))
                    {
                        Directory.Delete(Path, recursive: true);
                    }
                    return;
                }
                catch (Exception e) when ((e is IOException || e is UnauthorizedAccessException) && attempt < 5)
                {
                    // A process that just exited may still hold a file for a moment.
                    Thread.Sleep(200 * attempt);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    // Leaving a temporary folder behind must not fail a test that passed.
                    return;
                }
            }
        }
    }
}
