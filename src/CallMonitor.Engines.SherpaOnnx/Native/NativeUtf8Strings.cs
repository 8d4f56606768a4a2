using System.Runtime.InteropServices;

namespace CallMonitor.Engines.SherpaOnnx.Native;

/// <summary>
/// NUL-terminated UTF-8 copies of strings for the <c>const char*</c> fields of a config struct. The C API copies
/// every config string while it creates the engine, so the copies live only until this object is disposed,
/// right after the create call. Empty or null strings become NULL, which the C API reads as "not set".
/// </summary>
internal sealed class NativeUtf8Strings : IDisposable
{
    private readonly List<IntPtr> _allocations = [];

    public IntPtr Add(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return IntPtr.Zero;
        }

        var pointer = Marshal.StringToCoTaskMemUTF8(value);
        _allocations.Add(pointer);
        return pointer;
    }

    public void Dispose()
    {
        foreach (var pointer in _allocations)
        {
            Marshal.FreeCoTaskMem(pointer);
        }

        _allocations.Clear();
    }
}
