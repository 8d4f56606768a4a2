namespace CallMonitor.Speech.Engines;

/// <summary>
/// Recognition over one channel of one call, push-style like the acoustic tracker: 16 kHz mono float samples
/// in, timed events (<see cref="Domain.Events.PartialTranscriptUpdated"/>, <see cref="Domain.Events.UtteranceRecognized"/>,
/// <see cref="Domain.Events.KeywordSpotted"/>) out. Times are counted from the first sample fed (the call's timeline).
/// Not thread-safe: one task at a time.
/// </summary>
public interface IChannelRecognizer : IDisposable
{
    /// <summary>Feeds the next samples. May raise <see cref="Domain.Errors.EngineUnavailableException"/> if the engine fails.</summary>
    void Accept(ReadOnlySpan<float> samples);

    /// <summary>The channel has ended: flushes so the last words are not lost.</summary>
    void Complete();

    /// <summary>Events produced since the previous call, in audio-time order.</summary>
    IReadOnlyList<Domain.Events.CallEvent> TakeEvents();
}
