using System.Runtime.InteropServices;
using CallMonitor.Engines.SherpaOnnx.Native;

namespace CallMonitor.Engines.SherpaOnnx.Vad;

/// <summary>The voice-activity-detector functions of sherpa-onnx's C API (int32_t booleans: non-zero is true).</summary>
internal static unsafe partial class VadNativeMethods
{
    /// <summary>Returns NULL when the config is invalid (e.g. the model file does not exist).</summary>
    [LibraryImport(SherpaOnnxLibrary.ImportName, EntryPoint = "SherpaOnnxCreateVoiceActivityDetector")]
    public static partial IntPtr Create(in NativeVadModelConfig config, float bufferSizeInSeconds);

    [LibraryImport(SherpaOnnxLibrary.ImportName, EntryPoint = "SherpaOnnxDestroyVoiceActivityDetector")]
    public static partial void Destroy(IntPtr detector);

    [LibraryImport(SherpaOnnxLibrary.ImportName, EntryPoint = "SherpaOnnxVoiceActivityDetectorAcceptWaveform")]
    public static partial void AcceptWaveform(VoiceActivityDetectorHandle detector, float* samples, int count);

    [LibraryImport(SherpaOnnxLibrary.ImportName, EntryPoint = "SherpaOnnxVoiceActivityDetectorEmpty")]
    public static partial int Empty(VoiceActivityDetectorHandle detector);

    [LibraryImport(SherpaOnnxLibrary.ImportName, EntryPoint = "SherpaOnnxVoiceActivityDetectorDetected")]
    public static partial int Detected(VoiceActivityDetectorHandle detector);

    /// <summary>A new copy of the oldest completed segment; free it with <see cref="DestroySegment"/>.</summary>
    [LibraryImport(SherpaOnnxLibrary.ImportName, EntryPoint = "SherpaOnnxVoiceActivityDetectorFront")]
    public static partial NativeSpeechSegment* Front(VoiceActivityDetectorHandle detector);

    [LibraryImport(SherpaOnnxLibrary.ImportName, EntryPoint = "SherpaOnnxVoiceActivityDetectorPop")]
    public static partial void Pop(VoiceActivityDetectorHandle detector);

    [LibraryImport(SherpaOnnxLibrary.ImportName, EntryPoint = "SherpaOnnxVoiceActivityDetectorClear")]
    public static partial void Clear(VoiceActivityDetectorHandle detector);

    [LibraryImport(SherpaOnnxLibrary.ImportName, EntryPoint = "SherpaOnnxVoiceActivityDetectorFlush")]
    public static partial void Flush(VoiceActivityDetectorHandle detector);

    [LibraryImport(SherpaOnnxLibrary.ImportName, EntryPoint = "SherpaOnnxVoiceActivityDetectorReset")]
    public static partial void Reset(VoiceActivityDetectorHandle detector);

    [LibraryImport(SherpaOnnxLibrary.ImportName, EntryPoint = "SherpaOnnxDestroySpeechSegment")]
    public static partial void DestroySegment(NativeSpeechSegment* segment);
}
