using CallMonitor.Engines.Vosk.Model;

namespace CallMonitor.Engines.Vosk.Recognition;

/// <summary>How the Vosk engine is set up. Validated when the engine is built.</summary>
public sealed record VoskSettings
{
    /// <summary>The only rate the recognizers take (the Mandarin models are 16 kHz).</summary>
    public const int SampleRate = 16000;

    /// <summary>The unpacked model folder.</summary>
    public required string ModelPath { get; init; }

    /// <summary>N-best size; 0 (default) gives one reading with per-word confidences, &gt; 0 fills Alternatives.</summary>
    public int MaxAlternatives { get; init; }

    /// <summary>Ask vosk for timed words in partial results (better partial spans, more CPU per partial).</summary>
    public bool PartialWords { get; init; }

    /// <summary>Audio between two partial-result queries; partials are only published when their text changed.</summary>
    public TimeSpan PartialInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Silence fed at the end of a channel before the final result, so the last words are decoded.</summary>
    public TimeSpan FlushSilence { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Kaldi log level for the process: -1 (default) keeps warnings and errors, 0 adds info lines.</summary>
    public int LogLevel { get; init; } = -1;

    /// <summary>Settings for the model at <see cref="VoskModelDirectory.DefaultPath"/>.</summary>
    public static VoskSettings Default() => new() { ModelPath = VoskModelDirectory.DefaultPath() };

    /// <exception cref="ArgumentException">A value out of range; the message names it.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ModelPath))
        {
            throw new ArgumentException($"{nameof(ModelPath)} is empty; set it or {VoskModelDirectory.ModelVariable}", nameof(ModelPath));
        }

        if (MaxAlternatives is < 0 or > 100)
        {
            throw new ArgumentException($"{nameof(MaxAlternatives)} must be 0..100, got {MaxAlternatives}", nameof(MaxAlternatives));
        }

        if (PartialInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(PartialInterval)} must be positive, got {PartialInterval}", nameof(PartialInterval));
        }

        if (FlushSilence < TimeSpan.Zero || FlushSilence > TimeSpan.FromSeconds(5))
        {
            throw new ArgumentException($"{nameof(FlushSilence)} must be 0..5 s, got {FlushSilence}", nameof(FlushSilence));
        }
    }
}
