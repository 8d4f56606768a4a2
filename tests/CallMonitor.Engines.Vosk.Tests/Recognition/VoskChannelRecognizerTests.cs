using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Errors;
using CallMonitor.Domain.Events;
using CallMonitor.Engines.Vosk.Recognition;
using CallMonitor.Engines.Vosk.Tests.Support;

namespace CallMonitor.Engines.Vosk.Tests.Recognition;

// The channel logic around the native recognizer, driven by a scripted stand-in (see ScriptedDecoder).
public class VoskChannelRecognizerTests
{
    private const int Rate = 16000;

    private static readonly VoskSettings Settings = new() { ModelPath = "unused", PartialInterval = TimeSpan.FromMilliseconds(100) };

    [Test]
    public void Accept_Endpoint_EmitsUtteranceWithWordsOnTheCallTimeline()
    {
        var decoder = new ScriptedDecoder();
        decoder.Statuses.Enqueue(0);
        decoder.Statuses.Enqueue(1);
        decoder.Results.Enqueue("""{"result":[{"conf":0.8,"end":0.9,"start":0.5,"word":"您好"},{"conf":0.4,"end":1.2,"start":0.9,"word":"请问"}],"text":"您好 请问"}""");
        using var recognizer = new VoskChannelRecognizer("call-1", SpeakerRole.Agent, decoder, Settings);

        recognizer.Accept(new float[Rate]);
        recognizer.Accept(new float[Rate]);
        var utterance = recognizer.TakeEvents().OfType<UtteranceRecognized>().Single();

        Assert.Multiple(() =>
        {
            Assert.That(utterance.CallId, Is.EqualTo("call-1"));
            Assert.That(utterance.Role, Is.EqualTo(SpeakerRole.Agent));
            Assert.That(utterance.Source, Is.EqualTo("vosk"));
            Assert.That(utterance.Text, Is.EqualTo("您好请问"));
            Assert.That(utterance.Span.Start, Is.EqualTo(TimeSpan.FromSeconds(0.5)));
            Assert.That(utterance.Span.End, Is.EqualTo(TimeSpan.FromSeconds(1.2)));
            Assert.That(utterance.Words.Select(w => w.Text), Is.EqualTo(new[] { "您好", "请问" }));
            Assert.That(utterance.Words[1].Confidence, Is.EqualTo(0.4).Within(1e-9));
        });
    }

