using CallMonitor.Domain.Events;
using CallMonitor.Domain.Timeline;

namespace CallMonitor.Speech.Transcripts;

/// <summary>Turns a transcript into the domain events the compliance rules consume.</summary>
public static class TranscriptEvents
{
    /// <summary><see cref="UtteranceRecognized.Source"/> of utterances that came from a supplied transcript.</summary>
    public const string Source = "transcript";

    /// <summary>
    /// One <see cref="UtteranceRecognized"/> per segment and one <see cref="CallHungUp"/> per hang-up, in order of
    /// start on the audio timeline (an utterance before a hang-up at the same instant).
    /// </summary>
    public static IReadOnlyList<CallEvent> ToEvents(TranscriptDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var utterances = document.Segments.Select(s => (CallEvent)new UtteranceRecognized(
            document.CallId,
            s.Speaker,
            AudioInterval.FromSeconds(s.Start, s.End),
            s.Text,
            s.Words.Select(w => new RecognizedWord(w.Text, AudioInterval.FromSeconds(w.Start, w.End), w.Confidence)).ToList(),
            Source,
            []));
        var hangups = document.Events
            .Where(e => e.Type == TranscriptEventType.Hangup)
            .Select(e => (CallEvent)new CallHungUp(document.CallId, e.By, AudioInterval.FromSeconds(e.At, e.At)));

        // Concat then a stable sort: for equal starts utterances stay ahead of hang-ups, and file order is kept.
        return [.. utterances.Concat(hangups).OrderBy(e => e.Span.Start)];
    }
}
