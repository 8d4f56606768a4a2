using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Engines.Vosk.Model;
using CallMonitor.Engines.Vosk.Recognition;
using CallMonitor.Engines.Vosk.Tests.Support;

namespace CallMonitor.Engines.Vosk.Tests.Recognition;

// Real recognition of the shared Mandarin recordings with the real Vosk model; skipped with a visible reason
// where the model is not installed (it cannot be downloaded on machines without internet).
[Category("RequiresModel")]
public class VoskRecognitionTests
{
    private const int Rate = VoskSettings.SampleRate;

    [Test]
    public void Recognize_TranscribedUtterances_CharacterErrorRateWithinBound()
    {
        var model = VoskTestAssets.RequireModel();
        var utterances = VoskTestAssets.RequireTranscribedUtterances();
        using var engine = new VoskEngine(new VoskSettings { ModelPath = model });

        var rates = new List<double>();
        foreach (var (path, reference) in utterances)
        {
            var text = string.Concat(Run(engine, VoskTestAssets.ReadWav16kMono(path), Rate / 10)
                .OfType<UtteranceRecognized>().Select(u => u.Text));
            var cer = VoskTestAssets.CharacterErrorRate(reference, text);
            rates.Add(cer);
            TestContext.Out.WriteLine($"{Path.GetFileName(path)}\tCER {cer:0.000}\tref {reference}\thyp {text}");
        }

        var mean = rates.Average();
        TestContext.Out.WriteLine($"mean CER over {rates.Count} utterances: {mean:0.000}");
        Assert.Multiple(() =>
        {
            Assert.That(rates, Is.Not.Empty);
            Assert.That(mean, Is.LessThan(0.5), "the small Mandarin model should get most characters of clear speech right");
        });
    }

    [Test]
    public void Recognize_Utterance_WordsTimedInsideTheAudioInOrder()
    {
        var model = VoskTestAssets.RequireModel();
        var (path, _) = VoskTestAssets.RequireTranscribedUtterances()[0];
        var audio = VoskTestAssets.ReadWav16kMono(path);
        using var engine = new VoskEngine(new VoskSettings { ModelPath = model });

        var words = Run(engine, audio, Rate / 5).OfType<UtteranceRecognized>().SelectMany(u => u.Words).ToArray();

        var duration = TimeSpan.FromSeconds(audio.Length / (double)Rate);
        Assert.Multiple(() =>
        {
            Assert.That(words, Is.Not.Empty);
            Assert.That(words.Select(w => w.Span.Start), Is.Ordered);
            Assert.That(words.All(w => w.Span.Start >= TimeSpan.Zero && w.Span.End <= duration), Is.True);
            Assert.That(words.All(w => w.Confidence is >= 0 and <= 1), Is.True);
        });
    }

    [Test]
    public void Recognize_SmallChunks_PartialsPublishedBeforeTheFinalText()
    {
        var model = VoskTestAssets.RequireModel();
        var (path, _) = VoskTestAssets.RequireTranscribedUtterances().MaxBy(u => u.Text.Length);
        using var engine = new VoskEngine(new VoskSettings { ModelPath = model });

        var events = Run(engine, VoskTestAssets.ReadWav16kMono(path), Rate / 50);

        var firstPartial = events.FindIndex(e => e is PartialTranscriptUpdated);
        var firstFinal = events.FindIndex(e => e is UtteranceRecognized);
        Assert.Multiple(() =>
        {
            Assert.That(firstPartial, Is.GreaterThanOrEqualTo(0));
            Assert.That(firstFinal, Is.GreaterThan(firstPartial));
            Assert.That(events.OfType<PartialTranscriptUpdated>().Select(p => p.Text), Is.Unique, "consecutive partials differ");
        });
    }

    [Test]
    public void Recognize_NBest_AlternativesDifferFromTheBestText()
    {
        var model = VoskTestAssets.RequireModel();
        var (path, _) = VoskTestAssets.RequireTranscribedUtterances()[0];
        using var engine = new VoskEngine(new VoskSettings { ModelPath = model, MaxAlternatives = 5 });

        var utterances = Run(engine, VoskTestAssets.ReadWav16kMono(path), Rate / 10).OfType<UtteranceRecognized>().ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(utterances, Is.Not.Empty);
            Assert.That(utterances.Any(u => u.Alternatives.Count > 0), Is.True);
            Assert.That(utterances.All(u => !u.Alternatives.Contains(u.Text)), Is.True);
        });
    }

    [Test]
    public void Constructor_SameModelTwice_LoadsItOnce()
    {
        var model = VoskTestAssets.RequireModel();
        using var first = new VoskEngine(new VoskSettings { ModelPath = model });
        using (new VoskEngine(new VoskSettings { ModelPath = model }))
        {
            Assert.That(VoskModelRegistry.LeaseCount(model), Is.EqualTo(2));
        }

        Assert.That(VoskModelRegistry.LeaseCount(model), Is.EqualTo(1));
    }

    private static List<CallEvent> Run(VoskEngine engine, float[] audio, int chunk)
    {
        using var recognizer = engine.CreateRecognizer("test-call", SpeakerRole.Agent);
        var events = new List<CallEvent>();
        for (var offset = 0; offset < audio.Length; offset += chunk)
        {
            recognizer.Accept(audio.AsSpan(offset, Math.Min(chunk, audio.Length - offset)));
            events.AddRange(recognizer.TakeEvents());
        }

        recognizer.Complete();
        events.AddRange(recognizer.TakeEvents());
        return events;
    }
}
