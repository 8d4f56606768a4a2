using CallMonitor.Storage.Events;

namespace CallMonitor.Storage.Outbox;

/// <summary>An event held in the outbox: its place in the queue (1, 2, 3 … in the order it was held) and when.</summary>
public sealed record OutboxEntry(long Sequence, EventRecord Record, DateTimeOffset HeldAt);
