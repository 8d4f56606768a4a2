namespace CallMonitor.Storage.Calls;

/// <summary>What is known when a call ends.</summary>
/// <param name="Partial">True when the call was finalised without a proper end (client disconnected mid-call).</param>
/// <param name="PackId">Rule pack the call was judged with.</param>
/// <param name="PackVersion">Version of that pack.</param>
public sealed record CallEndRecord(string CallId, DateTimeOffset EndedAt, bool Partial, string PackId, string PackVersion);
