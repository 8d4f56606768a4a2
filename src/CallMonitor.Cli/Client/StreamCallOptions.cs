namespace CallMonitor.Cli.Client;

/// <summary>How <c>callmonitor stream</c> plays an agent desktop.</summary>
public sealed record StreamCallOptions
{
    public required string CallId { get; init; }

    public string AgentId { get; init; } = string.Empty;

    public string Team { get; init; } = string.Empty;

    /// <summary>Wall-clock start of the call with the centre's offset (time-of-day greetings); null: not sent.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>Send at real-time pace (chunk at offset T sent at start + T) instead of as fast as the server takes it.</summary>
    public bool Realtime { get; init; }

    /// <summary>Print transcript updates too.</summary>
    public bool ShowTranscript { get; init; }

    /// <summary>Audio per chunk.</summary>
    public TimeSpan ChunkLength { get; init; } = TimeSpan.FromMilliseconds(100);
}
