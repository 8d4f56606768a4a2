using CallMonitor.Compliance.Rules;

namespace CallMonitor.Storage.Events;

/// <summary>One record to append to the event log.</summary>
/// <param name="EventId">Unique id chosen by the producer; appending the same id again stores nothing new.</param>
/// <param name="ViolationType">Rule type wire name for violations (<c>forbidden_phrase</c> …); null otherwise.</param>
/// <param name="Severity">Violation severity; null for lifecycle events.</param>
/// <param name="PayloadJson">The event itself as JSON text, serialised by the caller.</param>
public sealed record EventRecord(
    string EventId,
    string CallId,
    string AgentId,
    string Team,
    EventKind Kind,
    string? ViolationType,
    RuleSeverity? Severity,
    string PayloadJson);
