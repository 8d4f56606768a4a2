namespace CallMonitor.Engines.SherpaOnnx.Vad;

/// <summary>
/// Settings of sherpa-onnx's voice activity detector running a Silero VAD v5 model (16 kHz, 512-sample windows).
/// The library calls <c>exit()</c> on some bad values instead of failing the create call, so they are checked
/// here first: sample rate and window size are fixed, not settable.
/// </summary>
public sealed record SherpaVadSettings
{
    /// <summary>The only sample rate sherpa-onnx's Silero VAD accepts.</summary>
    public const int SampleRate = 16000;

    /// <summary>Samples per model window (32 ms); the only size a v5 model accepts at 16 kHz.</summary>
    public const int WindowSize = 512;

    public SherpaVadSettings(string modelPath)
    {
        ModelPath = modelPath;
    }

    /// <summary>Path to silero_vad.onnx (v5).</summary>
    public string ModelPath { get; init; }

    /// <summary>A window whose speech probability is above this starts or continues speech.</summary>
    public float Threshold { get; init; } = 0.5f;

    /// <summary>Silence that must pass before a speech segment ends.</summary>
    public TimeSpan MinSilence { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Speech that must last this long before a segment starts.</summary>
    public TimeSpan MinSpeech { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Past this length the library raises the threshold to 0.9 and the silence needed to 0.1 s, so a long
    /// segment ends at the next short pause. It does not cut continuous speech.
    /// </summary>
    public TimeSpan MaxSpeech { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Capacity of the library's sample buffer; it grows (with a log line) when a segment outgrows it.</summary>
    public TimeSpan Buffer { get; init; } = TimeSpan.FromSeconds(30);

    public int NumThreads { get; init; } = 1;

    public string Provider { get; init; } = "cpu";

    /// <summary>Makes the library print its parsed config and progress to stderr.</summary>
    public bool Debug { get; init; }

    /// <exception cref="ArgumentException">A value the library would reject or misbehave on.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ModelPath);
        if (Threshold is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, "VAD threshold must be between 0 and 1");
        }

        if (MinSilence <= TimeSpan.Zero || MinSpeech <= TimeSpan.Zero || MaxSpeech <= MinSpeech || Buffer <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxSpeech), "VAD durations must be positive and MaxSpeech > MinSpeech");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(NumThreads, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(Provider);
    }
}
