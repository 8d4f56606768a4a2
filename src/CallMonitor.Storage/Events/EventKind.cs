namespace CallMonitor.Storage.Events;

/// <summary>What an event-log record announces. Wire names: <c>violation</c>, <c>call_started</c>, <c>call_ended</c>, <c>report_ready</c>.</summary>
public enum EventKind
{
    Violation,
    CallStarted,
    CallEnded,
    ReportReady,
}
