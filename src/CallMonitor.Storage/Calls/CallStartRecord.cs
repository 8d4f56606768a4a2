namespace CallMonitor.Storage.Calls;

/// <summary>What is known when a call starts.</summary>
public sealed record CallStartRecord(string CallId, string AgentId, string Team, DateTimeOffset StartedAt, CallAudioFormat AudioFormat);
