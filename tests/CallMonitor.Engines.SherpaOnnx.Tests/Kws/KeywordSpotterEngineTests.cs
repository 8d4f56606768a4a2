using System.Diagnostics;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Errors;
using CallMonitor.Domain.Events;
using CallMonitor.Engines.SherpaOnnx.Kws;
using CallMonitor.Engines.SherpaOnnx.Tests.Support;

namespace CallMonitor.Engines.SherpaOnnx.Tests.Kws;

/// <summary>The real spotter on the model's own test recordings (category RequiresModel).</summary>
[TestFixture]
[Category("RequiresModel")]
public sealed class KeywordSpotterEngineTests
{
    private string _modelDir = string.Empty;
    private KeywordSpotterEngine? _engine;

    private KeywordSpotterEngine Engine => _engine!;

    [OneTimeSetUp]
    public void LoadModel()
    {
        _modelDir = KwsTestModel.RequireDirectory();
        _engine = new KeywordSpotterEngine(KwsTestModel.Settings(_modelDir, KwsTestModel.TestKeywords(_modelDir)));
    }

    [OneTimeTearDown]
    public void Unload() => _engine?.Dispose();

    // What PROVENANCE.md records for test_keywords.txt at threshold 0.25 / score 1.0.
    [TestCase(3, new[] { "文森特卡索", "法国" })]
    [TestCase(4, new[] { "蒋友伯", "女儿" })]
    [TestCase(5, new[] { "周望军", "落实" })]
    [TestCase(6, new[] { "朱丽楠", "见面会" })]
    public void Accept_ModelTestWav_FindsTheVerifiedKeywordsInOrder(int wav, string[] expected)
    {
        var events = Run(Engine, KwsTestModel.TestWav(_modelDir, wav));

        Assert.That(events.Select(e => e.Phrase), Is.EqualTo(expected));
    }

    [Test]
    public void Accept_DetectedKeyword_EventCarriesCallRoleTokensAndSpanInsideTheAudio()
    {
        var audio = KwsTestModel.TestWav(_modelDir, 5);

        var events = Run(Engine, audio, "call-7", SpeakerRole.Customer);

        Assert.That(events, Is.Not.Empty);
        var first = events[0];
        Assert.Multiple(() =>
        {
            Assert.That(first.CallId, Is.EqualTo("call-7"));
            Assert.That(first.Role, Is.EqualTo(SpeakerRole.Customer));
            Assert.That(first.Source, Is.EqualTo("kws"));
            Assert.That(first.Tokens, Is.EqualTo("zh ōu w àng j ūn"));
            Assert.That(first.Span.Duration, Is.GreaterThan(TimeSpan.FromSeconds(0.2)));
            Assert.That(events.Select(e => e.Span.End.TotalSeconds), Has.All.LessThanOrEqualTo(audio.Length / (double)TestAudio.SampleRate));
            Assert.That(events.Select(e => e.Span.Start), Is.Ordered);
        });
    }

    [Test]
    public void Accept_SevenSecondsOfNoisySilenceFirst_DetectionMovesBySevenSeconds()
    {
        var clip = KwsTestModel.TestWav(_modelDir, 3);
        var plain = Run(Engine, TestAudio.Concat(-60, clip));
        var padded = Run(Engine, TestAudio.Concat(-60, TestAudio.Silence(7), clip));

        Assert.That(padded.Select(e => e.Phrase), Is.EqualTo(plain.Select(e => e.Phrase)));
        Assert.That(plain, Is.Not.Empty);
        for (var i = 0; i < plain.Count; i++)
        {
            var shift = (padded[i].Span.Start - plain[i].Span.Start).TotalSeconds;
            TestContext.Out.WriteLine($"{plain[i].Phrase}: {plain[i].Span} -> {padded[i].Span} (shift {shift:0.000} s)");
            Assert.That(shift, Is.EqualTo(7.0).Within(0.5), plain[i].Phrase);
        }
    }

    [Test]
    public void Accept_TwoFilesThreeSecondsApart_BothDetectedSecondAtItsAbsoluteTime()
    {
        var first = KwsTestModel.TestWav(_modelDir, 4);
        var second = KwsTestModel.TestWav(_modelDir, 6);
        var alone = Run(Engine, TestAudio.Concat(-60, second));
        var offset = (first.Length / (double)TestAudio.SampleRate) + 3;

        var joined = Run(Engine, TestAudio.Concat(-60, first, TestAudio.Silence(3), second));

        Assert.That(joined.Select(e => e.Phrase), Is.EqualTo(new[] { "蒋友伯", "女儿", "朱丽楠", "见面会" }));
        var later = joined.Skip(2).ToList();
        for (var i = 0; i < later.Count; i++)
        {
            var expected = alone[i].Span.Start.TotalSeconds + offset;
            TestContext.Out.WriteLine($"{later[i].Phrase}: {later[i].Span}, alone {alone[i].Span} + {offset:0.000} s");
            Assert.That(later[i].Span.Start.TotalSeconds, Is.EqualTo(expected).Within(0.5), later[i].Phrase);
        }
    }

