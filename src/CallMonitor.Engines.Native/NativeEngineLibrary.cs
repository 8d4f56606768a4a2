using System.Reflection;
using System.Runtime.InteropServices;

namespace CallMonitor.Engines.Native;

/// <summary>
/// Finds and loads one native engine library (sherpa-onnx, libvosk) once per process, and points the
/// <c>LibraryImport</c>s of its binding assembly at the file found. Search order: next to the application, the folder
/// named by <c>CALLMONITOR_NATIVE_DIR</c> (or its engine subfolder), then <c>.native/&lt;engine&gt;</c> of the nearest
/// repository checkout above the application folder (where scripts/install-native.sh puts it).
/// </summary>
public sealed class NativeEngineLibrary
{
    public const string NativeDirVariable = "CALLMONITOR_NATIVE_DIR";

    private readonly Lock _gate = new();
    private readonly string _folderName;
    private readonly string _importName;
    private IntPtr _handle;
    private string? _loadedFrom;

    /// <param name="folderName">The engine's folder under .native/ and CALLMONITOR_NATIVE_DIR ("sherpa-onnx", "vosk").</param>
    /// <param name="importName">The library name the binding's <c>LibraryImport</c>s use.</param>
    /// <param name="binding">The assembly holding those imports.</param>
    /// <param name="linuxFile">File name on Linux; <paramref name="macFile"/> and <paramref name="windowsFile"/> elsewhere.</param>
    public NativeEngineLibrary(string folderName, string importName, Assembly binding, string linuxFile, string macFile, string windowsFile)
    {
        ArgumentNullException.ThrowIfNull(binding);
        _folderName = folderName;
        _importName = importName;
        FileName = OperatingSystem.IsWindows() ? windowsFile : OperatingSystem.IsMacOS() ? macFile : linuxFile;
        NativeLibrary.SetDllImportResolver(binding, Resolve);
    }

    /// <summary>The platform file name of the library.</summary>
    public string FileName { get; }

    /// <summary>Full path of the file loaded, or null before a successful load.</summary>
    public string? LoadedFrom
    {
        get
        {
            lock (_gate)
            {
                return _loadedFrom;
            }
        }
    }

    /// <summary>Finds and loads the library. A failure is not cached: a later call searches again.</summary>
    /// <param name="error">Why it failed, naming the folders searched and what to run; null on success.</param>
    public bool TryLoad(out string? error)
    {
        lock (_gate)
        {
            if (_handle != IntPtr.Zero)
            {
                error = null;
                return true;
            }

            var dirs = CandidateDirectories(AppContext.BaseDirectory, Environment.GetEnvironmentVariable(NativeDirVariable));
            foreach (var path in dirs.Select(dir => Path.Combine(dir, FileName)).Where(File.Exists))
            {
                try
                {
                    _handle = NativeLibrary.Load(path);
                    _loadedFrom = path;
                    error = null;
                    return true;
                }
                catch (Exception ex) when (ex is DllNotFoundException or BadImageFormatException)
                {
                    // Found but unusable (wrong architecture, a library it needs missing beside it): say so.
                    var reason = ex.Message.ReplaceLineEndings(" ").Trim();
                    error = $"{path} exists but cannot be loaded ({reason}); reinstall it with scripts/install-native.sh --force";
                    return false;
                }
            }

            error = $"{FileName} not found in {string.Join(", ", dirs)}; run scripts/install-native.sh "
                + $"or set {NativeDirVariable} to the folder that holds it";
            return false;
        }
    }

    /// <summary>The folders searched, in order, for an application in <paramref name="baseDirectory"/>.</summary>
    public IReadOnlyList<string> CandidateDirectories(string baseDirectory, string? nativeDirVariable)
    {
        var dirs = new List<string> { Path.GetFullPath(baseDirectory) };
        if (!string.IsNullOrWhiteSpace(nativeDirVariable))
        {
            var fromVariable = Path.GetFullPath(nativeDirVariable);
            dirs.Add(fromVariable);
            dirs.Add(Path.Combine(fromVariable, _folderName));
        }

        for (var dir = new DirectoryInfo(baseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".native", _folderName);
            if (Directory.Exists(candidate))
            {
                dirs.Add(candidate);
                break;
            }
        }

        return dirs.Distinct(StringComparer.Ordinal).ToArray();
    }

    private IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == _importName && TryLoad(out _) ? _handle : IntPtr.Zero;
}
