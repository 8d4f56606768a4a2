namespace CallMonitor.Benchmarks.Load;

/// <summary>The figures of one step: N concurrent streams over the nodes for the step's time. NaN where unknown.</summary>
internal sealed record LoadStepResult
{
    /// <summary>Concurrent streams (N).</summary>
    public required int Streams { get; init; }

    /// <summary>Calls placed over the step (each stream places one after the other).</summary>
    public required int Calls { get; init; }

    public required double WallSeconds { get; init; }

    public required IReadOnlyList<NodeFigures> Nodes { get; init; }

    /// <summary>Calls that held real time: no error, never told of a backlog, audio taken at pace, drain within the bound.</summary>
    public required int CallsHeld { get; init; }

    public required int Errors { get; init; }

    public required IReadOnlyList<string> Failures { get; init; }

    public required double MaxSendLagSeconds { get; init; }

    public required double MaxBacklogSeconds { get; init; }

    public required double MaxDrainSeconds { get; init; }

    public required double RedisCores { get; init; }

    public required double PostgresCores { get; init; }

    public required double BenchCores { get; init; }

    public required double MachineBusyPercent { get; init; }

    /// <summary>The soak's RSS series (empty in a ramp step).</summary>
    public required IReadOnlyList<RssPoint> Series { get; init; }

    public required bool Holds { get; init; }

    public required IReadOnlyList<string> Reasons { get; init; }
}
