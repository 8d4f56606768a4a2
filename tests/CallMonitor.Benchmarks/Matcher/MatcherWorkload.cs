using System.Text;
using System.Text.Json;

namespace CallMonitor.Benchmarks.Matcher;

/// <summary>
/// Utterance-sized lines of text for the throughput run: every segment of the corpus transcripts and the sentences of
/// the seed standards (which quote the forbidden phrases, in simplified and traditional characters), repeated in
/// order until the lines hold the requested number of UTF-8 bytes.
/// </summary>
internal static class MatcherWorkload
{
    private static readonly char[] SentenceEnds = ['。', '！', '？', '；', '\n'];

    /// <exception cref="InvalidOperationException">Neither the corpus nor the seeds gave any text.</exception>
    public static IReadOnlyList<string> Build(string? corpus, string? seeds, long bytes)
    {
        var source = new List<string>();
        if (corpus is not null && Directory.Exists(corpus))
        {
            foreach (var file in Directory.GetFiles(corpus, "*.transcript.json").Order(StringComparer.Ordinal))
            {
                using var json = JsonDocument.Parse(File.ReadAllText(file));
                source.AddRange(json.RootElement.GetProperty("segments").EnumerateArray()
                    .Select(s => s.GetProperty("text").GetString() ?? string.Empty));
            }
        }

        if (seeds is not null && Directory.Exists(seeds))
        {
            foreach (var file in Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal))
            {
                source.AddRange(File.ReadAllText(file).Split(SentenceEnds, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .SelectMany(s => Chunks(s, 80)));
            }
        }

        source.RemoveAll(string.IsNullOrWhiteSpace);
        if (source.Count == 0)
        {
            throw new InvalidOperationException("no text for the matcher benchmark: neither corpus transcripts nor seed documents were found");
        }

        var lines = new List<string>();
        long total = 0;
        for (var i = 0; total < bytes; i++)
        {
            var line = source[i % source.Count];
            lines.Add(line);
            total += Encoding.UTF8.GetByteCount(line);
        }

        return lines;
    }

    /// <summary>Long seed paragraphs cut into utterance-sized pieces.</summary>
    private static IEnumerable<string> Chunks(string text, int size)
    {
        for (var i = 0; i < text.Length; i += size)
        {
            yield return text.Substring(i, Math.Min(size, text.Length - i));
        }
    }
}
