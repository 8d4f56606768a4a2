using System.Diagnostics;
using System.Text;

namespace CallMonitor.Cli.Tests;

/// <summary>Runs the real <c>callmonitor</c> CLI (the built assembly) as a child process, bounded in time.</summary>
internal static class CliProcess
{
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(90);

    public static Task<CliResult> RunAsync(CancellationToken cancellationToken, params string[] args) =>
        RunWithEnvironmentAsync(new Dictionary<string, string?>(), cancellationToken, args);

    /// <summary>Runs with extra environment variables (a null value removes the variable).</summary>
    public static async Task<CliResult> RunWithEnvironmentAsync(
        IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "callmonitor.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["CALLMONITOR_DEBUG"] = "0";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guard.CancelAfter(HangGuard);
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new AssertionException($"callmonitor {string.Join(' ', args)} did not finish within {HangGuard.TotalSeconds} s (hang)");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
