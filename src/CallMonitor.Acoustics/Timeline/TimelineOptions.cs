namespace CallMonitor.Acoustics.Timeline;

/// <summary>What the conversation timeline reports.</summary>
public sealed record TimelineOptions
{
    /// <summary>Gaps where nobody speaks shorter than this are turn-taking, not silences.</summary>
    public TimeSpan MinSilence { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Both parties speaking for less than this is a back-channel or a VAD edge, not an overlap.</summary>
    public TimeSpan MinOverlap { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Pieces of one barge-in closer than this are one overlap (the VAD splits a phrase at short pauses).</summary>
    public TimeSpan OverlapJoinGap { get; init; } = TimeSpan.FromMilliseconds(500);

    public void Validate()
    {
        if (MinSilence <= TimeSpan.Zero || MinOverlap <= TimeSpan.Zero || OverlapJoinGap < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MinSilence), "timeline thresholds must be positive");
        }
    }
}
