namespace CallMonitor.Acoustics.Rate;

/// <summary>
/// Constants of the syllable-nucleus counter. The defaults were calibrated on the voicebank agent words with an
/// even index and four of the real read/spontaneous utterances (see <see cref="SyllableRateEstimator"/>).
/// </summary>
public sealed record SyllableRateOptions
{
    /// <summary>Lower edge of the vowel-formant band whose intensity is tracked.</summary>
    public double BandLowHz { get; init; } = 300;

    /// <summary>Upper edge of the vowel-formant band.</summary>
    public double BandHighHz { get; init; } = 2200;

    /// <summary>Intensity frame step.</summary>
    public TimeSpan FrameStep { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Intensity analysis window (Hann).</summary>
    public TimeSpan FrameWindow { get; init; } = TimeSpan.FromMilliseconds(30);

    /// <summary>Width of the triangular smoothing applied to the intensity contour (dB), in frames each side.</summary>
    public int SmoothingFrames { get; init; } = 2;

    /// <summary>How far the intensity must fall between two peaks for both to count as nuclei.</summary>
    public double MinDipDb { get; init; } = 2.0;

    /// <summary>Peaks this far or further below the segment's loudest frame are ignored (breath, line noise).</summary>
    public double FloorBelowMaxDb { get; init; } = 25;

    /// <summary>Two nuclei closer than this are one (the shortest Mandarin syllables last about 100 ms).</summary>
    public TimeSpan MinNucleusDistance { get; init; } = TimeSpan.FromMilliseconds(90);

    /// <summary>Normalised autocorrelation a nucleus must reach to count as voiced (rejects fricatives and clicks).</summary>
    public double VoicingThreshold { get; init; } = 0.45;

    /// <summary>Counts are multiplied by this after peak picking (1 = none); measured on the calibration set.</summary>
    public double CountScale { get; init; } = 1.0;

    /// <summary>
    /// Random count error per syllable: the variance of a segment's count error is
    /// <c>RandomVariancePerSyllable * n + (SystematicRelativeError * n)^2</c>.
    /// </summary>
    public double RandomVariancePerSyllable { get; init; } = 0.15;

    /// <summary>Relative bias between speakers that does not average out over a call (one standard deviation).</summary>
    public double SystematicRelativeError { get; init; } = 0.08;

    public void Validate()
    {
        if (BandLowHz <= 0 || BandHighHz <= BandLowHz || BandHighHz >= SyllableRateEstimator.SampleRate / 2.0)
        {
            throw new ArgumentOutOfRangeException(nameof(BandHighHz), $"rate band must satisfy 0 < low < high < {SyllableRateEstimator.SampleRate / 2} Hz");
        }

        if (FrameStep <= TimeSpan.Zero || FrameWindow < FrameStep || MinNucleusDistance < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(FrameWindow), "rate frames need a positive step and a window at least as long");
        }

        if (SmoothingFrames < 0 || MinDipDb < 0 || FloorBelowMaxDb <= 0 || VoicingThreshold is < 0 or >= 1 || CountScale <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MinDipDb), "rate thresholds must be non-negative (voicing below 1, scale above 0)");
        }

        if (RandomVariancePerSyllable < 0 || SystematicRelativeError < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(SystematicRelativeError), "rate error model terms must be non-negative");
        }
    }
}
