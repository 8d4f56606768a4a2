using CallMonitor.Acoustics.Vad;
using CallMonitor.Domain.Errors;
using static CallMonitor.Acoustics.Tests.Vad.SileroTestMaterial;

namespace CallMonitor.Acoustics.Tests.Vad;

/// <summary>
/// Runs the real Silero VAD v5 model through the real sherpa-onnx library on real Mandarin speech; skipped with
/// the reason when the library (scripts/install-native.sh) or the shared model and audio are absent.
/// </summary>
[TestFixture]
[Category("RequiresModel")]
public sealed class SileroVoiceActivityDetectorTests
{
    private const string Utterance = "audio/real-cmn/utterances/firered_BAC009S0764W0121.wav";
    private const string Word = "audio/real-cmn/words/w02_qingchu.wav";
    private const string LongSpeech = "audio/real-cmn/utterances/firered_TEST_MEETING_T0000000001_S00000.wav";

    [Test]
    public void Constructor_MissingModel_ThrowsEngineUnavailableNamingThePath()
    {
        RequireLibrary();
        var path = Path.Combine(Path.GetTempPath(), "missing-models", "silero_vad.onnx");

        var ex = Assert.Throws<EngineUnavailableException>(() => new SileroVoiceActivityDetector(path));

        Assert.That(ex!.Message, Does.Contain(path));
    }

    [Test]
    public void Regions_DigitalSilence_NoneAndEverythingDecided()
    {
        using var vad = new SileroVoiceActivityDetector(RequireModel());

        vad.AcceptWaveform(new float[10 * SampleRate]);
        vad.Flush();

        Assert.Multiple(() =>
        {
            Assert.That(vad.TakeCompletedRegions(), Is.Empty);
            Assert.That(vad.IsSpeechActive, Is.False);
            Assert.That(vad.DecidedUpTo, Is.InRange(10 * SampleRate - (SampleRate / 2), 10 * SampleRate));
        });
    }

    [Test]
    public void Regions_WhiteNoiseAtMinus55Dbfs_None()
    {
        using var vad = new SileroVoiceActivityDetector(RequireModel());

        vad.AcceptWaveform(Noise(10 * SampleRate, -55, seed: 3));
        vad.Flush();

        Assert.That(vad.TakeCompletedRegions(), Is.Empty);
    }

