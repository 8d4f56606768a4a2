using System.Text.Json;

namespace CallMonitor.Compliance.Tests.Corpus;

/// <summary>An expected-violations file of the corpus, read field by field so a malformed file fails with its name.</summary>
internal sealed record ExpectedFile(string CallId, string Description, string? Audio, IReadOnlyList<ExpectedFile.Violation> Violations)
{
    public static ExpectedFile Read(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var root = json.RootElement;
        return new ExpectedFile(
            Text(root, "callId") ?? string.Empty,
            Text(root, "description") ?? string.Empty,
            Text(root, "audio"),
            [.. root.GetProperty("violations").EnumerateArray().Select(v => new Violation(
                Text(v, "type") ?? string.Empty,
                Text(v, "speaker") ?? string.Empty,
                v.TryGetProperty("start", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : double.NaN,
                v.TryGetProperty("end", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetDouble() : double.NaN,
                Text(v, "note") ?? string.Empty))]);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public sealed record Violation(string Type, string Speaker, double Start, double End, string Note);
}
