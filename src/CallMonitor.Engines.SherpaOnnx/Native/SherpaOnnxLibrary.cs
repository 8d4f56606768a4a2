using System.Reflection;
using System.Runtime.InteropServices;
using CallMonitor.Domain.Errors;

namespace CallMonitor.Engines.SherpaOnnx.Native;

/// <summary>
/// Loads sherpa-onnx's C library (libsherpa-onnx-c-api.so, with libonnxruntime.so beside it) once per process
/// and answers what was loaded. Every engine in this assembly calls <see cref="EnsureLoaded"/> before its
/// first native call, so the search described on <see cref="NativeLibraryLocator"/> applies to all of them.
/// </summary>
public static class SherpaOnnxLibrary
{
    /// <summary>Engine name used in <see cref="EngineUnavailableException"/>s about the library itself.</summary>
    public const string EngineName = "sherpa-onnx";

    /// <summary>The sherpa-onnx release whose C structs this binding mirrors.</summary>
    public const string ExpectedVersion = "1.13.8";

    /// <summary>The name every <c>LibraryImport</c> in this assembly uses; the resolver maps it to the file found.</summary>
    internal const string ImportName = "sherpa-onnx-c-api";

    private static readonly Lock Gate = new();
    private static bool _resolverSet;
    private static IntPtr _handle;
    private static string? _loadedFrom;
    private static SherpaOnnxVersion? _version;

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

    /// <summary>Version, git commit and date the loaded library reports. Loads the library if needed.</summary>
    /// <exception cref="EngineUnavailableException">The library cannot be found or loaded.</exception>
    public static SherpaOnnxVersion Version
    {
        get
        {
            lock (Gate)
            {
                if (!TryLoadFile(out var error))
                {
                    throw new EngineUnavailableException(EngineName, error!);
                }

                return _version ??= new SherpaOnnxVersion(
                    VersionNativeMethods.CopyStatic(VersionNativeMethods.GetVersionStr()),
                    VersionNativeMethods.CopyStatic(VersionNativeMethods.GetGitSha1()),
                    VersionNativeMethods.CopyStatic(VersionNativeMethods.GetGitDate()),
                    VersionNativeMethods.CopyStatic(VersionNativeMethods.GetOnnxruntimeVersionStr()));
            }
        }
    }

    /// <summary>
    /// Tries to find and load the library, and checks that it is the release whose structs this binding mirrors
    /// (another release could lay them out differently). A failure is not cached: a later call searches again.
    /// </summary>
    /// <param name="error">Why it failed, naming the folders searched and what to run; null on success.</param>
    public static bool TryLoad(out string? error)
    {
        lock (Gate)
        {
            if (!TryLoadFile(out error))
            {
                return false;
            }

            var version = Version.Version;
            if (version != ExpectedVersion)
            {
                error = $"{_loadedFrom} is sherpa-onnx {version}, but this build mirrors the C structs of {ExpectedVersion}; "
                    + "run scripts/install-native.sh --force";
                return false;
            }

            return true;
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

    private static bool TryLoadFile(out string? error)
    {
        lock (Gate)
        {
            if (!_resolverSet)
            {
                NativeLibrary.SetDllImportResolver(typeof(SherpaOnnxLibrary).Assembly, Resolve);
                _resolverSet = true;
            }

            if (_handle != IntPtr.Zero)
            {
                error = null;
                return true;
            }

            var fileName = NativeLibraryLocator.FileName;
            var dirs = NativeLibraryLocator.CandidateDirectories(
                AppContext.BaseDirectory, Environment.GetEnvironmentVariable(NativeLibraryLocator.NativeDirVariable));
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
                    // Found but unusable (wrong architecture, libonnxruntime.so missing beside it): say so.
                    var reason = ex.Message.ReplaceLineEndings(" ").Trim();
                    error = $"{path} exists but cannot be loaded ({reason}); reinstall it with scripts/install-native.sh --force";
                    return false;
                }
            }

            error = $"{fileName} not found in {string.Join(", ", dirs)}; run scripts/install-native.sh "
                + $"or set {NativeLibraryLocator.NativeDirVariable} to the folder that holds it";
            return false;
        }
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != ImportName)
        {
            return IntPtr.Zero;
        }

        return TryLoadFile(out _) ? _handle : IntPtr.Zero;
    }
}
