namespace CallMonitor.Domain.Events;

/// <summary>
/// How settled a <see cref="ViolationDetected"/> is. Later events with the same
/// <see cref="ViolationDetected.ViolationId"/> replace earlier ones.
/// </summary>
public enum ViolationState
{
    /// <summary>Found in text that may still change (a live partial transcript, a keyword hit awaiting the transcript).</summary>
    Provisional,

    /// <summary>Found in final evidence. A later Confirmed event with the same id may add sources (fusion).</summary>
    Confirmed,

    /// <summary>An earlier provisional violation that the final evidence did not bear out.</summary>
    Retracted,
}
