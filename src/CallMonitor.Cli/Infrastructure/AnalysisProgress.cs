using CallMonitor.Audio.Sources;
using CallMonitor.Cli.Commands;
using CallMonitor.Reporting.Reports;
using Spectre.Console;

namespace CallMonitor.Cli.Infrastructure;

/// <summary>Runs an analysis with a progress bar on the terminal (stderr) for recordings longer than a few minutes.</summary>
public static class AnalysisProgress
{
    private static readonly TimeSpan ShowFrom = TimeSpan.FromMinutes(3);

    public static async Task<CallReport> RunAsync(AnalysisRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        TimeSpan? length = null;
        if (!Console.IsErrorRedirected && request.RawFormat is null && request.Path is { } path && File.Exists(path))
        {
            using var probe = AudioSource.Open(path);
            length = probe.TotalTime;
        }

        if (length is not { } total || total < ShowFrom)
        {
            return await AnalysisRunner.RunAsync(request, progress: null, cancellationToken).ConfigureAwait(false);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress().StartAsync(async context =>
        {
            var task = context.AddTask(Markup.Escape(Path.GetFileName(request.Path!)), maxValue: total.TotalSeconds);
            var report = await AnalysisRunner.RunAsync(request, new Progress<TimeSpan>(at => task.Value = at.TotalSeconds), cancellationToken).ConfigureAwait(false);
            task.Value = task.MaxValue;
            return report;
        }).ConfigureAwait(false);
    }
}
