using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Domain.Timeline;
using CallMonitor.Speech.Transcripts;

namespace CallMonitor.Speech.Tests.Transcripts;

[TestFixture]
public sealed class TranscriptEventsTests
{
    private static readonly TranscriptDocument Doc = TranscriptReader.Parse(
        """
        {"callId":"c9","events":[{"type":"hangup","by":"agent","at":8.0}],
         "segments":[
          {"speaker":"customer","start":4.0,"end":8.0,"text":"好的谢谢"},
          {"speaker":"agent","start":0.5,"end":3.0,"text":"您好请讲",
           "words":[{"text":"您好","start":0.5,"end":1.0,"conf":0.9},{"text":"请讲","start":1.2,"end":3.0}]},
          {"speaker":"agent","start":8.0,"end":8.5,"text":"再见"}
         ]}
        """,
        "c9.json");

    [Test]
    public void ToEvents_Transcript_UtterancesAndHangupInAudioTimeOrder()
    {
        var events = TranscriptEvents.ToEvents(Doc);

        Assert.Multiple(() =>
        {
            Assert.That(events.Select(e => e.Span.Start), Is.Ordered);
            Assert.That(events.Select(e => e.GetType()), Is.EqualTo(new[]
            {
                typeof(UtteranceRecognized), typeof(UtteranceRecognized), typeof(UtteranceRecognized), typeof(CallHungUp),
            }));
            Assert.That(events.Select(e => e.CallId), Is.All.EqualTo("c9"));
        });
    }

    [Test]
    public void ToEvents_Segment_UtteranceCarriesTextWordsAndSource()
    {
        var first = (UtteranceRecognized)TranscriptEvents.ToEvents(Doc)[0];

        Assert.Multiple(() =>
        {
            Assert.That(first.Role, Is.EqualTo(SpeakerRole.Agent));
            Assert.That(first.Span, Is.EqualTo(AudioInterval.FromSeconds(0.5, 3.0)));
            Assert.That(first.Text, Is.EqualTo("您好请讲"));
            Assert.That(first.Source, Is.EqualTo("transcript"));
            Assert.That(first.Alternatives, Is.Empty);
            Assert.That(first.Words, Is.EqualTo(new[]
            {
                new RecognizedWord("您好", AudioInterval.FromSeconds(0.5, 1.0), 0.9),
                new RecognizedWord("请讲", AudioInterval.FromSeconds(1.2, 3.0), null),
            }));
        });
    }

    [Test]
    public void ToEvents_Hangup_InstantSpanByWhoHungUp()
    {
        var hangup = TranscriptEvents.ToEvents(Doc).OfType<CallHungUp>().Single();

        Assert.Multiple(() =>
        {
            Assert.That(hangup.Role, Is.EqualTo(SpeakerRole.Agent));
            Assert.That(hangup.Span.Start, Is.EqualTo(TimeSpan.FromSeconds(8)));
            Assert.That(hangup.Span.Duration, Is.EqualTo(TimeSpan.Zero));
        });
    }

    [Test]
    public void ToEvents_HangupAtSameInstantAsUtteranceStart_UtteranceFirst()
    {
        var events = TranscriptEvents.ToEvents(Doc);

        Assert.That(events[^1], Is.InstanceOf<CallHungUp>(), "the agent's 再见 starts at 8.0, the instant of the hang-up");
    }
}
