namespace CallMonitor.Speech.Transcripts;

/// <summary>One timed word of a segment.</summary>
/// <param name="Start">Seconds from call start.</param>
/// <param name="End">Seconds from call start.</param>
/// <param name="Confidence">0..1 (<c>conf</c> in the file), or null when not given.</param>
public sealed record TranscriptWord(string Text, double Start, double End, double? Confidence);
