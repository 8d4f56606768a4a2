using System.CommandLine;
using CallMonitor.Cli.Infrastructure;
using CallMonitor.Server.Hosting;

namespace CallMonitor.Cli.Commands;

/// <summary><c>callmonitor serve</c>: the live gRPC service (CallAnalysis, health, reflection) until Ctrl+C.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Listen addresses, separated by ';' (http:// is HTTP/2 without TLS)",
            DefaultValueFactory = _ => "http://127.0.0.1:5005",
        };
        var engines = new Option<string>("--engines") { Description = "auto (every installed engine), none, or a list such as vosk,kws", DefaultValueFactory = _ => "auto" };
        var command = new Command("serve", "Run the live analysis service over gRPC") { urls, engines };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(
            async token =>
            {
                var options = new ServerOptions
                {
                    Urls = parse.GetValue(urls)!.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                    Engines = AnalyzeCommand.ParseEngines(parse.GetValue(engines)!),
                };
                await ServerHost.RunAsync(options, token).ConfigureAwait(false);
                return 0;
            },
            ct));
        return command;
    }
}
