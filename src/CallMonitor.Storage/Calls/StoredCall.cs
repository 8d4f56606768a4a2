using CallMonitor.Compliance.Rules;

namespace CallMonitor.Storage.Calls;

/// <summary>A call as the store knows it: its start, its end once ended, and a summary of its live violations.</summary>
/// <param name="MaxSeverity">Highest severity among violations not retracted; null when there are none.</param>
/// <param name="ViolationCount">Number of distinct violations not retracted.</param>
public sealed record StoredCall(
    string CallId,
    string AgentId,
    string Team,
    DateTimeOffset StartedAt,
    CallAudioFormat AudioFormat,
    DateTimeOffset? EndedAt,
    bool Partial,
    string? PackId,
    string? PackVersion,
    RuleSeverity? MaxSeverity,
    int ViolationCount);
