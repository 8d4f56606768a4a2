using CallMonitor.Contracts.V1;

namespace CallMonitor.Cli.Client;

/// <summary>What <c>callmonitor watch</c> subscribes to and when it stops.</summary>
public sealed record WatchOptions
{
    /// <summary>Teams, agent, call, minimum severity and types (positions are set by the cursor).</summary>
    public SubscribeRequest Filters { get; init; } = new();

    /// <summary>Start after this log position (0: only events from now on).</summary>
    public long AfterPosition { get; init; }

    /// <summary>Replay the log from its start.</summary>
    public bool SinceStart { get; init; }

    /// <summary>Stop after printing this many events; null: no limit.</summary>
    public int? Count { get; init; }

    /// <summary>Stop when no event has been printed for this long; null: never.</summary>
    public TimeSpan? UntilIdle { get; init; }

    /// <summary>First wait before reconnecting; doubles (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(10);
}