    [Test]
    public void Accept_SamePartialTwice_PublishesItOnce()
    {
        var decoder = new ScriptedDecoder();
        decoder.Partials.Enqueue("""{"partial":"您好"}""");
        decoder.Partials.Enqueue("""{"partial":"您好"}""");
        decoder.Partials.Enqueue("""{"partial":"您好 请问"}""");
        using var recognizer = new VoskChannelRecognizer("c", SpeakerRole.Customer, decoder, Settings);

        for (var i = 0; i < 3; i++)
        {
            recognizer.Accept(new float[Rate / 10]);
        }

        var partials = recognizer.TakeEvents().OfType<PartialTranscriptUpdated>().ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(decoder.PartialCalls, Is.EqualTo(3));
            Assert.That(partials.Select(p => p.Text), Is.EqualTo(new[] { "您好", "您好请问" }));
            Assert.That(partials[1].Span.End, Is.EqualTo(TimeSpan.FromSeconds(0.3)), "a partial ends where the audio fed so far ends");
        });
    }

    [Test]
    public void Accept_ChunksShorterThanPartialInterval_QueriesPartialsByAudioTime()
    {
        var decoder = new ScriptedDecoder();
        using var recognizer = new VoskChannelRecognizer("c", SpeakerRole.Agent, decoder, Settings);

        for (var i = 0; i < 40; i++)
        {
            recognizer.Accept(new float[160]); // 10 ms each, 0.4 s in all
        }

        Assert.That(decoder.PartialCalls, Is.EqualTo(4));
    }

    [Test]
    public void Complete_FeedsSilenceThenTakesFinalResult()
    {
        var decoder = new ScriptedDecoder { Final = """{"result":[{"conf":1,"end":0.7,"start":0.2,"word":"再见"}],"text":"再见"}""" };
        using var recognizer = new VoskChannelRecognizer("c", SpeakerRole.Agent, decoder, Settings);
        recognizer.Accept(new float[Rate]);

        recognizer.Complete();
        recognizer.Complete();

        var events = recognizer.TakeEvents();
        Assert.Multiple(() =>
        {
            Assert.That(decoder.Fed, Has.Count.EqualTo(2));
            Assert.That(decoder.Fed[1], Has.Length.EqualTo(Rate * 3 / 10));
            Assert.That(decoder.Fed[1], Is.All.EqualTo(0f));
            Assert.That(decoder.FinalCalls, Is.EqualTo(1), "a second Complete does nothing");
            Assert.That(events.OfType<UtteranceRecognized>().Single().Text, Is.EqualTo("再见"));
        });
    }

    [Test]
    public void Complete_WordsReachingIntoFlushSilence_ClampedToTheAudioFed()
    {
        var decoder = new ScriptedDecoder { Final = """{"result":[{"conf":1,"end":1.25,"start":0.9,"word":"谢谢"}],"text":"谢谢"}""" };
        using var recognizer = new VoskChannelRecognizer("c", SpeakerRole.Agent, decoder, Settings);
        recognizer.Accept(new float[Rate]);

        recognizer.Complete();

        var word = recognizer.TakeEvents().OfType<UtteranceRecognized>().Single().Words.Single();
        Assert.That(word.Span.End, Is.EqualTo(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public void Complete_EndpointInsideFlushSilence_EmitsThatUtterance()
    {
        var decoder = new ScriptedDecoder();
        decoder.Statuses.Enqueue(0);
        decoder.Statuses.Enqueue(1);
        decoder.Results.Enqueue("""{"result":[{"conf":1,"end":0.6,"start":0.1,"word":"好的"}],"text":"好的"}""");
        using var recognizer = new VoskChannelRecognizer("c", SpeakerRole.Agent, decoder, Settings);
        recognizer.Accept(new float[Rate]);

        recognizer.Complete();

        Assert.That(recognizer.TakeEvents().OfType<UtteranceRecognized>().Select(u => u.Text), Is.EqualTo(new[] { "好的" }));
    }

    [Test]
    public void Accept_EndpointWithEmptyText_EmitsNothing()
    {
        var decoder = new ScriptedDecoder();
        decoder.Statuses.Enqueue(1);
        decoder.Results.Enqueue("""{"text" : ""}""");
        using var recognizer = new VoskChannelRecognizer("c", SpeakerRole.Agent, decoder, Settings);

        recognizer.Accept(new float[Rate]);

        Assert.That(recognizer.TakeEvents(), Is.Empty);
    }

    [Test]
    public void Accept_EngineError_ThrowsNamingCallAndRole()
    {
        var decoder = new ScriptedDecoder();
        decoder.Statuses.Enqueue(-1);
        using var recognizer = new VoskChannelRecognizer("call-42", SpeakerRole.Customer, decoder, Settings);

        var ex = Assert.Throws<EngineUnavailableException>(() => recognizer.Accept(new float[Rate]));

        Assert.That(ex!.Message, Does.Contain("call-42").And.Contain("Customer"));
    }

    [Test]
    public void Accept_AfterComplete_Throws()
    {
        using var recognizer = new VoskChannelRecognizer("c", SpeakerRole.Agent, new ScriptedDecoder(), Settings);
        recognizer.Complete();

        Assert.Throws<InvalidOperationException>(() => recognizer.Accept(new float[10]));
    }

    [Test]
    public void TakeEvents_CalledTwice_SecondIsEmpty()
    {
        var decoder = new ScriptedDecoder();
        decoder.Partials.Enqueue("""{"partial":"喂"}""");
        using var recognizer = new VoskChannelRecognizer("c", SpeakerRole.Agent, decoder, Settings);
        recognizer.Accept(new float[Rate / 10]);

        Assert.Multiple(() =>
        {
            Assert.That(recognizer.TakeEvents(), Has.Count.EqualTo(1));
            Assert.That(recognizer.TakeEvents(), Is.Empty);
        });
    }

    [Test]
    public void Accept_NBest_BestTextWithOtherReadingsAsAlternatives()
    {
        var decoder = new ScriptedDecoder();
        decoder.Statuses.Enqueue(1);
        decoder.Results.Enqueue("""{"alternatives":[{"confidence":10.5,"result":[{"end":0.8,"start":0.3,"word":"还款"}],"text":"还款"},{"confidence":9.1,"result":[{"end":0.8,"start":0.3,"word":"换款"}],"text":"换款"}]}""");
        using var recognizer = new VoskChannelRecognizer("c", SpeakerRole.Agent, decoder, Settings with { MaxAlternatives = 2 });

        recognizer.Accept(new float[Rate]);

        var utterance = recognizer.TakeEvents().OfType<UtteranceRecognized>().Single();
        Assert.Multiple(() =>
        {
            Assert.That(utterance.Text, Is.EqualTo("还款"));
            Assert.That(utterance.Alternatives, Is.EqualTo(new[] { "换款" }));
            Assert.That(utterance.Words.Single().Confidence, Is.Null, "vosk gives no per-word confidence in N-best mode");
        });
    }

    [Test]
    public void Dispose_DisposesTheNativeRecognizer()
    {
        var decoder = new ScriptedDecoder();
        var recognizer = new VoskChannelRecognizer("c", SpeakerRole.Agent, decoder, Settings);

        recognizer.Dispose();

        Assert.That(decoder.Disposed, Is.True);
    }
}
