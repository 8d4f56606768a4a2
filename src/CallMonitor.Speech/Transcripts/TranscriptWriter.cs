using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CallMonitor.Domain.Calls;

namespace CallMonitor.Speech.Transcripts;

/// <summary>
/// Writes a transcript in the shape <see cref="TranscriptReader"/> reads (camelCase, Chinese as is, optional parts
/// left out when empty), so a report's transcript can be fed back in with <c>--transcript</c>.
/// </summary>
public static class TranscriptWriter
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(TranscriptDocument document)
    {
        using var buffer = new MemoryStream();
        Write(document, buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes UTF-8 JSON (no byte-order mark) to <paramref name="stream"/>.</summary>
    public static void Write(TranscriptDocument document, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(stream);
        using var json = new Utf8JsonWriter(stream, WriterOptions);
        Write(document, json);
    }

    /// <summary>Writes the transcript as one JSON object at the writer's position (a report embeds it this way).</summary>
    public static void Write(TranscriptDocument document, Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject();
        json.WriteString("callId", document.CallId);
        if (document.StartedAt is { } startedAt)
        {
            json.WriteString("startedAt", startedAt);
        }

        json.WriteStartArray("segments");
        foreach (var segment in document.Segments)
        {
            WriteSegment(json, segment);
        }

        json.WriteEndArray();
        if (document.Events.Count > 0)
        {
            json.WriteStartArray("events");
            foreach (var e in document.Events)
            {
                json.WriteStartObject();
                json.WriteString("type", e.Type switch
                {
                    TranscriptEventType.Hangup => "hangup",
                    _ => throw new ArgumentOutOfRangeException(nameof(document), e.Type, "unknown transcript event type"),
                });
                json.WriteString("by", e.By.ToWireName());
                json.WriteNumber("at", e.At);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteSegment(Utf8JsonWriter json, TranscriptSegment segment)
    {
        json.WriteStartObject();
        json.WriteString("speaker", segment.Speaker.ToWireName());
        json.WriteNumber("start", segment.Start);
        json.WriteNumber("end", segment.End);
        json.WriteString("text", segment.Text);
        if (segment.Words.Count > 0)
        {
            json.WriteStartArray("words");
            foreach (var word in segment.Words)
            {
                json.WriteStartObject();
                json.WriteString("text", word.Text);
                json.WriteNumber("start", word.Start);
                json.WriteNumber("end", word.End);
                if (word.Confidence is { } conf)
                {
                    json.WriteNumber("conf", conf);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }
}
