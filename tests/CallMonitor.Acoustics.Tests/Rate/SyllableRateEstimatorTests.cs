using CallMonitor.Acoustics.Rate;
using CallMonitor.Domain.Events;

namespace CallMonitor.Acoustics.Tests.Rate;

public class SyllableRateEstimatorTests
{
    private readonly SyllableRateEstimator _estimator = new();

    [TestCase(3)]
    [TestCase(8)]
    [TestCase(15)]
    public void Estimate_SyllableTrain_CountsEachVowel(int syllables)
    {
        var samples = SyntheticSpeech.SyllableTrain(syllables, vowelSeconds: 0.18, consonantSeconds: 0.07);

        var estimate = _estimator.Estimate(samples);

        var seconds = samples.Length / (double)SyntheticSpeech.Rate;
        Assert.Multiple(() =>
        {
            Assert.That(estimate.Syllables, Is.EqualTo(syllables));
            Assert.That(estimate.SpeechSeconds, Is.EqualTo(seconds).Within(1e-9));
            Assert.That(estimate.PerMinute, Is.EqualTo(syllables * 60 / seconds).Within(1e-9));
            Assert.That(estimate.Uncertainty, Is.GreaterThan(0));
        });
    }

    [Test]
    public void Estimate_SameSyllablesInTwoThirdsOfTheTime_RateIsOneAndAHalfTimesHigher()
    {
        var slow = _estimator.Estimate(SyntheticSpeech.SyllableTrain(10, vowelSeconds: 0.24, consonantSeconds: 0.09));
        var fast = _estimator.Estimate(SyntheticSpeech.SyllableTrain(10, vowelSeconds: 0.16, consonantSeconds: 0.06));

        Assert.That(fast.PerMinute / slow.PerMinute, Is.EqualTo(1.5).Within(0.1));
    }

    [Test]
    public void Estimate_LongSteadyVowel_IsOneSyllable()
    {
        Assert.That(_estimator.Estimate(SyntheticSpeech.SteadyVowel(0.9)).Syllables, Is.EqualTo(1));
    }

    [Test]
    public void Estimate_UnvoicedNoise_FindsNoNuclei()
    {
        Assert.That(_estimator.FindNuclei(SyntheticSpeech.WhiteNoise(2.0, -30, seed: 3)), Is.Empty);
    }

    [Test]
    public void Estimate_EmptySegment_IsZeroOverZeroSeconds()
    {
        var estimate = _estimator.Estimate([]);

        Assert.That(estimate, Is.EqualTo(new SpeakingRateEstimate(0, 0, 0, 0)));
    }

    [Test]
    public void FindNuclei_SyllableTrain_OneNucleusInsideEachVowel()
    {
        const double vowel = 0.2, consonant = 0.08;
        var nuclei = _estimator.FindNuclei(SyntheticSpeech.SyllableTrain(6, vowel, consonant));

        var period = (vowel + consonant) * SyntheticSpeech.Rate;
        Assert.That(nuclei, Has.Count.EqualTo(6));
        for (var i = 0; i < nuclei.Count; i++)
        {
            var vowelStart = (i * period) + (consonant * SyntheticSpeech.Rate);
            Assert.That(nuclei[i], Is.InRange(vowelStart, vowelStart + (vowel * SyntheticSpeech.Rate)), $"nucleus {i}");
        }
    }

    [Test]
    public void Estimate_SharedInstanceOnManyThreads_GivesTheSameAnswers()
    {
        var segments = Enumerable.Range(3, 8).Select(n => SyntheticSpeech.SyllableTrain(n, 0.18, 0.07, seed: n)).ToArray();
        var sequential = segments.Select(s => _estimator.Estimate(s)).ToArray();

        var parallel = new SpeakingRateEstimate[segments.Length];
        Parallel.For(0, segments.Length, i => parallel[i] = _estimator.Estimate(segments[i]));

        Assert.That(parallel, Is.EqualTo(sequential));
    }

    [Test]
    public void Combine_Segments_IsTotalSyllablesOverTotalSeconds()
    {
        SpeakingRateEstimate[] parts = [new(10, 3.0, 200, 30), new(5, 2.0, 150, 40), new(0, 0.5, 0, 20)];

        var combined = SyllableRateEstimator.Combine(parts);

        Assert.Multiple(() =>
        {
            Assert.That(combined.Syllables, Is.EqualTo(15));
            Assert.That(combined.SpeechSeconds, Is.EqualTo(5.5).Within(1e-9));
            Assert.That(combined.PerMinute, Is.EqualTo(15 * 60 / 5.5).Within(1e-9));
        });
    }

    [Test]
    public void Combine_ManySegments_UncertaintyShrinksButNotBelowTheSpeakerBias()
    {
        var options = new SyllableRateOptions();
        var one = new SpeakingRateEstimate(12, 3.0, 240, 0);
        var single = SyllableRateEstimator.Combine([one]);
        var hundred = SyllableRateEstimator.Combine(Enumerable.Repeat(one, 100));

        Assert.Multiple(() =>
        {
            Assert.That(hundred.Uncertainty, Is.LessThan(single.Uncertainty));
            Assert.That(hundred.Uncertainty / hundred.PerMinute, Is.GreaterThanOrEqualTo(options.SystematicRelativeError));
        });
    }

    [Test]
    public void Constructor_InvalidOptions_ThrowsNamingTheProblem()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => new SyllableRateEstimator(new SyllableRateOptions { StrongestBands = 0 }), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => new SyllableRateEstimator(new SyllableRateOptions { PeakVoicing = 1.5 }), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => new SyllableRateEstimator(new SyllableRateOptions { FrameStep = TimeSpan.Zero }), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }
}
