using Microsoft.Win32.SafeHandles;

namespace CallMonitor.Engines.SherpaOnnx.Kws;

/// <summary>Owns a <c>SherpaOnnxKeywordSpotter*</c>; destroys it exactly once, after its last stream.</summary>
internal sealed class KeywordSpotterHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public KeywordSpotterHandle()
        : base(ownsHandle: true)
    {
    }

    public KeywordSpotterHandle(IntPtr spotter)
        : base(ownsHandle: true)
    {
        SetHandle(spotter);
    }

    protected override bool ReleaseHandle()
    {
        KwsNativeMethods.DestroySpotter(handle);
        return true;
    }
}
