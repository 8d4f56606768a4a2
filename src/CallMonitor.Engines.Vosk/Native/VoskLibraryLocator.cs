namespace CallMonitor.Engines.Vosk.Native;

/// <summary>
/// Where libvosk may live, in search order: next to the application, the folder named by
/// <c>CALLMONITOR_NATIVE_DIR</c> (or its <c>vosk</c> subfolder), then <c>.native/vosk</c> of the nearest
/// repository checkout above the application folder (where scripts/install-native.sh puts it).
/// </summary>
internal static class VoskLibraryLocator
{
    public const string NativeDirVariable = "CALLMONITOR_NATIVE_DIR";

    /// <summary>The platform file name of the Vosk library.</summary>
    public static string FileName
    {
        get
        {
            if (OperatingSystem.IsWindows())
            {
                return "libvosk.dll";
            }

            return OperatingSystem.IsMacOS() ? "libvosk.dylib" : "libvosk.so";
        }
    }

    public static IReadOnlyList<string> CandidateDirectories(string baseDirectory, string? nativeDirVariable)
    {
        var dirs = new List<string> { Path.GetFullPath(baseDirectory) };
        if (!string.IsNullOrWhiteSpace(nativeDirVariable))
        {
            var fromVariable = Path.GetFullPath(nativeDirVariable);
            dirs.Add(fromVariable);
            dirs.Add(Path.Combine(fromVariable, "vosk"));
        }

        for (var dir = new DirectoryInfo(baseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".native", "vosk");
            if (Directory.Exists(candidate))
            {
                dirs.Add(candidate);
                break;
            }
        }

        return dirs.Distinct(StringComparer.Ordinal).ToArray();
    }
}
