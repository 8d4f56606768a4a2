using System.Globalization;
using CallMonitor.Contracts.V1;

namespace CallMonitor.Cli.Client;

/// <summary>Supervision events as JSON lines: the envelope (position, eventId, agent, team, recordedAt), then the violation or lifecycle fields.</summary>
public static class EventLines
{
    public static void Write(JsonLineWriter output, ViolationEvent e)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(e);
        output.WriteLine(json =>
        {
            json.WriteString("kind", e.EventCase switch
            {
                ViolationEvent.EventOneofCase.Violation => "violation",
                ViolationEvent.EventOneofCase.Lifecycle => "lifecycle",
                _ => "unknown",
            });
            json.WriteNumber("position", e.Position);
            json.WriteString("eventId", e.EventId);
            json.WriteString("agent", e.AgentId);
            json.WriteString("team", e.Team);
            if (e.RecordedAt is { } at)
            {
                json.WriteString("recordedAt", at.ToDateTimeOffset().ToString("O", CultureInfo.InvariantCulture));
            }
            else
            {
                json.WriteNull("recordedAt");
            }

            switch (e.EventCase)
            {
                case ViolationEvent.EventOneofCase.Violation:
                    ViolationJson.Write(json, e.Violation);
                    break;
                case ViolationEvent.EventOneofCase.Lifecycle:
                    json.WriteString("callId", e.Lifecycle.CallId);
                    json.WriteString("lifecycle", e.Lifecycle.Kind);
                    json.WriteBoolean("partial", e.Lifecycle.Partial);
                    break;
                default:
                    break;
            }
        });
    }

    /// <summary>The subscriber fell behind; <paramref name="resumingAfter"/> is where the next subscription starts.</summary>
    public static void WriteFellBehind(JsonLineWriter output, FellBehind notice, long resumingAfter)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(notice);
        output.WriteLine(json =>
        {
            json.WriteString("kind", "fellBehind");
            json.WriteNumber("resumeAfter", notice.ResumeAfter);
            json.WriteNumber("dropped", notice.Dropped);
            json.WriteNumber("resumingAfter", resumingAfter);
            json.WriteString("message", "this console fell behind and the server dropped events for it; resubscribing to receive them from the log");
        });
    }
}
