namespace CallMonitor.Models;

/// <summary>
/// Checks the native engine libraries that scripts/install-native.sh puts in &lt;repo&gt;/.native/&lt;lib&gt;/: reads the
/// marker it writes there and verifies each listed file's sha256.
/// </summary>
public sealed class NativeLibraryChecker
{
    /// <summary>The libraries scripts/install-native.sh installs.</summary>
    public static readonly IReadOnlyList<string> KnownLibraries = ["sherpa-onnx", "vosk"];

    private const string InstallCommand = "bash scripts/install-native.sh";

    public NativeLibraryChecker(string nativeDir)
    {
        ArgumentException.ThrowIfNullOrEmpty(nativeDir);
        NativeDir = Path.GetFullPath(nativeDir);
    }

    public string NativeDir { get; }

    /// <summary>A checker for &lt;repo&gt;/.native.</summary>
    public static NativeLibraryChecker CreateDefault() => new(ModelEnvironment.DefaultNativeDir());

    /// <summary>
    /// The status of <paramref name="expected"/> (default <see cref="KnownLibraries"/>) plus any other library
    /// folder that holds a marker, sorted by name.
    /// </summary>
    public IReadOnlyList<NativeLibraryStatus> GetAll(IEnumerable<string>? expected = null)
    {
        var names = new SortedSet<string>(expected ?? KnownLibraries, StringComparer.Ordinal);
        if (Directory.Exists(NativeDir))
        {
            foreach (var dir in Directory.EnumerateDirectories(NativeDir))
            {
                if (File.Exists(Path.Combine(dir, NativeMarker.JsonFileName)) || Directory.EnumerateFiles(dir, "*" + NativeMarker.LineMarkerSuffix).Any())
                {
                    names.Add(Path.GetFileName(dir));
                }
            }
        }

        return names.Select(GetStatus).ToList();
    }

    /// <summary>Checks one library folder, hashing every file its marker lists.</summary>
    public NativeLibraryStatus GetStatus(string library)
    {
        ArgumentException.ThrowIfNullOrEmpty(library);
        var dir = Path.Combine(NativeDir, library);
        NativeMarker? marker;
        try
        {
            marker = NativeMarker.Read(dir);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return new NativeLibraryStatus(library, NativeLibraryState.InvalidMarker, null, null, dir, [], $"unreadable marker: {e.Message}", $"{InstallCommand} --force");
        }

        if (marker is null)
        {
            var detail = Directory.Exists(dir) ? $"no marker ({NativeMarker.JsonFileName}) in {dir}" : $"not installed (no folder {dir})";
            return new NativeLibraryStatus(library, NativeLibraryState.Missing, null, null, dir, [], detail, InstallCommand);
        }

        var files = marker.Files.Keys.Order(StringComparer.Ordinal).ToList();
        if (marker.Package is null || marker.Version is null || files.Count == 0)
        {
            return new NativeLibraryStatus(library, NativeLibraryState.InvalidMarker, marker.Package, marker.Version, dir, files,
                $"{marker.MarkerPath} lacks package, version or files", $"{InstallCommand} --force");
        }

        var problems = new List<string>();
        foreach (var file in files)
        {
            var path = Path.GetFullPath(Path.Combine(dir, file));
            if (!File.Exists(path))
            {
                problems.Add($"{file} is missing");
            }
            else if (!FileHasher.SameHash(FileHasher.Sha256(path), marker.Files[file]))
            {
                problems.Add($"{file} has another sha256 than recorded");
            }
        }

        var package = $"{marker.Package}@{marker.Version}";
        return problems.Count == 0
            ? new NativeLibraryStatus(library, NativeLibraryState.Installed, marker.Package, marker.Version, dir, files,
                $"{package}: {string.Join(", ", files)} verified", null)
            : new NativeLibraryStatus(library, NativeLibraryState.Corrupt, marker.Package, marker.Version, dir, files,
                $"{package}: {string.Join("; ", problems)}", $"{InstallCommand} --force");
    }
}
