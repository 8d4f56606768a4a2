using System.CommandLine;
using System.Globalization;
using CallMonitor.Cli.Infrastructure;
using CallMonitor.Domain.Calls;
using CallMonitor.Reporting.Formats;

namespace CallMonitor.Cli.Commands;

/// <summary><c>callmonitor analyze CALL.wav</c>: the post-call report of one recording.</summary>
public static class AnalyzeCommand
{
    private static readonly string[] KnownEngines = ["none", "auto"];

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Call recording: WAV (PCM, float, G.711, RF64), raw with --raw, or mp3/amr/ogg/m4a/flac through ffmpeg" };
        var channels = new Option<string?>("--channels") { Description = "Channel roles: agent,customer (default for stereo), customer,agent or mono" };
        var engines = new Option<string>("--engines") { Description = "Speech engines to run: none (acoustic analysis only) or auto", DefaultValueFactory = _ => "auto" };
        var format = new Option<string>("--format") { Description = "Report format: json or text", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "text");
        var output = new Option<string?>("--out") { Description = "Write the report to this file instead of standard output" };
        var callId = new Option<string?>("--call-id") { Description = "Call id in the report (default: the file name)" };
        var raw = new Option<string?>("--raw") { Description = "Headerless input format ENCODING:RATE:CHANNELS, e.g. mulaw:8000:2" };
        var vad = new Option<string>("--vad") { Description = "Voice-activity detector: auto, silero or energy", DefaultValueFactory = _ => "auto" };
        vad.AcceptOnlyFromAmong("auto", "silero", "energy");
        var minSilence = new Option<double>("--min-silence") { Description = "Shortest silence (seconds) to report", DefaultValueFactory = _ => 2.0 };

        var command = new Command("analyze", "Analyse a call recording: speech segments, silences, overlaps, loudness and speaking rate per speaker")
        {
            file, channels, engines, format, output, callId, raw, vad, minSilence,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(
            async token =>
            {
                CheckEngines(parse.GetValue(engines)!);
                var request = new AnalysisRequest(
                    parse.GetValue(file)!,
                    parse.GetValue(callId),
                    parse.GetValue(channels) is { } layout ? ParseLayout(layout) : null,
                    parse.GetValue(raw) is { } rawText ? RawFormatParser.Parse(rawText) : null,
                    parse.GetValue(vad)!,
                    ParseSeconds(parse.GetValue(minSilence), "--min-silence"));
                var report = AnalysisProgress.Run(request, token);
                var text = parse.GetValue(format) == "text" ? TextReportWriter.Write(report) : JsonReportWriter.Write(report) + "\n";
                await ReportOutput.WriteAsync(text, parse.GetValue(output), token).ConfigureAwait(false);
                return ExitCodes.Ok;
            },
            ct));
        return command;
    }

    internal static ChannelLayout ParseLayout(string text)
    {
        try
        {
            return ChannelLayout.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message, e);
        }
    }

    internal static TimeSpan ParseSeconds(double seconds, string option) =>
        seconds is > 0 and < 3600
            ? TimeSpan.FromSeconds(seconds)
            : throw new UsageException($"{option} must be between 0 and 3600 seconds, got {seconds.ToString(CultureInfo.InvariantCulture)}");

    private static void CheckEngines(string engines)
    {
        foreach (var name in engines.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!KnownEngines.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new UsageException($"--engines: '{name}' is not an engine of this version (known: {string.Join(", ", KnownEngines)})");
            }
        }
    }
}
