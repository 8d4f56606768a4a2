using Microsoft.Win32.SafeHandles;

namespace CallMonitor.Engines.SherpaOnnx.Vad;

/// <summary>Owns a <c>SherpaOnnxVoiceActivityDetector*</c>; destroys it exactly once.</summary>
internal sealed class VoiceActivityDetectorHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public VoiceActivityDetectorHandle()
        : base(ownsHandle: true)
    {
    }

    public VoiceActivityDetectorHandle(IntPtr detector)
        : base(ownsHandle: true)
    {
        SetHandle(detector);
    }

    protected override bool ReleaseHandle()
    {
        VadNativeMethods.Destroy(handle);
        return true;
    }
}
