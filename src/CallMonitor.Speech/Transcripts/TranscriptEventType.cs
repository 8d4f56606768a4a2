namespace CallMonitor.Speech.Transcripts;

/// <summary>Kinds of call event a transcript can carry (<c>type</c> in the file).</summary>
public enum TranscriptEventType
{
    /// <summary><c>"hangup"</c>: one party ended the call.</summary>
    Hangup,
}
