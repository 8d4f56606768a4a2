namespace CallMonitor.Engines.SherpaOnnx.Native;

/// <summary>
/// Where the sherpa-onnx C library may live, in search order: next to the application, the folder named by
/// <c>CALLMONITOR_NATIVE_DIR</c> (or its <c>sherpa-onnx</c> subfolder), then <c>.native/sherpa-onnx</c> of the
/// nearest repository checkout above the application folder (where scripts/install-native.sh puts it).
/// </summary>
internal static class NativeLibraryLocator
{
    public const string NativeDirVariable = "CALLMONITOR_NATIVE_DIR";

    /// <summary>The platform file name of the sherpa-onnx C API library.</summary>
    public static string FileName
    {
        get
        {
            if (OperatingSystem.IsWindows())
            {
                return "sherpa-onnx-c-api.dll";
            }

            return OperatingSystem.IsMacOS() ? "libsherpa-onnx-c-api.dylib" : "libsherpa-onnx-c-api.so";
        }
    }

    public static IReadOnlyList<string> CandidateDirectories(string baseDirectory, string? nativeDirVariable)
    {
        var dirs = new List<string> { Path.GetFullPath(baseDirectory) };
        if (!string.IsNullOrWhiteSpace(nativeDirVariable))
        {
            var fromVariable = Path.GetFullPath(nativeDirVariable);
            dirs.Add(fromVariable);
            dirs.Add(Path.Combine(fromVariable, "sherpa-onnx"));
        }

        for (var dir = new DirectoryInfo(baseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".native", "sherpa-onnx");
            if (Directory.Exists(candidate))
            {
                dirs.Add(candidate);
                break;
            }
        }

        return dirs.Distinct(StringComparer.Ordinal).ToArray();
    }
}
