using System.CommandLine;
using System.Globalization;
using CallMonitor.Cli.Client;
using CallMonitor.Cli.Infrastructure;
using CallMonitor.Contracts.V1;
using Grpc.Core;

namespace CallMonitor.Cli.Commands;

/// <summary>
/// <c>callmonitor stream CALL.wav --server URL</c>: plays an agent desktop. Streams the recording to the live service
/// and prints its alerts as JSON lines, each with the audio time it refers to and its latency, then the report summary.
/// </summary>
public static class StreamCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Call recording: WAV (PCM, float, G.711, RF64), raw with --raw, or what ffmpeg reads" };
        var connection = new ConnectionOptions();
        var agent = new Option<string?>("--agent") { Description = "Agent id the call is streamed for" };
        var team = new Option<string?>("--team") { Description = "The agent's team" };
        var callId = new Option<string?>("--call-id") { Description = "Call id (default: the file name and the time, unique per run)" };
        var realtime = new Option<bool>("--realtime") { Description = "Send at real-time pace, as a live call does (default: as fast as the server takes it)" };
        var transcript = new Option<bool>("--transcript") { Description = "Print transcript updates too" };
        var channels = new Option<string?>("--channels") { Description = "Channel roles: agent,customer (default for stereo), customer,agent or mono (channels mixed)" };
        var raw = new Option<string?>("--raw") { Description = "Headerless input format ENCODING:RATE:CHANNELS, e.g. mulaw:8000:2" };
        var startedAt = new Option<string?>("--started-at") { Description = "Wall-clock start of the call, ISO 8601 with offset (for time-of-day greetings); default: not sent" };
        var command = new Command("stream", "Stream a recording to the live service as an agent desktop would, printing alerts as JSON lines")
        {
            file, agent, team, callId, realtime, transcript, channels, raw, startedAt,
        };
        connection.AddTo(command);
        command.SetAction((parse, ct) => CommandRunner.RunAsync(
            async token =>
            {
                var path = parse.GetValue(file)!;
                var layout = parse.GetValue(channels) is { } text ? AnalyzeCommand.ParseLayout(text) : null;
                var rawFormat = parse.GetValue(raw) is { } rawText ? RawFormatParser.Parse(rawText) : null;
                var options = new StreamCallOptions
                {
                    CallId = parse.GetValue(callId) ?? DefaultCallId(path),
                    AgentId = parse.GetValue(agent) ?? string.Empty,
                    Team = parse.GetValue(team) ?? string.Empty,
                    StartedAt = parse.GetValue(startedAt) is { } at ? ParseStartedAt(at) : null,
                    Realtime = parse.GetValue(realtime),
                    ShowTranscript = parse.GetValue(transcript),
                };
                using var audio = PcmChunkReader.Open(path, layout, rawFormat);
                using var server = connection.Open(parse);
                var streamer = new CallStreamer(new CallAnalysis.CallAnalysisClient(server.Channel), server.Headers, new JsonLineWriter(Console.Out), TimeProvider.System);
                try
                {
                    var result = await streamer.RunAsync(audio, options, token).ConfigureAwait(false);
                    if (result.Report is null)
                    {
                        await Console.Error.WriteLineAsync($"callmonitor: error: the server at {server.Address} closed call {options.CallId} without a report").ConfigureAwait(false);
                        return ExitCodes.ServerError;
                    }

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

    private static string DefaultCallId(string path) =>
        string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileNameWithoutExtension(path)}-{DateTime.UtcNow:yyyyMMdd'T'HHmmss}-{Random.Shared.Next(0x10000):x4}");

    private static DateTimeOffset ParseStartedAt(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) && text.Contains('T', StringComparison.Ordinal)
            ? value
            : throw new UsageException($"--started-at '{text}' is not an ISO 8601 date and time such as 2026-11-23T09:15:00+08:00");
}
