namespace CallMonitor.Benchmarks.Live;

/// <summary>One planted phrase of one stream as the subscriber saw it, for the JSON figures (seconds; null when not alerted).</summary>
internal sealed record AlertDetail(string CallId, string Phrase, double End, double SpeechEnd, double? Latency, double? FromSpeechEnd, double? Confirmed);
