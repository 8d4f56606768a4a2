using System.Runtime.InteropServices;
using CallMonitor.Domain.Errors;
using CallMonitor.Engines.SherpaOnnx.Tests.Support;
using CallMonitor.Engines.SherpaOnnx.Vad;

namespace CallMonitor.Engines.SherpaOnnx.Tests.Vad;

[TestFixture]
public sealed class SherpaOnnxVadTests
{
    private const string Utterance = "audio/real-cmn/utterances/firered_BAC009S0764W0121.wav";
    private const string Word = "audio/real-cmn/words/w10_zaijian.wav";

    [Test]
    public void NativeStructs_On64BitProcess_HaveTheCHeaderSizes()
    {
        if (!Environment.Is64BitProcess)
        {
            Assert.Ignore("sizes below are those of the x64/arm64 ABI");
        }

        Assert.Multiple(() =>
        {
            // const char* + 4 floats/ints (+4 padding); the outer struct adds 2 ints, a pointer, an int (+4) and a second inner struct.
            Assert.That(Marshal.SizeOf<NativeSileroVadModelConfig>(), Is.EqualTo(32));
            Assert.That(Marshal.OffsetOf<NativeVadModelConfig>(nameof(NativeVadModelConfig.SampleRate)), Is.EqualTo((nint)32));
            Assert.That(Marshal.OffsetOf<NativeVadModelConfig>(nameof(NativeVadModelConfig.Provider)), Is.EqualTo((nint)40));
            Assert.That(Marshal.OffsetOf<NativeVadModelConfig>(nameof(NativeVadModelConfig.TenVad)), Is.EqualTo((nint)56));
            Assert.That(Marshal.SizeOf<NativeVadModelConfig>(), Is.EqualTo(88));
            Assert.That(Marshal.SizeOf<NativeSpeechSegment>(), Is.EqualTo(24));
        });
    }

    [Test]
    public void Constructor_MissingModel_ThrowsEngineUnavailableNamingThePath()
    {
        TestAssets.RequireLibrary();
        var path = Path.Combine(Path.GetTempPath(), "no-such-dir", "silero_vad.onnx");

        var ex = Assert.Throws<EngineUnavailableException>(() => new SherpaOnnxVad(new SherpaVadSettings(path)));

        Assert.That(ex!.Message, Does.Contain(path).And.Contain("not found"));
    }

    [Test]
    public void Constructor_TextFileAsModel_ThrowsEngineUnavailableInsteadOfEndingTheProcess()
    {
        TestAssets.RequireLibrary();
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "fake_silero_vad.onnx");
        File.WriteAllText(path, string.Concat(Enumerable.Repeat("not a model ", 200)));

        var ex = Assert.Throws<EngineUnavailableException>(() => new SherpaOnnxVad(new SherpaVadSettings(path)));

