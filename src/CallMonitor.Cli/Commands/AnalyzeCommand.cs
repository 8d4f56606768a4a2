using System.CommandLine;
using System.Globalization;
using CallMonitor.Cli.Infrastructure;
using CallMonitor.Domain.Calls;
using CallMonitor.Hosting.Engines;
using CallMonitor.Reporting.Formats;
using CallMonitor.Reporting.Html;

namespace CallMonitor.Cli.Commands;

/// <summary><c>callmonitor analyze CALL.wav</c>: the post-call report of one recording (or of a transcript alone).</summary>
public static class AnalyzeCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("file")
        {
            Description = "Call recording: WAV (PCM, float, G.711, RF64), raw with --raw, or mp3/amr/ogg/m4a/flac through ffmpeg. May be left out with --transcript",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var transcript = new Option<string?>("--transcript") { Description = "Transcript JSON supplied with the call: the text of record (the audio, when given, feeds the acoustic analysis)" };
        var engines = new Option<string>("--engines")
        {
            Description = "Speech engines: auto (every engine whose model is installed; none with --transcript), none, or a list such as vosk,kws",
            DefaultValueFactory = _ => SpeechEngineCatalog.Auto,
        };
        var rules = new Option<string?>("--rules") { Description = "Rule pack (YAML) whose phrases the keyword spotter listens for; default: the built-in pack" };
        var startedAt = new Option<string?>("--started-at") { Description = "Wall-clock start of the call, ISO 8601 with offset (e.g. 2026-11-23T09:15:00+08:00)" };
        var common = new CommonAnalysisOptions();
        var format = new Option<string>("--format") { Description = "Report format: json, text or html (a page for supervisors)", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "text", "html");
        var output = new Option<string?>("--out") { Description = "Write the report to this file instead of standard output" };

        var command = new Command("analyze", "Analyse a call: speech segments, silences, overlaps, loudness and speaking rate per speaker, recognized text and keyword hits")
        {
            file, transcript, engines, rules, startedAt, format, output,
        };
        common.AddTo(command);
        command.SetAction((parse, ct) => CommandRunner.RunAsync(
            async token =>
            {
                var request = common.Read(parse, parse.GetValue(file), ParseEngines(parse.GetValue(engines)!)) with
                {
                    TranscriptPath = parse.GetValue(transcript),
                    RulesPath = parse.GetValue(rules),
                    StartedAt = parse.GetValue(startedAt) is { } text ? ParseStartedAt(text) : null,
                };
                var report = await AnalysisProgress.RunAsync(request, token).ConfigureAwait(false);
                var body = parse.GetValue(format) switch
                {
                    "text" => TextReportWriter.Write(report),
                    "html" => HtmlReportWriter.Write(report),
                    _ => JsonReportWriter.Write(report) + "\n",
                };
                await ReportOutput.WriteAsync(body, parse.GetValue(output), token).ConfigureAwait(false);
                return ExitCodes.Ok;
            },
            ct));
        return command;
    }

    internal static IReadOnlyList<string> ParseEngines(string text)
    {
        try
        {
            return SpeechEngineCatalog.Parse(text);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--engines: {e.Message}", e);
        }
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

    private static DateTimeOffset ParseStartedAt(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) && text.Contains('T', StringComparison.Ordinal)
            ? value
            : throw new UsageException($"--started-at '{text}' is not an ISO 8601 date and time such as 2026-11-23T09:15:00+08:00");
}
