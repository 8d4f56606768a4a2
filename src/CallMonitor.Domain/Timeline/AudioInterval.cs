namespace CallMonitor.Domain.Timeline;

/// <summary>
/// A stretch of the call's audio timeline: offsets from the start of the call, never wall-clock time.
/// </summary>
public readonly record struct AudioInterval
{
    public AudioInterval(TimeSpan start, TimeSpan end)
    {
        if (end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), end, $"interval ends ({end}) before it starts ({start})");
        }

        Start = start;
        End = end;
    }

    public TimeSpan Start { get; }

    public TimeSpan End { get; }

    public TimeSpan Duration => End - Start;

    public static AudioInterval FromSeconds(double start, double end) =>
        new(TimeSpan.FromSeconds(start), TimeSpan.FromSeconds(end));

    /// <summary>Interval of <paramref name="startSample"/>..<paramref name="endSample"/> at <paramref name="sampleRate"/>.</summary>
    public static AudioInterval FromSamples(long startSample, long endSample, int sampleRate) =>
        new(AudioClock.ToTime(startSample, sampleRate), AudioClock.ToTime(endSample, sampleRate));

    public bool Overlaps(AudioInterval other) => Start < other.End && other.Start < End;

    /// <summary>The common part of two intervals, or null when they do not overlap.</summary>
    public AudioInterval? Intersect(AudioInterval other)
    {
        var start = Start > other.Start ? Start : other.Start;
        var end = End < other.End ? End : other.End;
        return start < end ? new AudioInterval(start, end) : null;
    }

    public override string ToString() => $"{Start.TotalSeconds:0.000}s-{End.TotalSeconds:0.000}s";
}
