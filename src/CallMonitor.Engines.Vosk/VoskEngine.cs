using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Errors;
using CallMonitor.Engines.Vosk.Model;
using CallMonitor.Engines.Vosk.Native;
using CallMonitor.Engines.Vosk.Recognition;
using CallMonitor.Speech.Engines;

namespace CallMonitor.Engines.Vosk;

/// <summary>
/// Vosk (Kaldi) large-vocabulary streaming recognition. Create one per process: the model is loaded once (engines
/// naming the same folder share it) and each channel of each call gets its own 16 kHz recognizer. Word confidences
/// are vosk's posteriors (0..1); with <see cref="VoskSettings.MaxAlternatives"/> &gt; 0 vosk gives none per word and
/// <see cref="Domain.Events.RecognizedWord.Confidence"/> is null.
/// </summary>
public sealed class VoskEngine : ISpeechEngine
{
    /// <summary>Engine name: the event source and the name in <see cref="EngineUnavailableException"/>s.</summary>
    public const string EngineName = VoskLibrary.EngineName;

    private readonly VoskModelRegistry.Lease _model;

    /// <exception cref="EngineUnavailableException">The library or the model is missing or unusable; the message says what to do.</exception>
    /// <exception cref="ArgumentException">Invalid settings.</exception>
    public VoskEngine(VoskSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        VoskLibrary.SetLogLevel(settings.LogLevel);
        VoskModelDirectory.Check(settings.ModelPath);
        _model = VoskModelRegistry.Acquire(settings.ModelPath);
        Settings = settings;
    }

    public VoskSettings Settings { get; }

    public string Name => EngineName;

    public string Description =>
        $"vosk {VoskLibrary.Version}, model {Path.GetFileName(_model.Path)}"
        + (Settings.MaxAlternatives > 0 ? $", {Settings.MaxAlternatives}-best" : string.Empty);

    /// <summary>A full-vocabulary recognizer for one channel.</summary>
    /// <exception cref="EngineUnavailableException">vosk could not create the recognizer.</exception>
    public IChannelRecognizer CreateRecognizer(string callId, SpeakerRole role) => Create(callId, role, null);

    /// <summary>A recognizer that only hears <paramref name="phrases"/> (words of the model's vocabulary, space-separated), plus "[unk]".</summary>
    /// <exception cref="ArgumentException">An empty phrase list.</exception>
    /// <exception cref="EngineUnavailableException">vosk could not create the recognizer (the model has no lookahead graph).</exception>
    public IChannelRecognizer CreateRecognizer(string callId, SpeakerRole role, IReadOnlyList<string> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        if (phrases.Count == 0 || phrases.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("a phrase list needs at least one phrase and no empty ones", nameof(phrases));
        }

        return Create(callId, role, VoskGrammar.ToJson(phrases));
    }

    public void Dispose() => _model.Dispose();

    private VoskChannelRecognizer Create(string callId, SpeakerRole role, string? grammar)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(callId);
        ObjectDisposedException.ThrowIf(_model.IsReleased, this);
        var decoder = NativeVoskDecoder.Create(_model.Handle, Settings, grammar, callId, role.ToString());
        return new VoskChannelRecognizer(callId, role, decoder, Settings);
    }
}
