using CallMonitor.Domain.Calls;

namespace CallMonitor.Compliance.Rules;

/// <summary>
/// A phrase a keyword spotter should listen for on behalf of a rule.
/// </summary>
/// <param name="Text">Normalised text: simplified Chinese characters only, no punctuation or spaces.</param>
/// <param name="RuleId">The rule the phrase belongs to.</param>
/// <param name="RuleType">The rule's wire type name (<c>forbidden_phrase</c>, <c>missing_greeting</c> …).</param>
/// <param name="Role">Whose channel to listen on.</param>
/// <param name="KwsThreshold">Spotter trigger threshold for this phrase, or null for the spotter's default.</param>
/// <param name="KwsBoost">Spotter boosting score for this phrase, or null for the spotter's default.</param>
public sealed record SpokenPhrase(
    string Text,
    string RuleId,
    string RuleType,
    SpeakerRole Role,
    float? KwsThreshold,
    float? KwsBoost)
{
    /// <summary>
    /// The rule's phrase set the phrase comes from (<c>phrases</c>, <c>exceptions</c>, <c>salutations</c> …).
    /// A hit on an <c>exceptions</c> phrase is evidence against an overlapping hit of the same rule.
    /// </summary>
    public string Set { get; init; } = "phrases";
}
