using System.Text.Json.Serialization;

namespace CallMonitor.Engines.Vosk.Results;

// The JSON shapes vosk 0.3.x prints. Final results: {"text", "result":[words]} or, with max alternatives > 0,
// {"alternatives":[{"text", "confidence", "result":[words without conf]}]}. Partials: {"partial"} plus
// "partial_result":[words] when partial words are on. Times are seconds from the recognizer's first sample.

internal sealed record VoskJsonWord(
    [property: JsonPropertyName("word")] string? Word,
    [property: JsonPropertyName("start")] double Start,
    [property: JsonPropertyName("end")] double End,
    [property: JsonPropertyName("conf")] double? Conf);

internal sealed record VoskJsonAlternative(
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("confidence")] double? Confidence,
    [property: JsonPropertyName("result")] List<VoskJsonWord>? Result);

internal sealed record VoskJsonOutput(
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("result")] List<VoskJsonWord>? Result,
    [property: JsonPropertyName("alternatives")] List<VoskJsonAlternative>? Alternatives,
    [property: JsonPropertyName("partial")] string? Partial,
    [property: JsonPropertyName("partial_result")] List<VoskJsonWord>? PartialResult);

[JsonSerializable(typeof(VoskJsonOutput))]
internal sealed partial class VoskJsonContext : JsonSerializerContext;
