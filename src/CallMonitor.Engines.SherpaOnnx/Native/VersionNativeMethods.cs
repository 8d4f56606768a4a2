using System.Runtime.InteropServices;

namespace CallMonitor.Engines.SherpaOnnx.Native;

/// <summary>
/// Version queries of the C API. Each returns a pointer to a static NUL-terminated UTF-8 string owned by the
/// library: copy it, never free it.
/// </summary>
internal static partial class VersionNativeMethods
{
    [LibraryImport(SherpaOnnxLibrary.ImportName, EntryPoint = "SherpaOnnxGetVersionStr")]
    public static partial IntPtr GetVersionStr();

    [LibraryImport(SherpaOnnxLibrary.ImportName, EntryPoint = "SherpaOnnxGetGitSha1")]
    public static partial IntPtr GetGitSha1();

    [LibraryImport(SherpaOnnxLibrary.ImportName, EntryPoint = "SherpaOnnxGetGitDate")]
    public static partial IntPtr GetGitDate();

    [LibraryImport(SherpaOnnxLibrary.ImportName, EntryPoint = "SherpaOnnxGetOnnxruntimeVersionStr")]
    public static partial IntPtr GetOnnxruntimeVersionStr();

    public static string CopyStatic(IntPtr utf8) => Marshal.PtrToStringUTF8(utf8) ?? string.Empty;
}
