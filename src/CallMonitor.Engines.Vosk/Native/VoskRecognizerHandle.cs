using Microsoft.Win32.SafeHandles;

namespace CallMonitor.Engines.Vosk.Native;

/// <summary>Owns a <c>VoskRecognizer*</c> (which holds its own reference on the model); frees it exactly once.</summary>
internal sealed class VoskRecognizerHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public VoskRecognizerHandle()
        : base(ownsHandle: true)
    {
    }

    public VoskRecognizerHandle(IntPtr recognizer)
        : base(ownsHandle: true)
    {
        SetHandle(recognizer);
    }

    protected override bool ReleaseHandle()
    {
        VoskNativeMethods.RecognizerFree(handle);
        return true;
    }
}
