using CallMonitor.Domain.Events;

namespace CallMonitor.Acoustics.Rate;

/// <summary>
/// Speaking rate without a recognizer. Mandarin says one syllable per character and every syllable has one
/// vowel nucleus, so the rate is the count of nuclei over the segment: intensity in the vowel-formant band,
/// smoothed, whose voiced peaks stand out from their neighbours by a dip (see <see cref="SyllableRateOptions"/>).
/// <para>
/// Speech seconds are the length of the segment handed in (the voice-activity region, short pauses inside it
/// included). The estimator keeps no state between calls, so one instance may serve several channels at once.
/// </para>
/// </summary>
public sealed class SyllableRateEstimator
{
    /// <summary>The only input rate: 16 kHz mono float samples.</summary>
    public const int SampleRate = 16000;

    private const double SecondsPerMinute = 60;

    public SyllableRateEstimator(SyllableRateOptions? options = null)
    {
        Options = options ?? new SyllableRateOptions();
        Options.Validate();
    }

    public SyllableRateOptions Options { get; }

    /// <summary>Sample positions (from the start of <paramref name="samples16k"/>) of the syllable nuclei found.</summary>
    public IReadOnlyList<int> FindNuclei(ReadOnlySpan<float> samples16k)
    {
        var step = ToSamples(Options.FrameStep);
        var window = ToSamples(Options.FrameWindow);
        if (samples16k.Length < 3 * step)
        {
            return [];
        }

        var band = BandFilter.Apply(samples16k, Options.BandLowHz, Options.BandHighHz, SampleRate);
        var contour = IntensityContour.Compute(band, step, window, Options.SmoothingFrames);
        var lowPassed = BandFilter.LowPass(samples16k, 900, SampleRate);
        var threshold = Options.VoicingThreshold;
        var frames = NucleusPicker.Pick(
            contour,
            frame => threshold <= 0 || PeriodicityMeter.Measure(lowPassed, Centre(frame, step)) >= threshold,
            Options.FloorBelowMaxDb,
            Options.MinDipDb,
            (int)Math.Round(Options.MinNucleusDistance.TotalSeconds * SampleRate / step));
        return frames.ConvertAll(frame => Centre(frame, step));
    }

    /// <summary>
    /// Rate over one speech segment. An empty segment gives zero syllables over zero seconds with rate and
    /// uncertainty 0 (there is nothing to measure).
    /// </summary>
    public SpeakingRateEstimate Estimate(ReadOnlySpan<float> samples16k)
    {
        var seconds = (double)samples16k.Length / SampleRate;
        if (samples16k.IsEmpty)
        {
            return new SpeakingRateEstimate(0, 0, 0, 0);
        }

        var scaled = FindNuclei(samples16k).Count * Options.CountScale;
        var countSd = Math.Sqrt(CountVariance(scaled, Options));
        return new SpeakingRateEstimate(
            (int)Math.Round(scaled),
            seconds,
            scaled * SecondsPerMinute / seconds,
            countSd * SecondsPerMinute / seconds);
    }

    /// <summary>
    /// Rate over many segments of one role: total syllables over total speech seconds. The random count error of
    /// each segment adds in variance; the speaker bias (<see cref="SyllableRateOptions.SystematicRelativeError"/>)
    /// is common to all of them and does not shrink with more speech.
    /// </summary>
    public static SpeakingRateEstimate Combine(IEnumerable<SpeakingRateEstimate> estimates, SyllableRateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        options ??= new SyllableRateOptions();
        double syllables = 0, seconds = 0, randomVariance = 0;
        foreach (var e in estimates)
        {
            var scaled = e.PerMinute * e.SpeechSeconds / SecondsPerMinute;
            syllables += scaled;
            seconds += e.SpeechSeconds;
            randomVariance += options.RandomVariancePerSyllable * Math.Max(scaled, 1);
        }

        if (seconds <= 0)
        {
            return new SpeakingRateEstimate(0, 0, 0, 0);
        }

        var systematic = options.SystematicRelativeError * syllables;
        var countSd = Math.Sqrt(randomVariance + (systematic * systematic));
        return new SpeakingRateEstimate(
            (int)Math.Round(syllables),
            seconds,
            syllables * SecondsPerMinute / seconds,
            countSd * SecondsPerMinute / seconds);
    }

    private static double CountVariance(double syllables, SyllableRateOptions options)
    {
        var systematic = options.SystematicRelativeError * syllables;
        return (options.RandomVariancePerSyllable * Math.Max(syllables, 1)) + (systematic * systematic);
    }

    private static int Centre(int frame, int step) => (frame * step) + (step / 2);

    private static int ToSamples(TimeSpan duration) => Math.Max(1, (int)Math.Round(duration.TotalSeconds * SampleRate));
}
