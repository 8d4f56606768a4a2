namespace CallMonitor.Compliance.Rules;

/// <summary>What a rule type takes: its phrase sets, its parameters, and whether it has exceptions or time-of-day salutations.</summary>
internal sealed record RuleSchema(
    RuleType Type,
    IReadOnlyList<SetSpec> Sets,
    IReadOnlyList<ParameterSpec> Parameters,
    bool AllowsExceptions = false,
    bool AllowsTimeOfDay = false);

/// <summary>A phrase set a rule type takes; <see cref="Spoken"/> sets are offered to the keyword spotter.</summary>
internal sealed record SetSpec(string Name, bool Required, bool Spoken);

/// <summary>A parameter a rule type takes, its inclusive range and its default (flags: 0 or 1).</summary>
internal sealed record ParameterSpec(string Name, ParameterKind Kind, double Min, double Max, double Default);

internal enum ParameterKind
{
    Number,
    Flag,
}
