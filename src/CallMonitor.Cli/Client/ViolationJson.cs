using System.Text.Json;
using CallMonitor.Contracts.V1;

namespace CallMonitor.Cli.Client;

/// <summary>The fields of a violation on a JSON line, named as in the JSON report (ruleId, type, severity...).</summary>
public static class ViolationJson
{
    public static void Write(Utf8JsonWriter json, Violation violation)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(violation);
        json.WriteString("callId", violation.CallId);
        json.WriteString("violationId", violation.ViolationId);
        json.WriteString("state", WireNames.Of(violation.State));
        json.WriteString("ruleId", violation.RuleId);
        json.WriteString("type", violation.Type);
        json.WriteString("severity", WireNames.Of(violation.Severity));
        json.WriteString("speaker", WireNames.Of(violation.Speaker));
        json.WriteNumber("start", Math.Round(violation.Span?.Start ?? 0, 3));
        json.WriteNumber("end", Math.Round(violation.Span?.End ?? 0, 3));
        if (string.IsNullOrEmpty(violation.Phrase))
        {
            json.WriteNull("phrase");
        }
        else
        {
            json.WriteString("phrase", violation.Phrase);
        }

        json.WriteString("evidence", violation.Evidence);
        json.WriteStartArray("sources");
        foreach (var source in violation.Sources)
        {
            json.WriteStringValue(source);
        }

        json.WriteEndArray();
        json.WriteNumber("confidence", Math.Round(violation.Confidence, 3));
        json.WriteString("packId", violation.PackId);
        json.WriteString("packVersion", violation.PackVersion);
    }
}
