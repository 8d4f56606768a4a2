namespace CallMonitor.Storage.Calls;

/// <summary>One page of calls; <see cref="NextPageToken"/> is null on the last page.</summary>
public sealed record CallPage(IReadOnlyList<StoredCall> Calls, string? NextPageToken);
