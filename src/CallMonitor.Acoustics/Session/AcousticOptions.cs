using CallMonitor.Acoustics.Timeline;
using CallMonitor.Acoustics.Vad;

namespace CallMonitor.Acoustics.Session;

/// <summary>Settings of acoustic analysis.</summary>
public sealed record AcousticOptions
{
    public VadOptions Vad { get; init; } = new();

    public TimelineOptions Timeline { get; init; } = new();

    /// <summary>Path of silero_vad.onnx; null or missing falls back to the energy detector.</summary>
    public string? SileroModelPath { get; init; }
}
