namespace CallMonitor.Compliance.Rules;

/// <summary>Wire names of <see cref="RuleType"/>, as written in rule packs and reports.</summary>
public static class RuleTypes
{
    private static readonly (RuleType Type, string Name)[] Names =
    [
        (RuleType.ForbiddenPhrase, "forbidden_phrase"),
        (RuleType.MissingGreeting, "missing_greeting"),
        (RuleType.MissingClosing, "missing_closing"),
        (RuleType.AgentHungUpFirst, "agent_hung_up_first"),
        (RuleType.SpeechRateTooFast, "speech_rate_too_fast"),
        (RuleType.SpeechRateTooSlow, "speech_rate_too_slow"),
        (RuleType.LongSilence, "long_silence"),
        (RuleType.HoldWithoutThanks, "hold_without_thanks"),
        (RuleType.HoldTooLong, "hold_too_long"),
        (RuleType.FillerWord, "filler_word"),
        (RuleType.Interruption, "interruption"),
        (RuleType.SilentCallProtocol, "silent_call_protocol"),
        (RuleType.RudeUtterance, "rude_utterance"),
        (RuleType.EscalationCue, "escalation_cue"),
    ];

    /// <summary>Every wire name, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Names.Select(n => n.Name)];

    public static string ToWireName(this RuleType type)
    {
        foreach (var (t, name) in Names)
        {
            if (t == type)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(type), type, "unknown rule type");
    }

    public static bool TryParse(string? name, out RuleType type)
    {
        foreach (var (t, n) in Names)
        {
            if (string.Equals(n, name, StringComparison.Ordinal))
            {
                type = t;
                return true;
            }
        }

        type = default;
        return false;
    }
}
