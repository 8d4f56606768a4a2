using System.CommandLine;
using CallMonitor.Cli.Commands;

namespace CallMonitor.Cli;

/// <summary>The <c>callmonitor</c> command tree.</summary>
public static class CliApplication
{
    public static RootCommand Build()
    {
        var root = new RootCommand("CallMonitor: offline speech-compliance analysis for Chinese call centres");
        root.Subcommands.Add(AnalyzeCommand.Create());
        root.Subcommands.Add(TranscribeCommand.Create());
        root.Subcommands.Add(TrainClassifierCommand.Create());
        root.Subcommands.Add(RulesCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(DoctorCommand.Create());
        root.Subcommands.Add(ModelsCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(KeysCommand.Create());
        root.Subcommands.Add(HealthCommand.Create());
        root.Subcommands.Add(StreamCommand.Create());
        root.Subcommands.Add(WatchCommand.Create());
        return root;
    }
}
