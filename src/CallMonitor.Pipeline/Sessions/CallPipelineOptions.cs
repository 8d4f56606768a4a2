using CallMonitor.Acoustics.Session;
using CallMonitor.Acoustics.Vad;
using CallMonitor.Domain.Calls;
using CallMonitor.Speech.Engines;

namespace CallMonitor.Pipeline.Sessions;

/// <summary>What runs in one call's pipeline.</summary>
public sealed record CallPipelineOptions
{
    public required string CallId { get; init; }

    public required ChannelLayout Layout { get; init; }

    /// <summary>Voice-activity detectors for the acoustic session; null runs no acoustic analysis.</summary>
    public VoiceActivityDetectorFactory? Detectors { get; init; }

    public AcousticOptions Acoustics { get; init; } = new();

    /// <summary>Speech engines (loaded once per process); each gets one recognizer per channel.</summary>
    public IReadOnlyList<ISpeechEngine> Engines { get; init; } = [];

    /// <summary>Blocks each stage may have waiting before a writer has to wait (back-pressure, never a drop).</summary>
    public int QueueCapacity { get; init; } = 64;

    /// <exception cref="ArgumentException">An empty call id, a layout without roles or a capacity below 1.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(CallId);
        ArgumentNullException.ThrowIfNull(Layout);
        ArgumentNullException.ThrowIfNull(Engines);
        ArgumentOutOfRangeException.ThrowIfLessThan(QueueCapacity, 1);
        var names = Engines.Select(e => e.Name).ToList();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            throw new ArgumentException($"an engine is listed twice: {string.Join(", ", names)}", nameof(Engines));
        }
    }
}
