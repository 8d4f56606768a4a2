using CallMonitor.Domain.Errors;
using CallMonitor.Engines.Native;

namespace CallMonitor.Engines.SherpaOnnx.Native;

/// <summary>
/// Loads sherpa-onnx's C library (libsherpa-onnx-c-api.so, with libonnxruntime.so beside it) once per process
/// and answers what was loaded. Every engine in this assembly calls <see cref="EnsureLoaded"/> before its
/// first native call, so the search described on <see cref="NativeEngineLibrary"/> applies to all of them.
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
    private static SherpaOnnxVersion? _version;

    /// <summary>The library file and its search (see <see cref="NativeEngineLibrary"/>).</summary>
    internal static NativeEngineLibrary Native { get; } = new(
        "sherpa-onnx",
        ImportName,
        typeof(SherpaOnnxLibrary).Assembly,
        "libsherpa-onnx-c-api.so",
        "libsherpa-onnx-c-api.dylib",
        "sherpa-onnx-c-api.dll");

    /// <summary>Full path of the library file loaded, or null before a successful load.</summary>
    public static string? LoadedFrom => Native.LoadedFrom;

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
                error = $"{Native.LoadedFrom} is sherpa-onnx {version}, but this build mirrors the C structs of {ExpectedVersion}; "
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

    private static bool TryLoadFile(out string? error) => Native.TryLoad(out error);
}