        Assert.That(ex!.Message, Does.Contain(path).And.Contain("not an ONNX model"));
    }

    [Test]
    public void Constructor_OnnxModelThatIsNotSilero_ThrowsEngineUnavailable()
    {
        TestAssets.RequireLibrary();
        var other = TestAssets.RequireSharedFile(
            "models/sherpa-onnx-kws-zipformer-wenetspeech-3.3M-2024-01-01-mobile/joiner-epoch-12-avg-2-chunk-16-left-64.int8.onnx");

        var ex = Assert.Throws<EngineUnavailableException>(() => new SherpaOnnxVad(new SherpaVadSettings(other)));

        Assert.That(ex!.Message, Does.Contain("not a Silero VAD v5 model"));
    }

    [Test]
    public void TryDequeue_UtteranceBetweenSilences_OneSegmentCoveringTheSpeech()
    {
        var model = TestAssets.RequireSileroModel();
        var clip = TestAudio.ReadWav(TestAssets.RequireSharedFile(Utterance));
        var (speechStart, speechEnd) = TestAudio.EnergyEdges(clip);
        var pre = 2 * TestAudio.SampleRate;
        var audio = TestAudio.Concat(-60, TestAudio.Silence(2), clip, TestAudio.Silence(3));

        var segments = Run(new SherpaVadSettings(model), audio, chunk: 1600);

        Assert.That(segments, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(segments[0].Start, Is.EqualTo(pre + speechStart).Within(TestAudio.SampleRate * 0.3));
            Assert.That(segments[0].End, Is.EqualTo(pre + speechEnd).Within(TestAudio.SampleRate * 0.3));
        });
    }

    [Test]
    public void MinSilence_GapBetweenTwoUtterances_SplitsOnlyWhenTheGapIsLonger()
    {
        var model = TestAssets.RequireSileroModel();
        var clip = TestAudio.ReadWav(TestAssets.RequireSharedFile(Utterance));
        var (start, end) = TestAudio.EnergyEdges(clip);
        var speech = clip[start..end];
        var audio = TestAudio.Concat(-60, TestAudio.Silence(1), speech, TestAudio.Silence(0.8), speech, TestAudio.Silence(2.5));

        var shortSilence = Run(new SherpaVadSettings(model) { MinSilence = TimeSpan.FromMilliseconds(250) }, audio, 512);
        var longSilence = Run(new SherpaVadSettings(model) { MinSilence = TimeSpan.FromSeconds(1.6) }, audio, 512);

        Assert.Multiple(() =>
        {
            Assert.That(shortSilence, Has.Count.EqualTo(2), "a 0.8 s gap ends a segment when 0.25 s of silence suffices");
            Assert.That(longSilence, Has.Count.EqualTo(1), "a 0.8 s gap does not end a segment when 1.6 s is required");
        });
    }

    [Test]
    public void MinSpeech_WordShorterThanTheSetting_GivesNoSegment()
    {
        var model = TestAssets.RequireSileroModel();
        var word = TestAudio.ReadWav(TestAssets.RequireSharedFile(Word));
        var (start, end) = TestAudio.EnergyEdges(word);
        var audio = TestAudio.Concat(-60, TestAudio.Silence(1), word, TestAudio.Silence(1.5));
        var wordSeconds = (end - start) / (double)TestAudio.SampleRate;

        var lenient = Run(new SherpaVadSettings(model) { MinSpeech = TimeSpan.FromMilliseconds(150) }, audio, 512);
        var strict = Run(new SherpaVadSettings(model) { MinSpeech = TimeSpan.FromSeconds(wordSeconds + 0.3) }, audio, 512);

        Assert.Multiple(() =>
        {
            Assert.That(lenient, Has.Count.EqualTo(1));
            Assert.That(strict, Is.Empty);
        });
    }

    [Test]
    public void AcceptWaveform_RandomChunkSizes_SameSegmentsAsOneBlock()
    {
        var model = TestAssets.RequireSileroModel();
        var clip = TestAudio.ReadWav(TestAssets.RequireSharedFile(Utterance));
        var audio = TestAudio.Concat(-60, TestAudio.Silence(1), clip, TestAudio.Silence(0.8), clip, TestAudio.Silence(2));

        var block = Run(new SherpaVadSettings(model), audio, chunk: audio.Length);
        var random = Run(new SherpaVadSettings(model), audio, chunk: 0);

        Assert.That(block, Is.Not.Empty);
        Assert.That(random, Is.EqualTo(block));
    }

    [Test]
    public void Flush_SpeechRunningAtStreamEnd_QueuesTheOpenSegment()
    {
        var model = TestAssets.RequireSileroModel();
        var clip = TestAudio.ReadWav(TestAssets.RequireSharedFile(Utterance));
        var (speechStart, speechEnd) = TestAudio.EnergyEdges(clip);
        var cut = clip.AsSpan(0, (speechStart + speechEnd) / 2).ToArray();
        var audio = TestAudio.Concat(-60, TestAudio.Silence(1), cut);
        using var vad = new SherpaOnnxVad(new SherpaVadSettings(model));

        vad.AcceptWaveform(audio);
        var openBeforeFlush = vad.IsSpeechDetected;
        var queuedBeforeFlush = vad.HasSegments;
        vad.Flush();

        Assert.Multiple(() =>
        {
            Assert.That(openBeforeFlush, Is.True);
            Assert.That(queuedBeforeFlush, Is.False);
            Assert.That(vad.TryDequeue(out var segment), Is.True);
            Assert.That(segment.End, Is.EqualTo(audio.Length).Within(SherpaVadSettings.WindowSize + 64));
            Assert.That(vad.IsSpeechDetected, Is.False);
        });
    }

    [Test]
    public void Reset_AfterAStream_CountsOffsetsFromZeroAgain()
    {
        var model = TestAssets.RequireSileroModel();
        var clip = TestAudio.ReadWav(TestAssets.RequireSharedFile(Utterance));
        var audio = TestAudio.Concat(-60, TestAudio.Silence(1.5), clip, TestAudio.Silence(2));
        using var vad = new SherpaOnnxVad(new SherpaVadSettings(model));

        var first = Drain(vad, audio);
        vad.Reset();
        var second = Drain(vad, audio);

        Assert.That(first, Has.Count.EqualTo(1));
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void AcceptWaveform_AfterDispose_ThrowsObjectDisposed()
    {
        var model = TestAssets.RequireSileroModel();
        var vad = new SherpaOnnxVad(new SherpaVadSettings(model));
        vad.Dispose();

        Assert.Throws<ObjectDisposedException>(() => vad.AcceptWaveform(new float[512]));
    }

    [Test]
    public void Settings_SampleRateIndependentValuesOutOfRange_Rejected()
    {
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new SherpaVadSettings("m.onnx") { Threshold = 1.2f }.Validate());
            Assert.Throws<ArgumentOutOfRangeException>(() => new SherpaVadSettings("m.onnx") { MaxSpeech = TimeSpan.FromMilliseconds(100) }.Validate());
            Assert.Throws<ArgumentOutOfRangeException>(() => new SherpaVadSettings("m.onnx") { NumThreads = 0 }.Validate());
        });
    }

    private static List<SherpaSpeechSegment> Drain(SherpaOnnxVad vad, float[] audio)
    {
        vad.AcceptWaveform(audio);
        vad.Flush();
        var segments = new List<SherpaSpeechSegment>();
        while (vad.TryDequeue(out var segment))
        {
            segments.Add(segment);
        }

        return segments;
    }

    /// <summary>Feeds <paramref name="audio"/> in chunks of <paramref name="chunk"/> samples (0: random 1..4000).</summary>
    private static List<SherpaSpeechSegment> Run(SherpaVadSettings settings, float[] audio, int chunk)
    {
        using var vad = new SherpaOnnxVad(settings);
        var rng = new Random(5);
        var segments = new List<SherpaSpeechSegment>();
        for (var i = 0; i < audio.Length;)
        {
            var n = Math.Min(chunk > 0 ? chunk : rng.Next(1, 4000), audio.Length - i);
            vad.AcceptWaveform(audio.AsSpan(i, n));
            i += n;
            while (vad.TryDequeue(out var segment))
            {
                segments.Add(segment);
            }
        }

        vad.Flush();
        while (vad.TryDequeue(out var segment))
        {
            segments.Add(segment);
        }

        return segments;
    }
}
