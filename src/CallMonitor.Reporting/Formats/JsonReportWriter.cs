using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CallMonitor.Reporting.Reports;

namespace CallMonitor.Reporting.Formats;

/// <summary>Writes reports as indented camelCase JSON, Chinese text kept readable.</summary>
public static class JsonReportWriter
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new TranscriptJsonConverter() },
    };

    public static string Write(CallReport report) => JsonSerializer.Serialize(report, Options);
}
