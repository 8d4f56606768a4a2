namespace CallMonitor.Engines.SherpaOnnx.Kws;

/// <summary>Settings of the keyword spotter; defaults are those verified with the WenetSpeech KWS model.</summary>
public sealed record KeywordSpotterSettings
{
    /// <summary>The only sample rate accepted: audio is fed to the library as is, never resampled there.</summary>
    public const int SampleRate = 16000;

    public KeywordSpotterSettings(KwsModelFiles model, IReadOnlyList<KeywordSpec> keywords)
    {
        Model = model;
        Keywords = keywords;
    }

    public KwsModelFiles Model { get; init; }

    /// <summary>Phrases every recognizer listens for unless it is given its own list.</summary>
    public IReadOnlyList<KeywordSpec> Keywords { get; init; }

    /// <summary>Default trigger threshold (0..1): a phrase fires when its average token probability reaches it.</summary>
    public float Threshold { get; init; } = 0.25f;

    /// <summary>Default score bonus per keyword token during the search.</summary>
    public float Boost { get; init; } = 1.0f;

    public int MaxActivePaths { get; init; } = 4;

    /// <summary>Blank frames needed after a keyword's last token before it fires (1 fires soonest).</summary>
    public int NumTrailingBlanks { get; init; } = 1;

    public int NumThreads { get; init; } = 1;

    public string Provider { get; init; } = "cpu";

    /// <summary>Makes the library print its parsed config to stderr.</summary>
    public bool Debug { get; init; }

    /// <exception cref="ArgumentException">A value the library would reject or misbehave on.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Model);
        ArgumentNullException.ThrowIfNull(Keywords);
        if (Keywords.Count == 0)
        {
            throw new ArgumentException("the keyword spotter needs at least one keyword", nameof(Keywords));
        }

        if (float.IsNaN(Threshold) || Threshold is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, "keyword threshold must be between 0 and 1");
        }

        if (float.IsNaN(Boost) || Boost < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Boost), Boost, "keyword boost must be zero or more");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxActivePaths, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(NumTrailingBlanks, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(NumThreads, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(Provider);
    }
}
