namespace CallMonitor.Acoustics.Vad;

/// <summary>
/// Streaming voice-activity detection over one channel of 16 kHz mono float audio. Positions are sample
/// offsets from the first sample accepted (the call's audio timeline for that channel).
/// </summary>
public interface IVoiceActivityDetector : IDisposable
{
    /// <summary>Short name shown in reports and by <c>doctor</c> (e.g. "silero-vad-v5", "energy").</summary>
    string Name { get; }

    /// <summary>The sample rate this detector takes (16000).</summary>
    int SampleRate { get; }

    /// <summary>Samples accepted so far.</summary>
    long SamplesAccepted { get; }

    /// <summary>True while a speech region is open (started but not yet ended).</summary>
    bool IsSpeechActive { get; }

    /// <summary>
    /// No speech region that is not yet reported can start before this sample offset: everything before
    /// it is decided. Lags <see cref="SamplesAccepted"/> by the detector's look-ahead.
    /// </summary>
    long DecidedUpTo { get; }

    /// <summary>Feeds the next samples of the channel.</summary>
    void AcceptWaveform(ReadOnlySpan<float> samples);

    /// <summary>Ends the stream: closes any open region so that <see cref="TakeCompletedRegions"/> returns it.</summary>
    void Flush();

    /// <summary>Speech regions that ended since the previous call, in order.</summary>
    IReadOnlyList<SampleRange> TakeCompletedRegions();
}
