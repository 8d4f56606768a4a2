using CallMonitor.Domain.Calls;

namespace CallMonitor.Speech.Transcripts;

/// <summary>A call event of a transcript.</summary>
/// <param name="By">Who did it (<c>by</c>): agent or customer.</param>
/// <param name="At">Seconds from call start.</param>
public sealed record TranscriptEvent(TranscriptEventType Type, SpeakerRole By, double At);
