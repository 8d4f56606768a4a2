using CallMonitor.Audio.Sources;
using CallMonitor.Cli.Commands;
using CallMonitor.Reporting.Reports;
using Spectre.Console;

namespace CallMonitor.Cli.Infrastructure;

/// <summary>Runs an analysis with a progress bar on the terminal (stderr) for recordings longer than a few minutes.</summary>
public static class AnalysisProgress
{
    private static readonly TimeSpan ShowFrom = TimeSpan.FromMinutes(3);

    public static CallReport Run(AnalysisRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        TimeSpan? length = null;
        if (!Console.IsErrorRedirected && request.RawFormat is null && File.Exists(request.Path))
        {
            using var probe = AudioSource.Open(request.Path);
            length = probe.TotalTime;
        }

        if (length is not { } total || total < ShowFrom)
        {
            return AnalysisRunner.Run(request, progress: null, cancellationToken);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        CallReport? report = null;
        console.Progress().Start(context =>
        {
            var task = context.AddTask(Markup.Escape(Path.GetFileName(request.Path)), maxValue: total.TotalSeconds);
            report = AnalysisRunner.Run(request, new Progress<TimeSpan>(at => task.Value = at.TotalSeconds), cancellationToken);
            task.Value = task.MaxValue;
        });
        return report!;
    }
}
