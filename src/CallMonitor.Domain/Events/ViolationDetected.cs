using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Timeline;

namespace CallMonitor.Domain.Events;

/// <summary>
/// A compliance rule fired (or an alert was raised) on a stretch of the call. <see cref="CallEvent.Role"/> is the
/// speaker the rule judged; <see cref="CallEvent.Span"/> where on the audio timeline it happened.
/// </summary>
/// <param name="RuleId">Id of the rule in its pack (<c>forbidden.shirking</c>).</param>
/// <param name="Type">Wire name of the rule type (<c>forbidden_phrase</c>, <c>missing_greeting</c> …).</param>
/// <param name="Severity">Wire name of the rule's severity (<c>info</c>, <c>minor</c>, <c>major</c>, <c>critical</c>).</param>
/// <param name="Phrase">The rule's phrase that matched, as written in the pack, when a phrase matched.</param>
/// <param name="Evidence">What was said (original text) or measured, for the person reading the report.</param>
/// <param name="Sources">Where the evidence came from: "transcript", "vosk", "kws", "acoustic" …, without repeats.</param>
/// <param name="Confidence">How sure the engine is (0..1).</param>
/// <param name="PackId">Id of the rule pack that produced the violation.</param>
/// <param name="PackVersion">Version of that pack.</param>
/// <param name="State">Provisional, confirmed, or a retraction of an earlier provisional one.</param>
/// <param name="ViolationId">Stable per call, rule and place: every update of one violation carries the same id.</param>
public sealed record ViolationDetected(
    string CallId,
    SpeakerRole Role,
    AudioInterval Span,
    string RuleId,
    string Type,
    string Severity,
    string? Phrase,
    string Evidence,
    IReadOnlyList<string> Sources,
    double Confidence,
    string PackId,
    string PackVersion,
    ViolationState State,
    string ViolationId) : CallEvent(CallId, Role, Span);
