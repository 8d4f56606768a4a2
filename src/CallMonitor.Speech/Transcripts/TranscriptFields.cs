using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CallMonitor.Speech.Transcripts;

/// <summary>Typed access to the fields of one transcript, each failure naming the source and the place.</summary>
internal sealed partial class TranscriptFields(string sourceName)
{
    /// <summary>Longest time accepted, in seconds: a call longer than a day is a unit mistake (ms, samples).</summary>
    public const double MaxSeconds = 24 * 60 * 60;

    public InvalidTranscriptException Error(string place, string problem) =>
        new(sourceName, place.Length == 0 ? "top level" : place, problem);

    public JsonElement? Optional(JsonElement obj, string name, string place)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            throw Error(place, $"must be a JSON object, not {Describe(obj)}");
        }

        return obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
    }

    public JsonElement Required(JsonElement obj, string name, string place) =>
        Optional(obj, name, place) ?? throw Error(Join(place, name), "is missing");

    public string RequiredString(JsonElement obj, string name, string place)
    {
        var value = Required(obj, name, place);
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Error(Join(place, name), $"must be a string, not {Describe(value)}");
    }

    public IReadOnlyList<JsonElement> Array(JsonElement value, string place) =>
        value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray()]
            : throw Error(place, $"must be a JSON array, not {Describe(value)}");

    /// <summary>A time in seconds from call start: a finite number in 0..<see cref="MaxSeconds"/>.</summary>
    public double Seconds(JsonElement obj, string name, string place)
    {
        var at = Join(place, name);
        var value = Required(obj, name, place);
        if (value.ValueKind != JsonValueKind.Number)
        {
            throw Error(at, $"must be a number of seconds from call start, not {Describe(value)}");
        }

        if (!value.TryGetDouble(out var seconds) || !double.IsFinite(seconds))
        {
            throw Error(at, $"{value.GetRawText()} is not a usable number");
        }

        if (seconds < 0)
        {
            throw Error(at, $"is negative ({Format(seconds)} s); times are seconds from call start");
        }

        return seconds <= MaxSeconds
            ? seconds
            : throw Error(at, $"{Format(seconds)} s is longer than a day; times must be seconds, not milliseconds or samples");
    }

    public double? Confidence(JsonElement obj, string name, string place)
    {
        if (Optional(obj, name, place) is not { } value)
        {
            return null;
        }

        var at = Join(place, name);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var conf) || !double.IsFinite(conf))
        {
            throw Error(at, $"must be a number between 0 and 1, not {Describe(value)}");
        }

        return conf is >= 0 and <= 1 ? conf : throw Error(at, $"{Format(conf)} is outside 0..1");
    }

    public DateTimeOffset? Timestamp(JsonElement obj, string name, string place)
    {
        if (Optional(obj, name, place) is not { } value)
        {
            return null;
        }

        var at = Join(place, name);
        const string Expected = "must be an ISO 8601 time with a UTC offset, e.g. \"2026-11-23T09:15:00+08:00\"";
        if (value.ValueKind != JsonValueKind.String
            || !OffsetSuffix().IsMatch(value.GetString()!)
            || !value.TryGetDateTimeOffset(out var time))
        {
            throw Error(at, $"{Expected}, not {Describe(value)}");
        }

        return time;
    }

    public static string Join(string place, string name) => place.Length == 0 ? name : $"{place}.{name}";

    public static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"\"{Shorten(value.GetString()!)}\"",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => Shorten(value.GetRawText()),
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "...");

    [GeneratedRegex(@"(Z|z|[+-]\d{2}:\d{2})$")]
    private static partial Regex OffsetSuffix();
}
