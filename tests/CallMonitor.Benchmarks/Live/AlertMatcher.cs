using System.Diagnostics;
using CallMonitor.Contracts.V1;

namespace CallMonitor.Benchmarks.Live;

/// <summary>
/// Pairs the forbidden phrases planted in a call with the forbidden_phrase violations a client received for it:
/// same type, agent side, violation end within <see cref="ToleranceSeconds"/> of the phrase's end in the audio truth.
/// </summary>
internal static class AlertMatcher
{
    public const string ForbiddenPhrase = "forbidden_phrase";
    public const double ToleranceSeconds = 1.0;

    public static IReadOnlyList<AlertMatch> Match(IReadOnlyList<PlantedAlert> planted, IReadOnlyList<ReceivedViolation> received, SentAudioLog sent)
    {
        ArgumentNullException.ThrowIfNull(planted);
        ArgumentNullException.ThrowIfNull(sent);
        var forbidden = Forbidden(received);
        return [.. planted.Select(p => MatchOne(p, forbidden.Where(v => Near(v, p)).ToList(), sent))];
    }

    /// <summary>Forbidden-phrase violations (distinct ids, not finally retracted) near no planted phrase: false alarms.</summary>
    public static int Unmatched(IReadOnlyList<PlantedAlert> planted, IReadOnlyList<ReceivedViolation> received)
    {
        ArgumentNullException.ThrowIfNull(planted);
        return Forbidden(received)
            .GroupBy(v => v.Violation.ViolationId, StringComparer.Ordinal)
            .Count(g => g.Last().Violation.State != ViolationState.Retracted && !planted.Any(p => g.Any(v => Near(v, p))));
    }

    private static List<ReceivedViolation> Forbidden(IReadOnlyList<ReceivedViolation> received)
    {
        ArgumentNullException.ThrowIfNull(received);
        return [.. received.Where(v => v.Violation.Type == ForbiddenPhrase && v.Violation.Speaker == Speaker.Agent).OrderBy(v => v.Arrival)];
    }

    private static bool Near(ReceivedViolation v, PlantedAlert p) => Math.Abs(v.Violation.Span.End - p.End) <= ToleranceSeconds;

    private static AlertMatch MatchOne(PlantedAlert planted, List<ReceivedViolation> matching, SentAudioLog sent)
    {
        if (sent.SentAt(planted.End) is not { } audioSent)
        {
            return new AlertMatch(planted, null, null, null, Withdrawn: false);
        }

        double? Latency(ReceivedViolation? v) => v is null ? null : Stopwatch.GetElapsedTime(audioSent, v.Arrival).TotalSeconds;
        var speechSent = sent.SentAt(planted.SpeechEnd) ?? audioSent;
        var first = matching.Find(v => v.Violation.State != ViolationState.Retracted);
        var confirmed = matching.Find(v => v.Violation.State == ViolationState.Confirmed);
        var withdrawn = first is not null && matching.GroupBy(v => v.Violation.ViolationId, StringComparer.Ordinal)
            .All(g => g.Last().Violation.State == ViolationState.Retracted);
        var fromSpeechEnd = first is null ? (double?)null : Stopwatch.GetElapsedTime(speechSent, first.Arrival).TotalSeconds;
        return new AlertMatch(planted, Latency(first), fromSpeechEnd, Latency(confirmed), withdrawn);
    }
}
