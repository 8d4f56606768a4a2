using System.Text.Json;
using System.Text.Json.Serialization;
using CallMonitor.Speech.Transcripts;

namespace CallMonitor.Reporting.Formats;

/// <summary>Writes a report's transcript with <see cref="TranscriptWriter"/>, so it has exactly the shape <c>--transcript</c> reads.</summary>
internal sealed class TranscriptJsonConverter : JsonConverter<TranscriptDocument>
{
    public override TranscriptDocument Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("read transcripts with TranscriptReader");

    public override void Write(Utf8JsonWriter writer, TranscriptDocument value, JsonSerializerOptions options) =>
        TranscriptWriter.Write(value, writer);
}
