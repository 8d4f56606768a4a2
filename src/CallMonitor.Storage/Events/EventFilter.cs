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
}
