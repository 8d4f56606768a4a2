namespace CallMonitor.Server.Hosting;

/// <summary>How the service listens and what each call may send.</summary>
public sealed record ServerOptions
{
    /// <summary>Listen addresses; <c>http://</c> is HTTP/2 without TLS (h2c). Port 0 picks a free port.</summary>
    public IReadOnlyList<string> Urls { get; init; } = ["http://127.0.0.1:5005"];

    /// <summary>Speech engines to start (<c>auto</c>: every installed one; <c>none</c>: acoustics and supplied transcripts only).</summary>
    public IReadOnlyList<string> Engines { get; init; } = ["auto"];

    /// <summary>Largest audio chunk accepted, bytes.</summary>
    public int MaxChunkBytes { get; init; } = 64 * 1024;

    /// <summary>When analysis falls this far behind the received audio the call is told (and again when it recovers).</summary>
    public TimeSpan BacklogWarning { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Updates waiting for the response stream before the producers wait (one writer per stream).</summary>
    public int UpdateQueueCapacity { get; init; } = 256;

    /// <exception cref="ArgumentException">No URL, or a limit below 1.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Urls);
        ArgumentNullException.ThrowIfNull(Engines);
        if (Urls.Count == 0 || Urls.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("give at least one listen URL, such as http://127.0.0.1:5005", nameof(Urls));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxChunkBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(UpdateQueueCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(BacklogWarning, TimeSpan.Zero);
    }
}
