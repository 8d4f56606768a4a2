using CallMonitor.Audio.Formats;
using CallMonitor.Domain.Calls;

namespace CallMonitor.Cli.Commands;

/// <summary>What to analyse and how, gathered from the command line.</summary>
/// <param name="Path">The call recording, or null for a transcript alone.</param>
/// <param name="Layout">Channel roles; null picks agent,customer for stereo and mono for one channel.</param>
/// <param name="Vad"><c>auto</c> (Silero when installed), <c>silero</c> or <c>energy</c>.</param>
/// <param name="Engines">Speech engines (<c>auto</c>, <c>none</c> or names), parsed.</param>
/// <param name="TranscriptPath">A transcript supplied with the call: the text of record.</param>
/// <param name="RulesPath">A rule pack file; null for the built-in pack.</param>
/// <param name="StartedAt">Wall-clock start of the call (overrides the transcript's).</param>
/// <param name="RequireEngines">Fail before the analysis when a named engine cannot start (transcribe needs its recognizer).</param>
public sealed record AnalysisRequest(
    string? Path,
    string? CallId,
    ChannelLayout? Layout,
    WaveFormat? RawFormat,
    string Vad,
    TimeSpan MinSilence,
    IReadOnlyList<string> Engines,
    string? TranscriptPath = null,
    string? RulesPath = null,
    DateTimeOffset? StartedAt = null,
    bool RequireEngines = false)
{
    /// <summary>A recording analysed with the defaults.</summary>
    public static AnalysisRequest ForFile(string path, string? callId = null) =>
        new(path, callId, null, null, "auto", TimeSpan.FromSeconds(2), ["auto"]);
}
