using CallMonitor.Domain.Errors;
using Microsoft.Win32.SafeHandles;

namespace CallMonitor.Engines.SherpaOnnx.Kws;

/// <summary>
/// Owns a keyword stream (<c>SherpaOnnxOnlineStream*</c>). It holds a reference on its spotter's handle, so the
/// spotter outlives every stream even when the engine is disposed first.
/// </summary>
internal sealed class KeywordStreamHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    private readonly KeywordSpotterHandle? _spotter;

    public KeywordStreamHandle()
        : base(ownsHandle: true)
    {
    }

    private KeywordStreamHandle(KeywordSpotterHandle spotter)
        : base(ownsHandle: true)
    {
        _spotter = spotter;
    }

    /// <summary>Creates a stream with <paramref name="create"/> while holding a reference on the spotter.</summary>
    /// <exception cref="EngineUnavailableException">The library returned NULL.</exception>
    public static KeywordStreamHandle Create(KeywordSpotterHandle spotter, Func<KeywordSpotterHandle, IntPtr> create)
    {
        var added = false;
        spotter.DangerousAddRef(ref added);
        var owner = new KeywordStreamHandle(spotter);
        var stream = create(spotter);
        if (stream == IntPtr.Zero)
        {
            spotter.DangerousRelease();
            owner.SetHandleAsInvalid();
            throw new EngineUnavailableException(
                KeywordSpotterEngine.EngineName, "sherpa-onnx could not create a keyword stream; run with Debug = true to see why");
        }

        owner.SetHandle(stream);
        return owner;
    }

    protected override bool ReleaseHandle()
    {
        KwsNativeMethods.DestroyStream(handle);
        _spotter?.DangerousRelease();
        return true;
    }
}
