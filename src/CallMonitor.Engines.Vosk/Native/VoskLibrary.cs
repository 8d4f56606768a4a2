using CallMonitor.Domain.Errors;
using CallMonitor.Engines.Native;

namespace CallMonitor.Engines.Vosk.Native;

/// <summary>
/// Loads libvosk once per process (search order on <see cref="NativeEngineLibrary"/>) and answers what was loaded.
/// libvosk has no version call: <see cref="Version"/> comes from the install marker beside the library.
/// </summary>
public static class VoskLibrary
{
    /// <summary>Engine name used in <see cref="EngineUnavailableException"/>s and as the event source.</summary>
    public const string EngineName = "vosk";

    /// <summary>The name every <c>LibraryImport</c> in this assembly uses; the resolver maps it to the file found.</summary>
    internal const string ImportName = "vosk";

    /// <summary>The library file and its search (see <see cref="NativeEngineLibrary"/>).</summary>
    internal static NativeEngineLibrary Native { get; } = new(
        "vosk", ImportName, typeof(VoskLibrary).Assembly, "libvosk.so", "libvosk.dylib", "libvosk.dll");

    /// <summary>Full path of the library file loaded, or null before a successful load.</summary>
    public static string? LoadedFrom => Native.LoadedFrom;

    /// <summary>
    /// The release recorded by scripts/install-native.sh in <c>libvosk.so.installed</c> (beside the loaded file,
    /// else in the repository's .native/vosk), or "unknown". Loads the library if needed.
    /// </summary>
    /// <exception cref="EngineUnavailableException">The library cannot be found or loaded.</exception>
    public static string Version
    {
        get
        {
            EnsureLoaded();
            var loaded = LoadedFrom!;
            var version = VoskInstallMarker.ReadVersion(VoskInstallMarker.PathFor(loaded));
            if (version != VoskInstallMarker.Unknown)
            {
                return version;
            }

            var repoCopy = Native.CandidateDirectories(AppContext.BaseDirectory, null)
                .Select(dir => VoskInstallMarker.ReadVersion(VoskInstallMarker.PathFor(Path.Combine(dir, Path.GetFileName(loaded)))))
                .FirstOrDefault(v => v != VoskInstallMarker.Unknown);
            return repoCopy ?? VoskInstallMarker.Unknown;
        }
    }

    /// <summary>Tries to find and load the library. A failure is not cached: a later call searches again.</summary>
    /// <param name="error">Why it failed, naming the folders searched and what to run; null on success.</param>
    public static bool TryLoad(out string? error) => Native.TryLoad(out error);

    /// <summary>Loads the library or throws.</summary>
    /// <exception cref="EngineUnavailableException">The library cannot be found or loaded; the message says what to do.</exception>
    public static void EnsureLoaded()
    {
        if (!TryLoad(out var error))
        {
            throw new EngineUnavailableException(EngineName, error!);
        }
    }

    /// <summary>Sets Kaldi's log verbosity for the whole process: 0 info, -1 warnings and errors only, above 0 debug.</summary>
    /// <exception cref="EngineUnavailableException">The library cannot be found or loaded.</exception>
    public static void SetLogLevel(int level)
    {
        EnsureLoaded();
        VoskNativeMethods.SetLogLevel(level);
    }
}
