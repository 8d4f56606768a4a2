namespace CallMonitor.Speech.Transcripts;

/// <summary>
/// A transcript supplied with a call (or written into a report): who said what and when, in seconds from the
/// start of the call. Segments are in order of their start time.
/// </summary>
/// <param name="CallId">The call this transcript belongs to.</param>
/// <param name="StartedAt">Wall-clock start of the call, when known (for display only; rules run on audio time).</param>
/// <param name="Segments">Utterances, sorted by start (file order kept for equal starts).</param>
/// <param name="Events">Call events such as the hang-up, sorted by time.</param>
public sealed record TranscriptDocument(
    string CallId,
    DateTimeOffset? StartedAt,
    IReadOnlyList<TranscriptSegment> Segments,
    IReadOnlyList<TranscriptEvent> Events);
