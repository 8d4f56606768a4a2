using CallMonitor.Chinese.Matching;
using CallMonitor.Domain.Timeline;

namespace CallMonitor.Compliance.Engine.Matching;

/// <summary>One place where a phrase (or regular expression) of a rule's phrase set was found in an utterance.</summary>
/// <param name="Key">Identifies the phrase and its occurrence within the text (<c>p3#0</c>: phrase 3, first occurrence), so
/// a growing partial and its final can be matched up.</param>
/// <param name="Phrase">The phrase as the pack writes it (or the regular expression).</param>
/// <param name="Evidence">The original text of the hit.</param>
/// <param name="Span">Where on the audio timeline it was said.</param>
/// <param name="Confidence">Sound similarity times word confidence (0..1).</param>
/// <param name="SuppressedBy">The context exception that excused the hit, or null for a live hit.</param>
internal sealed record RuleHit(
    string Key,
    string Phrase,
    string Evidence,
    AudioInterval Span,
    MatchKind Kind,
    double Confidence,
    string? SuppressedBy)
{
    public bool IsSuppressed => SuppressedBy is not null;
}
