namespace CallMonitor.Storage.Events;

/// <summary>An event-log record with its position (1, 2, 3 … in commit order, no gaps) and when it was appended.</summary>
public sealed record StoredEvent(long Position, EventRecord Record, DateTimeOffset AppendedAt);
