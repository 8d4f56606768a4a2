using CallMonitor.Audio.Formats;
using CallMonitor.Domain.Calls;

namespace CallMonitor.Cli.Commands;

/// <summary>What to analyse and how, gathered from the command line.</summary>
/// <param name="Layout">Channel roles; null picks agent,customer for stereo and mono for one channel.</param>
/// <param name="Vad"><c>auto</c> (Silero when installed), <c>silero</c> or <c>energy</c>.</param>
public sealed record AnalysisRequest(
    string Path,
    string? CallId,
    ChannelLayout? Layout,
    WaveFormat? RawFormat,
    string Vad,
    TimeSpan MinSilence);
