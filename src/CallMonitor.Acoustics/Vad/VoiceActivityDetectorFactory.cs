using CallMonitor.Domain.Errors;

namespace CallMonitor.Acoustics.Vad;

/// <summary>
/// Chooses the voice-activity detector: Silero VAD v5 (through sherpa-onnx) when its model is installed and the
/// native library loads, otherwise the energy detector, saying why in <see cref="FallbackReason"/>.
/// </summary>
public sealed class VoiceActivityDetectorFactory
{
    private readonly string? _sileroModelPath;
    private readonly VadOptions _options;

    public VoiceActivityDetectorFactory(string? sileroModelPath, VadOptions? options = null, bool preferEnergy = false)
    {
        _options = options ?? new VadOptions();
        _options.Validate();
        if (preferEnergy)
        {
            return; // chosen, not a fallback
        }

        if (string.IsNullOrEmpty(sileroModelPath) || !File.Exists(sileroModelPath))
        {
            FallbackReason = "Silero VAD model not installed (run ./callmonitor models install silero-vad-v5)";
            return;
        }

        try
        {
            // Load once up front so a broken installation is reported here, not per call.
            using var probe = new SileroVoiceActivityDetector(sileroModelPath, _options);
            _sileroModelPath = sileroModelPath;
        }
        catch (EngineUnavailableException e)
        {
            FallbackReason = e.Message;
        }
    }

    /// <summary>Why Silero is not used, or null when it is.</summary>
    public string? FallbackReason { get; }

    public string DetectorName => _sileroModelPath is null ? "energy" : "silero-vad-v5";

    public IVoiceActivityDetector Create() =>
        _sileroModelPath is null
            ? new EnergyVoiceActivityDetector(_options)
            : new SileroVoiceActivityDetector(_sileroModelPath, _options);
}
