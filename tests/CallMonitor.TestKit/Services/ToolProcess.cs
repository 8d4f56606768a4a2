using System.Diagnostics;
using System.Globalization;

namespace CallMonitor.TestKit.Services;

/// <summary>Runs a command-line program to completion, optionally as the <c>postgres</c> user (PostgreSQL refuses root).</summary>
internal static class ToolProcess
{
    public static bool IsRoot { get; } = string.Equals(Environment.UserName, "root", StringComparison.Ordinal);

    public static async Task<(int ExitCode, string Output)> RunAsync(
        string program, IReadOnlyList<string> arguments, bool runAsPostgres, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (runAsPostgres && IsRoot)
        {
            start.FileName = "runuser";
            foreach (var prefix in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(prefix);
            }
        }
        else
        {
            start.FileName = program;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = (await stdout.ConfigureAwait(false)) + (await stderr.ConfigureAwait(false));
        return (process.ExitCode, output);
    }

    /// <summary>Runs the program and throws, with its output, when it exits non-zero.</summary>
    public static async Task<string> RunCheckedAsync(
        string program, IReadOnlyList<string> arguments, bool runAsPostgres, CancellationToken cancellationToken)
    {
        var (exitCode, output) = await RunAsync(program, arguments, runAsPostgres, cancellationToken).ConfigureAwait(false);
        return exitCode == 0
            ? output
            : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with code {exitCode}: {output.Trim()}"));
    }
}
