using System.Text;
using System.Text.Json;
using CallMonitor.Domain.Calls;

namespace CallMonitor.Speech.Transcripts;

/// <summary>
/// Reads a supplied transcript (<c>--transcript FILE</c>): JSON with <c>callId</c>, <c>segments</c> and optional
/// <c>startedAt</c> and <c>events</c>, times in seconds from call start. Everything is validated here, so later
/// stages can trust the document; any problem is an <see cref="InvalidTranscriptException"/> naming the place.
/// </summary>
/// <remarks>
/// Segments are sorted by start (stable: file order kept for equal starts); overlaps are allowed. A word may stick
/// out of its segment by at most <see cref="WordTolerance"/> (rounding in exported times) and is then clamped to
/// it; further out is an error, because it means the word belongs to another segment or the times are wrong.
/// Unknown properties are ignored.
/// </remarks>
public static class TranscriptReader
{
    /// <summary>How far (seconds) a word may lie outside its segment and still be clamped rather than rejected.</summary>
    public const double WordTolerance = 0.02;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 16,
    };

    /// <exception cref="InvalidTranscriptException">The file is missing, not JSON, or not a valid transcript.</exception>
    public static TranscriptDocument Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new InvalidTranscriptException(path, "file", "not found; check the --transcript path");
        }

        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <param name="sourceName">Named in error messages (usually the file path).</param>
    /// <exception cref="InvalidTranscriptException">The content is not JSON or not a valid transcript.</exception>
    public static TranscriptDocument Read(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(stream, DocumentOptions);
        }
        catch (JsonException ex)
        {
            var place = ex.LineNumber is { } line
                ? $"line {line + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}"
                : "content";
            throw new InvalidTranscriptException(sourceName, place, "is not valid JSON: " + ex.Message, ex);
        }

        using (json)
        {
            return Interpret(json.RootElement, new TranscriptFields(sourceName));
        }
    }

    /// <summary>Reads a transcript held in a string.</summary>
    public static TranscriptDocument Parse(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return Read(stream, sourceName);
    }

    private static TranscriptDocument Interpret(JsonElement root, TranscriptFields fields)
    {
        var callId = fields.RequiredString(root, "callId", "");
        if (string.IsNullOrWhiteSpace(callId))
        {
            throw fields.Error("callId", "is empty");
        }

        var startedAt = fields.Timestamp(root, "startedAt", "");
        var segmentItems = fields.Array(fields.Required(root, "segments", ""), "segments");
        var segments = segmentItems.Select((item, i) => ReadSegment(item, $"segments[{i}]", fields))
            .OrderBy(s => s.Start)
            .ToList();

        var events = new List<TranscriptEvent>();
        if (fields.Optional(root, "events", "") is { } eventList)
        {
            var eventItems = fields.Array(eventList, "events");
            events.AddRange(eventItems.Select((item, i) => ReadEvent(item, $"events[{i}]", fields)).OrderBy(e => e.At));
        }

        return new TranscriptDocument(callId, startedAt, segments, events);
    }

    private static TranscriptSegment ReadSegment(JsonElement item, string place, TranscriptFields fields)
    {
        var speaker = ReadParty(item, "speaker", place, fields);
        var start = fields.Seconds(item, "start", place);
        var end = fields.Seconds(item, "end", place);
        if (end < start)
        {
            throw fields.Error($"{place}.end", $"{TranscriptFields.Format(end)} s is before start {TranscriptFields.Format(start)} s");
        }

        var text = fields.RequiredString(item, "text", place);
        var words = new List<TranscriptWord>();
        if (fields.Optional(item, "words", place) is { } wordList)
        {
            var wordItems = fields.Array(wordList, $"{place}.words");
            for (var i = 0; i < wordItems.Count; i++)
            {
                words.Add(ReadWord(wordItems[i], $"{place}.words[{i}]", start, end, fields));
            }
        }

        return new TranscriptSegment(speaker, start, end, text, words);
    }

    private static TranscriptWord ReadWord(JsonElement item, string place, double segStart, double segEnd, TranscriptFields fields)
    {
        var text = fields.RequiredString(item, "text", place);
        var start = fields.Seconds(item, "start", place);
        var end = fields.Seconds(item, "end", place);
        if (end < start)
        {
            throw fields.Error($"{place}.end", $"{TranscriptFields.Format(end)} s is before start {TranscriptFields.Format(start)} s");
        }

        if (start < segStart - WordTolerance || end > segEnd + WordTolerance)
        {
            throw fields.Error(place, $"word '{text}' ({TranscriptFields.Format(start)}-{TranscriptFields.Format(end)} s) lies outside "
                + $"its segment ({TranscriptFields.Format(segStart)}-{TranscriptFields.Format(segEnd)} s)");
        }

        var confidence = fields.Confidence(item, "conf", place);
        return new TranscriptWord(text, Math.Clamp(start, segStart, segEnd), Math.Clamp(end, segStart, segEnd), confidence);
    }

    private static TranscriptEvent ReadEvent(JsonElement item, string place, TranscriptFields fields)
    {
        var type = fields.RequiredString(item, "type", place);
        if (!type.Trim().Equals("hangup", StringComparison.OrdinalIgnoreCase))
        {
            throw fields.Error($"{place}.type", $"unknown event type '{type}'; the only type is 'hangup'");
        }

        var by = ReadParty(item, "by", place, fields);
        var at = fields.Seconds(item, "at", place);
        return new TranscriptEvent(TranscriptEventType.Hangup, by, at);
    }

    private static SpeakerRole ReadParty(JsonElement item, string name, string place, TranscriptFields fields)
    {
        var text = fields.RequiredString(item, name, place);
        return SpeakerRoles.TryParse(text, out var role) && role is SpeakerRole.Agent or SpeakerRole.Customer
            ? role
            : throw fields.Error(TranscriptFields.Join(place, name), $"'{text}' is not a party of the call; use 'agent' or 'customer'");
    }
}
