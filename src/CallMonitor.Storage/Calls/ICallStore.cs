using CallMonitor.Domain.Events;

namespace CallMonitor.Storage.Calls;

/// <summary>
/// Calls and their violations. Every write is idempotent, so a retried write never doubles anything.
/// Implementations are safe for concurrent use by many calls.
/// </summary>
public interface ICallStore
{
    /// <summary>Records a call's start. Returns false when the call id was already started (the first start is kept).</summary>
    Task<bool> StartCallAsync(CallStartRecord start, CancellationToken cancellationToken = default);

    /// <summary>Records a call's end (a later end replaces an earlier one). Throws <see cref="Errors.CallNotFoundException"/> for an unknown call.</summary>
    Task EndCallAsync(CallEndRecord ending, CancellationToken cancellationToken = default);

    /// <summary>Stores a violation update; a later update with the same <see cref="ViolationDetected.ViolationId"/> replaces the earlier one.</summary>
    Task RecordViolationAsync(ViolationDetected violation, CancellationToken cancellationToken = default);

    /// <summary>The latest state of each violation of a call, in audio-time order.</summary>
    Task<IReadOnlyList<ViolationDetected>> GetViolationsAsync(string callId, CancellationToken cancellationToken = default);

    Task<StoredCall?> GetCallAsync(string callId, CancellationToken cancellationToken = default);

    Task<CallPage> ListCallsAsync(CallQuery query, CancellationToken cancellationToken = default);
}
