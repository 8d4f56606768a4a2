using System.Runtime.InteropServices;

namespace CallMonitor.Engines.SherpaOnnx.Vad;

// Mirrors of the VAD structs of sherpa-onnx 1.13.8's c-api.h, field for field in declaration order and with
// the C types' sizes (const char* -> IntPtr, float -> float, int32_t -> int). On x64 the sizes are 32, 88 and
// 24 bytes; SherpaOnnxVadTests checks them, and the behaviour tests catch a shifted field.

/// <summary><c>SherpaOnnxSileroVadModelConfig</c>; also the shape of <c>SherpaOnnxTenVadModelConfig</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeSileroVadModelConfig
{
    public IntPtr Model;
    public float Threshold;
    public float MinSilenceDuration;
    public float MinSpeechDuration;
    public int WindowSize;
    public float MaxSpeechDuration;
}

/// <summary><c>SherpaOnnxVadModelConfig</c>: silero_vad, sample_rate, num_threads, provider, debug, ten_vad.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeVadModelConfig
{
    public NativeSileroVadModelConfig SileroVad;
    public int SampleRate;
    public int NumThreads;
    public IntPtr Provider;
    public int Debug;

    /// <summary>Ten VAD settings; left all zero (model NULL) so the library uses Silero.</summary>
    public NativeSileroVadModelConfig TenVad;
}

/// <summary><c>SherpaOnnxSpeechSegment</c>: start (sample index), samples (float*), n.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeSpeechSegment
{
    public int Start;
    public IntPtr Samples;
    public int Count;
}
