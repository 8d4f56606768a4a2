using Microsoft.Win32.SafeHandles;

namespace CallMonitor.Engines.Vosk.Native;

/// <summary>Owns one reference on a <c>VoskModel*</c>; vosk counts the recognizers' references itself.</summary>
internal sealed class VoskModelHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public VoskModelHandle()
        : base(ownsHandle: true)
    {
    }

    public VoskModelHandle(IntPtr model)
        : base(ownsHandle: true)
    {
        SetHandle(model);
    }

    protected override bool ReleaseHandle()
    {
        VoskNativeMethods.ModelFree(handle);
        return true;
    }
}
