using System.CommandLine;
using CallMonitor.Cli.Infrastructure;
using CallMonitor.Models;
using CallMonitor.Reporting.Formats;

namespace CallMonitor.Cli.Commands;

/// <summary><c>callmonitor demo</c>: analyses the bundled sample call and prints the report.</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Analyse the bundled sample call (samples/demo-call.wav) and print its report");
        command.SetAction((parse, ct) => CommandRunner.RunAsync(
            async token =>
            {
                var root = RepositoryRoot.TryFind()
                    ?? throw new UsageException("cannot find the CallMonitor folder (set CALLMONITOR_HOME)");
                var sample = Path.Combine(root, "samples", "demo-call.wav");
                await Console.Error.WriteLineAsync($"analysing the sample call {sample}").ConfigureAwait(false);
                var report = await AnalysisRunner.RunAsync(AnalysisRequest.ForFile(sample, "demo-call"), progress: null, token).ConfigureAwait(false);
                await Console.Out.WriteAsync(TextReportWriter.Write(report).AsMemory(), token).ConfigureAwait(false);
                var json = Path.Combine(root, ".build", "demo", "demo-call.report.json");
                await ReportOutput.WriteAsync(JsonReportWriter.Write(report) + "\n", json, token).ConfigureAwait(false);
                return ExitCodes.Ok;
            },
            ct));
        return command;
    }
}
