using System.Text.Json;

namespace CallMonitor.Models;

// What scripts/install-native.sh recorded for one library folder. Two spellings are read:
//   installed.json    {"package": "...", "version": "...", "files": {"libx.so": "<sha256>", ...}}
//   <file>.installed  key=value lines: package=, version=, file=, sha256= (one marker per library file)
internal sealed record NativeMarker(string? Package, string? Version, IReadOnlyDictionary<string, string> Files, string MarkerPath)
{
    public const string JsonFileName = "installed.json";
    public const string LineMarkerSuffix = ".installed";

    // Null when the folder has no marker at all; throws InvalidDataException for a marker that cannot be used.
    public static NativeMarker? Read(string dir)
    {
        var json = Path.Combine(dir, JsonFileName);
        if (File.Exists(json))
        {
            return ReadJson(json);
        }

        var lines = Directory.Exists(dir) ? Directory.GetFiles(dir, "*" + LineMarkerSuffix).Order(StringComparer.Ordinal).ToList() : [];
        return lines.Count == 0 ? null : ReadLineMarkers(dir, lines);
    }

    private static NativeMarker ReadJson(string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var root = doc.RootElement;
            var files = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("files", out var list) && list.ValueKind == JsonValueKind.Object)
            {
                foreach (var item in list.EnumerateObject())
                {
                    files[item.Name] = item.Value.GetString() ?? throw new InvalidDataException($"{path}: files.{item.Name} is not a sha256 string");
                }
            }

            return new NativeMarker(Text(root, "package"), Text(root, "version"), files, path);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static NativeMarker ReadLineMarkers(string dir, List<string> markers)
    {
        string? package = null, version = null;
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var marker in markers)
        {
            var values = File.ReadAllLines(marker)
                .Select(l => l.Split('=', 2))
                .Where(p => p.Length == 2)
                .GroupBy(p => p[0].Trim(), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Last()[1].Trim(), StringComparer.Ordinal);
            package ??= values.GetValueOrDefault("package");
            version ??= values.GetValueOrDefault("version");
            var file = values.GetValueOrDefault("file") ?? Path.GetFileName(marker)[..^LineMarkerSuffix.Length];
            files[file] = values.GetValueOrDefault("sha256") ?? throw new InvalidDataException($"{marker}: no sha256= line");
        }

        return new NativeMarker(package, version, files, Path.Combine(dir, "*" + LineMarkerSuffix));
    }
}
