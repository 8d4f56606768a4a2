using CallMonitor.Domain.Calls;

namespace CallMonitor.Speech.Transcripts;

/// <summary>One utterance of one speaker.</summary>
/// <param name="Speaker"><see cref="SpeakerRole.Agent"/> or <see cref="SpeakerRole.Customer"/>.</param>
/// <param name="Start">Seconds from call start.</param>
/// <param name="End">Seconds from call start, not before <paramref name="Start"/>.</param>
/// <param name="Text">The text as given.</param>
/// <param name="Words">Word timings, empty when the transcript has none; all inside the segment.</param>
public sealed record TranscriptSegment(
    SpeakerRole Speaker,
    double Start,
    double End,
    string Text,
    IReadOnlyList<TranscriptWord> Words);
