namespace CallMonitor.Engines.Vosk.Native;

/// <summary>
/// The marker scripts/install-native.sh writes beside the library (<c>libvosk.so.installed</c>): <c>key=value</c>
/// lines such as <c>version=0.3.39</c>. libvosk has no version call, so this is the only record of the release.
/// </summary>
internal static class VoskInstallMarker
{
    public const string Unknown = "unknown";

    /// <summary>The marker path for a library file.</summary>
    public static string PathFor(string libraryPath) => libraryPath + ".installed";

    /// <summary>The <c>version</c> value of the marker, or "unknown" when the file or the key is missing.</summary>
    public static string ReadVersion(string markerPath)
    {
        if (!File.Exists(markerPath))
        {
            return Unknown;
        }

        foreach (var line in File.ReadLines(markerPath))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            if (line.AsSpan(0, equals).Trim().SequenceEqual("version"))
            {
                var value = line[(equals + 1)..].Trim();
                return value.Length > 0 ? value : Unknown;
            }
        }

        return Unknown;
    }
}
