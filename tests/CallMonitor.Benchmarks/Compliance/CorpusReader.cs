using System.Text.Json;
using CallMonitor.Benchmarks.Cli;

namespace CallMonitor.Benchmarks.Compliance;

/// <summary>Reads the corpus folder (<c>tests/corpus/calls</c>): every <c>*.expected.json</c> with its transcript.</summary>
internal static class CorpusReader
{
    public const string ExpectedSuffix = ".expected.json";
    public const string TranscriptSuffix = ".transcript.json";
    public const string RenderPrefix = "render:";

    /// <exception cref="BenchUsageException">The folder is missing or holds no calls.</exception>
    /// <exception cref="InvalidDataException">An expected file is malformed; the message names the file and field.</exception>
    public static IReadOnlyList<CorpusCall> Read(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new BenchUsageException($"corpus folder {Path.GetFullPath(folder)} not found; pass --corpus tests/corpus/calls");
        }

        var files = Directory.GetFiles(folder, "*" + ExpectedSuffix).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new BenchUsageException($"no *{ExpectedSuffix} files in {Path.GetFullPath(folder)}");
        }

        return [.. files.Select(ReadCall)];
    }

    private static CorpusCall ReadCall(string path)
    {
        var name = Path.GetFileName(path)[..^ExpectedSuffix.Length];
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var root = json.RootElement;
        var audio = root.TryGetProperty("audio", out var a) ? a.GetString() : null;
        string? script = null;
        if (audio is not null)
        {
            script = audio.StartsWith(RenderPrefix, StringComparison.Ordinal)
                ? audio[RenderPrefix.Length..]
                : throw new InvalidDataException($"{path}: \"audio\" must be \"{RenderPrefix}<script name>\", got \"{audio}\"");
        }

        var transcript = Path.Combine(Path.GetDirectoryName(path)!, name + TranscriptSuffix);
        var expected = root.GetProperty("violations").EnumerateArray().Select((v, i) => new ExpectedViolation(
            Text(v, "type", path, i),
            Text(v, "speaker", path, i),
            v.GetProperty("start").GetDouble(),
            v.GetProperty("end").GetDouble(),
            v.TryGetProperty("note", out var note) ? note.GetString() ?? string.Empty : string.Empty)).ToList();
        return new CorpusCall(
            name,
            Text(root, "callId", path, -1),
            root.TryGetProperty("description", out var d) ? d.GetString() ?? string.Empty : string.Empty,
            File.Exists(transcript) ? transcript : null,
            script,
            expected);
    }

    private static string Text(JsonElement element, string property, string path, int index) =>
        element.TryGetProperty(property, out var value) && value.GetString() is { Length: > 0 } text
            ? text
            : throw new InvalidDataException($"{path}: {(index < 0 ? "the call" : $"violation {index}")} has no \"{property}\"");
}
