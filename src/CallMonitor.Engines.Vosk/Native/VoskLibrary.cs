using System.Reflection;
using System.Runtime.InteropServices;
using CallMonitor.Domain.Errors;

namespace CallMonitor.Engines.Vosk.Native;

/// <summary>
/// Loads libvosk once per process (search order on <see cref="VoskLibraryLocator"/>) and answers what was loaded.
/// libvosk has no version call: <see cref="Version"/> comes from the install marker beside the library.
/// </summary>
public static class VoskLibrary
{
    /// <summary>Engine name used in <see cref="EngineUnavailableException"/>s and as the event source.</summary>
    public const string EngineName = "vosk";

    /// <summary>The name every <c>LibraryImport</c> in this assembly uses; the resolver maps it to the file found.</summary>
    internal const string ImportName = "vosk";

    private static readonly Lock Gate = new();
    private static bool _resolverSet;
    private static IntPtr _handle;
    private static string? _loadedFrom;

    /// <summary>Full path of the library file loaded, or null before a successful load.</summary>
    public static string? LoadedFrom
    {
        get
        {
            lock (Gate)
            {
                return _loadedFrom;
            }
        }
    }

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

            var repoCopy = VoskLibraryLocator.CandidateDirectories(AppContext.BaseDirectory, null)
                .Select(dir => VoskInstallMarker.ReadVersion(VoskInstallMarker.PathFor(Path.Combine(dir, Path.GetFileName(loaded)))))
                .FirstOrDefault(v => v != VoskInstallMarker.Unknown);
            return repoCopy ?? VoskInstallMarker.Unknown;
        }
    }

    /// <summary>Tries to find and load the library. A failure is not cached: a later call searches again.</summary>
    /// <param name="error">Why it failed, naming the folders searched and what to run; null on success.</param>
    public static bool TryLoad(out string? error)
    {
        lock (Gate)
        {
            if (!_resolverSet)
            {
                NativeLibrary.SetDllImportResolver(typeof(VoskLibrary).Assembly, Resolve);
                _resolverSet = true;
            }

            if (_handle != IntPtr.Zero)
            {
                error = null;
                return true;
            }

            var fileName = VoskLibraryLocator.FileName;
            var dirs = VoskLibraryLocator.CandidateDirectories(
                AppContext.BaseDirectory, Environment.GetEnvironmentVariable(VoskLibraryLocator.NativeDirVariable));
            foreach (var dir in dirs)
            {
                var path = Path.Combine(dir, fileName);
                if (!File.Exists(path))
                {
                    continue;
                }

                try
                {
                    _handle = NativeLibrary.Load(path);
                    _loadedFrom = path;
                    error = null;
                    return true;
                }
                catch (Exception ex) when (ex is DllNotFoundException or BadImageFormatException)
                {
                    var reason = ex.Message.ReplaceLineEndings(" ").Trim();
                    error = $"{path} exists but cannot be loaded ({reason}); reinstall it with scripts/install-native.sh --force";
                    return false;
                }
            }

            error = $"{fileName} not found in {string.Join(", ", dirs)}; run scripts/install-native.sh "
                + $"or set {VoskLibraryLocator.NativeDirVariable} to the folder that holds it";
            return false;
        }
    }

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

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != ImportName)
        {
            return IntPtr.Zero;
        }

        return TryLoad(out _) ? _handle : IntPtr.Zero;
    }
}
