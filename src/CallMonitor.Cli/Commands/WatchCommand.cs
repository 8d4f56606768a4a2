using System.CommandLine;
using System.Globalization;
using CallMonitor.Cli.Client;
using CallMonitor.Cli.Infrastructure;
using CallMonitor.Contracts.V1;
using Grpc.Core;

namespace CallMonitor.Cli.Commands;

/// <summary>
/// <c>callmonitor watch --server URL</c>: plays a supervisor console. Subscribes to the violation stream and prints
/// each event as a JSON line, resuming after the last position printed when it falls behind or the connection drops.
/// </summary>
public static class WatchCommand
{
    public static Command Create()
    {
        var connection = new ConnectionOptions();
        var teams = new Option<string[]>("--team") { Description = "Team to watch (repeat, or a comma list; default: every team the key may see)" };
        var agent = new Option<string?>("--agent") { Description = "Only this agent's events" };
        var call = new Option<string?>("--call") { Description = "Only this call's events" };
        var minSeverity = new Option<string?>("--min-severity") { Description = "Only violations at least this severe: info, minor, major or critical" };
        var types = new Option<string[]>("--type") { Description = "Only these violation types, e.g. forbidden_phrase (repeat, or a comma list)" };
        var since = new Option<string?>("--since") { Description = "Start after this log position, or 'start' to replay the whole log (default: only new events)" };
        var count = new Option<int?>("--count") { Description = "Stop after printing this many events" };
        var untilIdle = new Option<double?>("--until-idle") { Description = "Stop when no event has arrived for this many seconds" };
        var command = new Command("watch", "Watch violations as a supervisor console does, as JSON lines")
        {
            teams, agent, call, minSeverity, types, since, count, untilIdle,
        };
        connection.AddTo(command);
        command.SetAction((parse, ct) => CommandRunner.RunAsync(
            async token =>
            {
                var filters = new SubscribeRequest { AgentId = parse.GetValue(agent) ?? string.Empty, CallId = parse.GetValue(call) ?? string.Empty };
                filters.Teams.AddRange(SplitList(parse.GetValue(teams)));
                filters.Types_.AddRange(SplitList(parse.GetValue(types)));
                if (parse.GetValue(minSeverity) is { } severity)
                {
                    filters.MinSeverity = WireNames.ParseSeverity(severity);
                }

                var (after, sinceStart) = ParseSince(parse.GetValue(since));
                var options = new WatchOptions
                {
                    Filters = filters,
                    AfterPosition = after,
                    SinceStart = sinceStart,
                    Count = parse.GetValue(count) is { } n ? (n > 0 ? n : throw new UsageException($"--count must be at least 1, got {n}")) : null,
                    UntilIdle = parse.GetValue(untilIdle) is { } idle ? AnalyzeCommand.ParseSeconds(idle, "--until-idle") : null,
                };
                using var server = connection.Open(parse);
                var watcher = new SupervisionWatcher(
                    new Supervision.SupervisionClient(server.Channel), server.Headers, new JsonLineWriter(Console.Out), Console.Error, TimeProvider.System);
                try
                {
                    // Ctrl+C is how a console is closed: every way of stopping is a normal end.
                    await watcher.RunAsync(options, token).ConfigureAwait(false);
                    return ExitCodes.Ok;
                }
                catch (RpcException e)
                {
                    return GrpcFailure.Report(e, server.Address, Console.Error);
                }
            },
            ct));
        return command;
    }

    private static string[] SplitList(string[]? values) =>
        [.. (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal)];

    private static (long After, bool SinceStart) ParseSince(string? text)
    {
        if (text is null)
        {
            return (0, false);
        }

        if (text.Trim().Equals("start", StringComparison.OrdinalIgnoreCase))
        {
            return (0, true);
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            ? (position, false)
            : throw new UsageException($"--since '{text}' is not a log position (a whole number printed as \"position\") or 'start'");
    }
}
