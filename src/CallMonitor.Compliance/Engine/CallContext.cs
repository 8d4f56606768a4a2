namespace CallMonitor.Compliance.Engine;

/// <summary>What the engine may know about a call beyond its events.</summary>
/// <param name="LocalStart">
/// When the call started, in the call centre's local time (its offset included). Needed for the time-of-day and
/// holiday greetings; without it those checks are skipped, never guessed from the wall clock.
/// </param>
public sealed record CallContext(DateTimeOffset? LocalStart = null)
{
    /// <summary>No start time known.</summary>
    public static CallContext None { get; } = new();
}
