using System.CommandLine;
using CallMonitor.Cli.Infrastructure;

namespace CallMonitor.Cli.Commands;

/// <summary>The audio options <c>analyze</c> and <c>transcribe</c> share.</summary>
internal sealed class CommonAnalysisOptions
{
    private readonly Option<string?> _channels = new("--channels") { Description = "Channel roles: agent,customer (default for stereo), customer,agent or mono" };
    private readonly Option<string?> _callId = new("--call-id") { Description = "Call id in the output (default: the transcript's, else the file name)" };
    private readonly Option<string?> _raw = new("--raw") { Description = "Headerless input format ENCODING:RATE:CHANNELS, e.g. mulaw:8000:2" };
    private readonly Option<string> _vad = new("--vad") { Description = "Voice-activity detector: auto, silero or energy", DefaultValueFactory = _ => "auto" };
    private readonly Option<double> _minSilence = new("--min-silence") { Description = "Shortest silence (seconds) to report", DefaultValueFactory = _ => 2.0 };

    public CommonAnalysisOptions()
    {
        _vad.AcceptOnlyFromAmong("auto", "silero", "energy");
    }

    public void AddTo(Command command)
    {
        command.Options.Add(_channels);
        command.Options.Add(_callId);
        command.Options.Add(_raw);
        command.Options.Add(_vad);
        command.Options.Add(_minSilence);
    }

    public AnalysisRequest Read(ParseResult parse, string? path, IReadOnlyList<string> engines) => new(
        path,
        parse.GetValue(_callId),
        parse.GetValue(_channels) is { } layout ? AnalyzeCommand.ParseLayout(layout) : null,
        parse.GetValue(_raw) is { } rawText ? RawFormatParser.Parse(rawText) : null,
        parse.GetValue(_vad)!,
        AnalyzeCommand.ParseSeconds(parse.GetValue(_minSilence), "--min-silence"),
        engines);
}
