using CallMonitor.Domain.Events;

namespace CallMonitor.Speech.Transcripts;

/// <summary>Builds the transcript of a call from its events: the inverse of <see cref="TranscriptEvents.ToEvents"/>.</summary>
public static class TranscriptBuilder
{
    /// <summary>
    /// One segment per final utterance of <paramref name="source"/> (words and their times kept, times rounded to the
    /// millisecond) and one event per hang-up, in audio-time order.
    /// </summary>
    /// <param name="source">The engine whose text is the text of record ("vosk", "transcript").</param>
    public static TranscriptDocument FromEvents(string callId, DateTimeOffset? startedAt, IEnumerable<CallEvent> events, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(callId);
        ArgumentNullException.ThrowIfNull(events);
        var list = events as IReadOnlyCollection<CallEvent> ?? [.. events];
        var segments = list
            .OfType<UtteranceRecognized>()
            .Where(u => u.Source == source)
            .OrderBy(u => u.Span.Start)
            .Select(u => new TranscriptSegment(
                u.Role,
                Seconds(u.Span.Start),
                Seconds(u.Span.End),
                u.Text,
                [.. u.Words.Select(w => new TranscriptWord(w.Text, Seconds(w.Span.Start), Seconds(w.Span.End), w.Confidence))]))
            .ToList();
        var hangups = list
            .OfType<CallHungUp>()
            .OrderBy(h => h.Span.Start)
            .Select(h => new TranscriptEvent(TranscriptEventType.Hangup, h.Role, Seconds(h.Span.Start)))
            .ToList();
        return new TranscriptDocument(callId, startedAt, segments, hangups);
    }

    private static double Seconds(TimeSpan time) => Math.Round(time.TotalSeconds, 3);
}
