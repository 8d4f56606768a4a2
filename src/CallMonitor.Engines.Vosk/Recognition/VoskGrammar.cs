using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CallMonitor.Engines.Vosk.Recognition;

/// <summary>
/// The phrase list vosk_recognizer_new_grm takes: a JSON array of strings with "[unk]" last, so speech outside the
/// list is reported as unknown rather than forced onto a phrase. Chinese is written as UTF-8, not \u escapes.
/// </summary>
internal static class VoskGrammar
{
    public const string Unknown = "[unk]";

    public static string ToJson(IEnumerable<string> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            foreach (var phrase in phrases.Append(Unknown).Distinct(StringComparer.Ordinal))
            {
                writer.WriteStringValue(phrase.Trim());
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
