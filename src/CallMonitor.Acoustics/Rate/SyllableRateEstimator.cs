using CallMonitor.Domain.Events;

namespace CallMonitor.Acoustics.Rate;

/// <summary>
/// Speaking rate without a recognizer. Mandarin says one syllable per character and every syllable has one
/// vowel nucleus, so the rate is the count of nuclei over the segment: peaks of the smoothed mean mel-band level
/// (150-4000 Hz) that are voiced and stand out from their neighbours by a dip (see <see cref="NucleusPicker"/>
/// and <see cref="SyllableRateOptions"/>).
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
    private const double PitchBandHz = 900;

    public SyllableRateEstimator(SyllableRateOptions? options = null)
    {
        Options = options ?? new SyllableRateOptions();
        Options.Validate();
    }

    public SyllableRateOptions Options { get; }

    /// <summary>Sample positions (from the start of <paramref name="samples16k"/>) of the syllable nuclei found.</summary>
    public IReadOnlyList<int> FindNuclei(ReadOnlySpan<float> samples16k)
    {
        var step = Math.Max(1, (int)Math.Round(Options.FrameStep.TotalSeconds * SampleRate));
        if (samples16k.Length < 3 * step)
        {
            return [];
        }

        var contour = NucleusContour.Compute(samples16k, step, Options.StrongestBands, Options.SmoothingFrames);
        var lowPassed = BandFilter.LowPass(samples16k, PitchBandHz, SampleRate);
        var voicing = new Dictionary<int, double>();
        double Periodicity(int frame)
        {
            if (!voicing.TryGetValue(frame, out var value))
            {
                value = PeriodicityMeter.Measure(lowPassed, NucleusContour.Centre(frame, step));
                voicing[frame] = value;
            }

            return value;
        }

        var minDistance = (int)Math.Round(Options.MinNucleusDistance.TotalSeconds * SampleRate / step);
        var frames = NucleusPicker.Pick(contour, Periodicity, Options, minDistance);
        return frames.ConvertAll(frame => NucleusContour.Centre(frame, step));
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

        var count = FindNuclei(samples16k).Count;
        var countSd = Math.Sqrt(CountVariance(count, Options));
        return new SpeakingRateEstimate(count, seconds, count * SecondsPerMinute / seconds, countSd * SecondsPerMinute / seconds);
    }

    /// <summary>
    /// Rate over many segments of one role: total syllables over total speech seconds. The random count error of
    /// each segment adds in variance; the speaker bias (<see cref="SyllableRateOptions.SystematicRelativeError"/>)
    /// is common to all of them and does not shrink with more speech.
    /// </summary>
    /// <param name="options">The error model to combine with; the defaults when null.</param>
    public static SpeakingRateEstimate Combine(IEnumerable<SpeakingRateEstimate> estimates, SyllableRateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        options ??= new SyllableRateOptions();
        double syllables = 0, seconds = 0, randomVariance = 0;
        foreach (var e in estimates)
        {
            var counted = e.PerMinute * e.SpeechSeconds / SecondsPerMinute;
            syllables += counted;
            seconds += e.SpeechSeconds;
            randomVariance += options.RandomVariancePerSyllable * Math.Max(counted, 1);
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
}
