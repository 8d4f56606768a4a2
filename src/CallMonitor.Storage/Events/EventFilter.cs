using CallMonitor.Compliance.Rules;

namespace CallMonitor.Storage.Events;

/// <summary>
/// Which events a reader wants. Every filter that is set must hold. Events without a severity or a violation type
/// (lifecycle events) do not pass a <see cref="MinSeverity"/> or <see cref="ViolationTypes"/> filter.
/// </summary>
public sealed record EventFilter
{
    /// <summary>No filtering: every event.</summary>
    public static EventFilter All { get; } = new();

    /// <summary>Events of any of these teams; null or empty for all teams.</summary>
    public IReadOnlyCollection<string>? Teams { get; init; }

    public string? AgentId { get; init; }

    public string? CallId { get; init; }

    public RuleSeverity? MinSeverity { get; init; }

    /// <summary>Violation types wanted; null or empty for all.</summary>
    public IReadOnlyCollection<string>? ViolationTypes { get; init; }

    /// <summary>Kinds wanted; null or empty for all.</summary>
    public IReadOnlyCollection<EventKind>? Kinds { get; init; }

    /// <summary>
    /// True when <paramref name="record"/> passes every filter that is set: the same test the event log applies when it
    /// reads, for live fan-out of events just appended.
    /// </summary>
    public bool Matches(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return (Teams is not { Count: > 0 } || Teams.Contains(record.Team))
            && (AgentId is null || AgentId == record.AgentId)
            && (CallId is null || CallId == record.CallId)
            && (MinSeverity is not { } minimum || (record.Severity is { } severity && severity >= minimum))
            && (ViolationTypes is not { Count: > 0 } || (record.ViolationType is { } type && ViolationTypes.Contains(type)))
            && (Kinds is not { Count: > 0 } || Kinds.Contains(record.Kind));
    }
}