    [Test]
    public void CreateRecognizer_ExtraKeywords_FiresOnThemAndOnTheEngineList()
    {
        var all = KwsTestModel.TestKeywords(_modelDir);
        using var engine = new KeywordSpotterEngine(KwsTestModel.Settings(_modelDir, all.Where(k => k.Phrase == "文森特卡索").ToArray()));
        var audio = KwsTestModel.TestWav(_modelDir, 3);

        var plain = Run(engine, audio);
        using var extended = engine.CreateRecognizer("c", SpeakerRole.Agent, all.Where(k => k.Phrase == "法国").ToArray());
        extended.Accept(audio);
        extended.Complete();
        var withExtra = extended.TakeEvents().OfType<KeywordSpotted>().Select(e => e.Phrase);

        Assert.Multiple(() =>
        {
            Assert.That(plain.Select(e => e.Phrase), Is.EqualTo(new[] { "文森特卡索" }));
            Assert.That(withExtra, Is.EqualTo(new[] { "文森特卡索", "法国" }));
        });
    }

    [Test]
    public void TakeEvents_CalledTwice_SecondCallIsEmpty()
    {
        using var recognizer = Engine.CreateRecognizer("c", SpeakerRole.Agent);
        recognizer.Accept(KwsTestModel.TestWav(_modelDir, 6));
        recognizer.Complete();

        Assert.Multiple(() =>
        {
            Assert.That(recognizer.TakeEvents(), Is.Not.Empty);
            Assert.That(recognizer.TakeEvents(), Is.Empty);
        });
    }

    [Test]
    public void CreateRecognizer_UnknownToken_ThrowsArgumentExceptionAndProcessGoesOn()
    {
        var bad = KeywordSpec.FromTokenText("你好", "n i3 h ǎo");

        var ex = Assert.Throws<ArgumentException>(() => Engine.CreateRecognizer("c", SpeakerRole.Agent, [bad]));

        Assert.That(ex!.Message, Does.Contain("'i3'").And.Contain("你好").And.Contain("tokens.txt"));
        // Still alive, and the engine still works.
        Assert.That(Run(Engine, KwsTestModel.TestWav(_modelDir, 6)), Is.Not.Empty);
    }

    [Test]
    public void Constructor_UnknownTokenInKeywordList_ThrowsArgumentException()
    {
        var keywords = new[] { KeywordSpec.FromTokenText("法国", "f ǎ g uó"), KeywordSpec.FromTokenText("中国", "zh ong1 g uó") };

        var ex = Assert.Throws<ArgumentException>(() => new KeywordSpotterEngine(KwsTestModel.Settings(_modelDir, keywords)));

        Assert.That(ex!.Message, Does.Contain("'ong1'").And.Contain("中国"));
    }

    [Test]
    public void Constructor_MissingEncoder_ThrowsEngineUnavailableNamingTheFile()
    {
        var copy = Path.Combine(TestContext.CurrentContext.WorkDirectory, "kws-no-encoder");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(_modelDir).Where(f => !Path.GetFileName(f).StartsWith("encoder", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)), overwrite: true);
        }

        var model = KwsModelFiles.FromDirectory(copy) with { Encoder = Path.Combine(copy, "encoder-epoch-12-avg-2-chunk-16-left-64.int8.onnx") };
        var settings = new KeywordSpotterSettings(model, KwsTestModel.TestKeywords(_modelDir));

        var ex = Assert.Throws<EngineUnavailableException>(() => new KeywordSpotterEngine(settings));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Engine, Is.EqualTo("kws"));
            Assert.That(ex.Message, Does.Contain(model.Encoder).And.Contain("not found"));
        });
    }

    [Test]
    public void Accept_AllTestWavs_PrintsRealTimeFactor()
    {
        var audio = TestAudio.Concat(null, Enumerable.Range(0, 7).Select(i => KwsTestModel.TestWav(_modelDir, i)).ToArray());
        var watch = Stopwatch.StartNew();
        var events = Run(Engine, audio);
        watch.Stop();

        var seconds = audio.Length / (double)TestAudio.SampleRate;
        TestContext.Out.WriteLine(
            $"{seconds:0.0} s of audio in {watch.Elapsed.TotalSeconds:0.000} s: RTF {watch.Elapsed.TotalSeconds / seconds:0.0000} "
            + $"(1 thread, {Environment.ProcessorCount} cores), {events.Count} detections");
        Assert.That(events, Is.Not.Empty);
    }

    private static List<KeywordSpotted> Run(
        KeywordSpotterEngine engine, float[] audio, string callId = "call", SpeakerRole role = SpeakerRole.Mixed)
    {
        using var recognizer = engine.CreateRecognizer(callId, role);
        var events = new List<KeywordSpotted>();

        // Odd-sized pieces, as a live source would deliver them.
        for (var pos = 0; pos < audio.Length; pos += 2731)
        {
            recognizer.Accept(audio.AsSpan(pos, Math.Min(2731, audio.Length - pos)));
            events.AddRange(recognizer.TakeEvents().OfType<KeywordSpotted>());
        }

        recognizer.Complete();
        events.AddRange(recognizer.TakeEvents().OfType<KeywordSpotted>());
        return events;
    }
}
