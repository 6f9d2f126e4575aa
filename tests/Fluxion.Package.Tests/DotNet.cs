using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Fluxion.Package.Tests
{
    /// <summary>The outcome of one finished (or timed-out) <c>dotnet</c> command.</summary>
    public sealed record CommandResult(string CommandLine, string WorkingDirectory, int ExitCode, bool TimedOut, TimeSpan Elapsed, string StandardOutput, string StandardError)
    {
        public bool Succeeded => !TimedOut && ExitCode == 0;

        /// <summary>Everything needed to understand a failure, for assertion messages.</summary>
        public string Describe() =>
            $"> {CommandLine}{Environment.NewLine}" +
            $"  in {WorkingDirectory}{Environment.NewLine}" +
            (TimedOut ? $"  TIMED OUT after {Elapsed.TotalSeconds:F0} s" : $"  exit code {ExitCode} after {Elapsed.TotalSeconds:F1} s") + Environment.NewLine +
            $"--- stdout ---{Environment.NewLine}{StandardOutput}{Environment.NewLine}" +
            $"--- stderr ---{Environment.NewLine}{StandardError}";
    }

    /// <summary>Runs the <c>dotnet</c> CLI as a child process with a timeout, capturing its output.</summary>
    public static class DotNet
    {
        /// <summary>
        /// The <c>dotnet</c> host that runs these tests (the SDK sets DOTNET_HOST_PATH for its children),
        /// otherwise whichever <c>dotnet</c> is on the PATH.
        /// </summary>
        private static string Host
        {
            get
            {
                string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
                return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
            }
        }

        public static Task<CommandResult> RunAsync(string workingDirectory, TimeSpan timeout, params string[] arguments) =>
            RunAsync(workingDirectory, timeout, new Dictionary<string, string>(), arguments);

        /// <param name="workingDirectory">Where the command runs.</param>
        /// <param name="timeout">How long it may run before it is killed.</param>
        /// <param name="environment">Variables set for the command, on top of the defaults below.</param>
        /// <param name="arguments">The arguments after <c>dotnet</c>.</param>
        public static async Task<CommandResult> RunAsync(
            string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] arguments)
        {
            var startInfo = new ProcessStartInfo(Host)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                CreateNoWindow = true,
            };
            foreach (string argument in arguments)
            {
                startInfo.ArgumentList.Add(argument);
            }

            // When `dotnet test` runs these tests, the environment carries the outer build's MSBuild
            // settings; a nested build must start from the SDK's own defaults instead.
            List<string> inherited = startInfo.Environment.Keys
                .Where(key => key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase))
                .ToList();
            foreach (string key in inherited)
            {
                startInfo.Environment.Remove(key);
            }
            startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            startInfo.Environment["DOTNET_NOLOGO"] = "1";
            startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            // No build servers or reusable nodes: nothing may outlive the command (and hold its output open).
            startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            startInfo.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
            startInfo.Environment["UseSharedCompilation"] = "false";
            foreach ((string key, string value) in environment)
            {
                startInfo.Environment[key] = value;
            }

            string commandLine = "dotnet " + string.Join(" ", arguments.Select(Quote));
            var stopwatch = Stopwatch.StartNew();
            using var process = new Process { StartInfo = startInfo };
            process.Start();
            process.StandardInput.Close();
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();

            bool timedOut = false;
            using (var cancellation = new CancellationTokenSource(timeout))
            {
                try
                {
                    await process.WaitForExitAsync(cancellation.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    timedOut = true;
                    try
                    {
                        process.Kill(entireProcessTree: true);
                    }
                    catch (InvalidOperationException)
                    {
                        // It exited between the timeout and the kill.
                    }
                    process.WaitForExit(10_000);
                }
            }
            stopwatch.Stop();

            // A grandchild that inherited the pipes could keep them open; do not wait for it forever.
            string output = await Drain(stdout).ConfigureAwait(false);
            string error = await Drain(stderr).ConfigureAwait(false);
            int exitCode = process.HasExited ? process.ExitCode : -1;
            return new CommandResult(commandLine, workingDirectory, exitCode, timedOut, stopwatch.Elapsed, output, error);
        }

        private static async Task<string> Drain(Task<string> reader)
        {
            Task finished = await Task.WhenAny(reader, Task.Delay(TimeSpan.FromSeconds(30))).ConfigureAwait(false);
            return finished == reader ? await reader.ConfigureAwait(false) : "(output still open after the process exited; not read)";
        }

        private static string Quote(string argument) =>
            argument.Length > 0 && argument.All(c => !char.IsWhiteSpace(c) && c != '"') ? argument : "\"" + argument.Replace("\"", "\\\"") + "\"";
    }
}
