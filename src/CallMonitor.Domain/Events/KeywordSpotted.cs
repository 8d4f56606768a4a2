using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Timeline;

namespace CallMonitor.Domain.Events;

/// <summary>A keyword spotter heard one of the phrases it listens for.</summary>
/// <param name="Phrase">The phrase as written in the rule pack (Chinese).</param>
/// <param name="Tokens">The engine's spelling of it (e.g. pinyin initials and finals).</param>
/// <param name="Score">The engine's confidence, when it gives one.</param>
public sealed record KeywordSpotted(
    string CallId,
    SpeakerRole Role,
    AudioInterval Span,
    string Phrase,
    string Tokens,
    double? Score,
    string Source) : CallEvent(CallId, Role, Span);