    [Test]
    public void Regions_UtteranceBetweenSilences_OneRegionAtTheSpeechEdges()
    {
        var clip = ReadWav(RequireShared(Utterance));
        var (speechStart, speechEnd) = EnergyEdges(clip);
        var audio = Join(-60, Silence(2), clip, Silence(3));
        using var vad = new SileroVoiceActivityDetector(RequireModel());

        var regions = Feed(vad, audio, chunk: 1600);

        Assert.That(regions, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(regions[0].Start / (double)SampleRate, Is.EqualTo(2.0 + (speechStart / (double)SampleRate)).Within(0.3));
            Assert.That(regions[0].End / (double)SampleRate, Is.EqualTo(2.0 + (speechEnd / (double)SampleRate)).Within(0.3));
        });
    }

    [Test]
    public void Regions_RealWordsWithExactEdges_MedianEdgeErrorsWithin40Milliseconds()
    {
        // Each clip keeps only its speech (outside the -40 dBFS edges is zeroed), so the true edges are exact.
        var words = Directory.GetFiles(Path.GetDirectoryName(RequireShared(Word))!, "*.wav").Order().ToArray();
        var startErrors = new List<double>();
        var endErrors = new List<double>();
        foreach (var file in words)
        {
            var clip = SpeechOnly(ReadWav(file));
            using var vad = new SileroVoiceActivityDetector(RequireModel());
            var regions = Feed(vad, Join(-60, Silence(1), clip, Silence(1.5)), chunk: 1024);
            if (regions.Count == 1)
            {
                startErrors.Add((regions[0].Start - SampleRate) / (double)SampleRate);
                endErrors.Add((regions[0].End - SampleRate - clip.Length) / (double)SampleRate);
            }
        }

        static double Median(List<double> v) => v.Order().ElementAt(v.Count / 2);
        Assert.That(startErrors, Has.Count.GreaterThanOrEqualTo(words.Length * 3 / 4), "most words give exactly one region");
        Assert.Multiple(() =>
        {
            Assert.That(Median(startErrors), Is.InRange(-0.04, 0.04), "median start error (s)");
            Assert.That(Median(endErrors), Is.InRange(-0.04, 0.04), "median end error (s)");
            Assert.That(endErrors.Min(), Is.GreaterThan(-0.06), "an end never cuts far into the last syllable");
        });
    }

    [Test]
    public void Regions_RandomChunkSizes_SameAsOneBlock()
    {
        var clip = ReadWav(RequireShared(Utterance));
        var audio = Join(-60, Silence(1), clip, Silence(1), clip, Silence(2));
        using var whole = new SileroVoiceActivityDetector(RequireModel());
        using var chunked = new SileroVoiceActivityDetector(RequireModel());

        var expected = Feed(whole, audio, chunk: audio.Length);
        var actual = Feed(chunked, audio, chunk: 0);

        Assert.That(expected, Is.Not.Empty);
        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void Regions_PauseShorterThanMinSilence_DoesNotSplit()
    {
        var speech = SpeechOnly(ReadWav(RequireShared(Utterance)));
        using var shortPause = new SileroVoiceActivityDetector(RequireModel());
        using var longPause = new SileroVoiceActivityDetector(RequireModel());

        var joined = Feed(shortPause, Join(-60, Silence(1), speech, Silence(0.15), speech, Silence(2)), chunk: 800);
        var split = Feed(longPause, Join(-60, Silence(1), speech, Silence(0.8), speech, Silence(2)), chunk: 800);

        Assert.Multiple(() =>
        {
            Assert.That(joined, Has.Count.EqualTo(1), "150 ms pause inside one phrase");
            Assert.That(split, Has.Count.EqualTo(2), "800 ms pause between phrases");
        });
    }

    [Test]
    public void DecidedUpTo_WhileFeeding_NeverPassesTheStartOfARegionReportedLater()
    {
        var clip = ReadWav(RequireShared(Utterance));
        var audio = Join(-60, Silence(1), clip, Silence(0.6), clip, Silence(2));
        using var vad = new SileroVoiceActivityDetector(RequireModel());
        var violations = new List<string>();
        long decided = 0;
        var regions = 0;

        for (var i = 0; i < audio.Length; i += 700)
        {
            vad.AcceptWaveform(audio.AsSpan(i, Math.Min(700, audio.Length - i)));
            foreach (var region in vad.TakeCompletedRegions())
            {
                regions++;
                if (region.Start < decided)
                {
                    violations.Add($"region {region} starts before DecidedUpTo {decided}");
                }
            }

            if (vad.DecidedUpTo < decided || vad.DecidedUpTo > vad.SamplesAccepted)
            {
                violations.Add($"DecidedUpTo {vad.DecidedUpTo} after {decided}, accepted {vad.SamplesAccepted}");
            }

            decided = vad.DecidedUpTo;
        }

        Assert.That(regions, Is.GreaterThanOrEqualTo(2));
        Assert.That(violations, Is.Empty);
    }

    [Test]
    public void Flush_SpeechRunningAtStreamEnd_ClosesTheRegionAtTheLastSample()
    {
        var clip = ReadWav(RequireShared(Utterance));
        var (speechStart, speechEnd) = EnergyEdges(clip);
        var audio = Join(-60, Silence(1), clip[..((speechStart + speechEnd) / 2)]);
        using var vad = new SileroVoiceActivityDetector(RequireModel());

        vad.AcceptWaveform(audio);
        var before = vad.TakeCompletedRegions();
        var activeBefore = vad.IsSpeechActive;
        vad.Flush();
        var after = vad.TakeCompletedRegions();

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.Empty);
            Assert.That(activeBefore, Is.True);
            Assert.That(after, Has.Count.EqualTo(1));
            Assert.That(after.Single().End, Is.EqualTo(audio.Length));
            Assert.That(vad.IsSpeechActive, Is.False);
        });
    }

    [Test]
    public void Regions_SpeechLongerThanMaxSpeech_CutIntoNonOverlappingPiecesNoLongerThanIt()
    {
        var audio = Join(-60, Silence(1), ReadWav(RequireShared(LongSpeech)), Silence(2));
        var options = new VadOptions { MaxSpeech = TimeSpan.FromSeconds(2) };
        using var vad = new SileroVoiceActivityDetector(RequireModel(), options);

        var regions = Feed(vad, audio, chunk: 1000);

        Assert.That(regions, Has.Count.GreaterThanOrEqualTo(5), "12 s of meeting speech in pieces of at most 2 s");
        Assert.Multiple(() =>
        {
            foreach (var region in regions)
            {
                Assert.That(region.Length, Is.LessThanOrEqualTo((2 * SampleRate) + 512), region.ToString());
            }

            foreach (var (earlier, later) in regions.Zip(regions.Skip(1)))
            {
                Assert.That(later.Start, Is.GreaterThanOrEqualTo(earlier.End), $"{earlier} then {later}");
            }
        });
    }

    private static List<SampleRange> Feed(SileroVoiceActivityDetector vad, float[] audio, int chunk)
    {
        var rng = new Random(9);
        var regions = new List<SampleRange>();
        for (var i = 0; i < audio.Length;)
        {
            var n = Math.Min(chunk > 0 ? chunk : rng.Next(1, 5000), audio.Length - i);
            vad.AcceptWaveform(audio.AsSpan(i, n));
            i += n;
            regions.AddRange(vad.TakeCompletedRegions());
        }

        vad.Flush();
        regions.AddRange(vad.TakeCompletedRegions());
        return regions;
    }
}
