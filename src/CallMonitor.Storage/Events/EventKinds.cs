namespace CallMonitor.Storage.Events;

/// <summary>Wire names of <see cref="EventKind"/>, as stored and as sent to clients.</summary>
public static class EventKinds
{
    public static string WireName(EventKind kind) => kind switch
    {
        EventKind.Violation => "violation",
        EventKind.CallStarted => "call_started",
        EventKind.CallEnded => "call_ended",
        EventKind.ReportReady => "report_ready",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown event kind."),
    };

    public static EventKind Parse(string wireName) => wireName switch
    {
        "violation" => EventKind.Violation,
        "call_started" => EventKind.CallStarted,
        "call_ended" => EventKind.CallEnded,
        "report_ready" => EventKind.ReportReady,
        _ => throw new ArgumentException(
            $"Unknown event kind '{wireName}'; expected violation, call_started, call_ended or report_ready.", nameof(wireName)),
    };
}
