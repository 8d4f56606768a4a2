using CallMonitor.Domain.Errors;
using CallMonitor.Engines.SherpaOnnx.Native;

namespace CallMonitor.Engines.SherpaOnnx.Vad;

/// <summary>
/// sherpa-onnx's voice activity detector (Silero VAD v5) over one mono 16 kHz stream. Audio is handed to the
/// library at most one 512-sample window per native call: the library ORs the speech decisions of all the
/// windows in one call, so bigger calls would make segments depend on how the caller chunks the audio. Not
/// thread-safe: one instance per stream, used from one thread at a time.
/// </summary>
public sealed class SherpaOnnxVad : IDisposable
{
    private readonly VoiceActivityDetectorHandle _handle;

    /// <exception cref="EngineUnavailableException">The library or the model is missing or unusable.</exception>
    /// <exception cref="ArgumentException">Invalid settings.</exception>
    public SherpaOnnxVad(SherpaVadSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        SherpaOnnxLibrary.EnsureLoaded();
        SileroModelFile.Check(settings.ModelPath);
        Settings = settings;

        var modelPath = Path.GetFullPath(settings.ModelPath);
        IntPtr detector;
        using (var strings = new NativeUtf8Strings())
        {
            var config = new NativeVadModelConfig
            {
                SileroVad = new NativeSileroVadModelConfig
                {
                    Model = strings.Add(modelPath),
                    Threshold = settings.Threshold,
                    MinSilenceDuration = (float)settings.MinSilence.TotalSeconds,
                    MinSpeechDuration = (float)settings.MinSpeech.TotalSeconds,
                    WindowSize = SherpaVadSettings.WindowSize,
                    MaxSpeechDuration = (float)settings.MaxSpeech.TotalSeconds,
                },
                SampleRate = SherpaVadSettings.SampleRate,
                NumThreads = settings.NumThreads,
                Provider = strings.Add(settings.Provider),
                Debug = settings.Debug ? 1 : 0,
            };
            detector = VadNativeMethods.Create(in config, (float)settings.Buffer.TotalSeconds);
        }

        if (detector == IntPtr.Zero)
        {
            throw new EngineUnavailableException(
                SileroModelFile.EngineName,
                $"sherpa-onnx could not create a voice activity detector from {modelPath} (provider '{settings.Provider}'); "
                + "check the model file and the provider, or run with Debug = true to see the library's reason");
        }

        _handle = new VoiceActivityDetectorHandle(detector);
    }

    public SherpaVadSettings Settings { get; }

    /// <summary>Samples fed since creation or the last <see cref="Reset"/>.</summary>
    public long SamplesFed { get; private set; }

    /// <summary>True while the library is inside a speech segment (its start is reported only when it ends).</summary>
    public bool IsSpeechDetected => VadNativeMethods.Detected(LiveHandle) != 0;

    /// <summary>True when completed segments wait in <see cref="TryDequeue"/>.</summary>
    public bool HasSegments => VadNativeMethods.Empty(LiveHandle) == 0;

    private VoiceActivityDetectorHandle LiveHandle
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            return _handle;
        }
    }

    /// <summary>Feeds samples in [-1, 1]; any length.</summary>
    public unsafe void AcceptWaveform(ReadOnlySpan<float> samples)
    {
        var handle = LiveHandle;
        while (!samples.IsEmpty)
        {
            var piece = samples[..Math.Min(SherpaVadSettings.WindowSize, samples.Length)];
            fixed (float* p = piece)
            {
                VadNativeMethods.AcceptWaveform(handle, p, piece.Length);
            }

            SamplesFed += piece.Length;
            samples = samples[piece.Length..];
        }
    }

    /// <summary>Takes the oldest completed segment, if any.</summary>
    public unsafe bool TryDequeue(out SherpaSpeechSegment segment)
    {
        var handle = LiveHandle;
        segment = default;
        if (VadNativeMethods.Empty(handle) != 0)
        {
            return false;
        }

        var front = VadNativeMethods.Front(handle);
        if (front == null)
        {
            return false;
        }

        try
        {
            segment = new SherpaSpeechSegment(Unwrap(front->Start), front->Count);
        }
        finally
        {
            VadNativeMethods.DestroySegment(front);
            VadNativeMethods.Pop(handle);
        }

        return true;
    }

    /// <summary>
    /// Closes an open segment at the last whole window fed (samples of a trailing partial window stay pending)
    /// and queues it. The library keeps its model state: speech that goes on opens a new segment.
    /// </summary>
    public void Flush() => VadNativeMethods.Flush(LiveHandle);

    /// <summary>Drops queued segments, model state and buffered audio; offsets count from zero again.</summary>
    public void Reset()
    {
        VadNativeMethods.Reset(LiveHandle);
        SamplesFed = 0;
    }

    /// <summary>Drops queued segments only.</summary>
    public void Clear() => VadNativeMethods.Clear(LiveHandle);

    public void Dispose() => _handle.Dispose();

    // The library counts samples in int32 (wraps after about 37 hours at 16 kHz); our count is 64-bit, and a
    // segment never starts after the samples fed, so the true start is the nearest value at or below it.
    private long Unwrap(int start) => SamplesFed - unchecked((uint)((int)SamplesFed - start));
}
