namespace CallMonitor.Compliance.Rules;

/// <summary>What a rule checks. Wire names (<c>forbidden_phrase</c> …) are in <see cref="RuleTypes"/>.</summary>
public enum RuleType
{
    ForbiddenPhrase,
    MissingGreeting,
    MissingClosing,
    AgentHungUpFirst,
    SpeechRateTooFast,
    SpeechRateTooSlow,
    LongSilence,
    HoldWithoutThanks,
    HoldTooLong,
    FillerWord,
    Interruption,
    SilentCallProtocol,
    RudeUtterance,
    EscalationCue,
}
