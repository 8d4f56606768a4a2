using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Domain.Timeline;
using CallMonitor.Speech.Transcripts;

namespace CallMonitor.Speech.Tests.Transcripts;

public class TranscriptBuilderTests
{
    private const string Json = """
        {"callId":"c1","startedAt":"2026-11-23T09:15:00+08:00",
         "segments":[{"speaker":"agent","start":0.52,"end":3.1,"text":"您好，很高兴为您服务",
                      "words":[{"text":"您好","start":0.52,"end":0.9,"conf":0.98},{"text":"很","start":1.0,"end":1.2}]},
                     {"speaker":"customer","start":3.5,"end":5,"text":"我想问一下"}],
         "events":[{"type":"hangup","by":"customer","at":95.2}]}
        """;

    [Test]
    public void FromEvents_EventsOfATranscript_GivesTheSameTranscriptBack()
    {
        var original = TranscriptReader.Parse(Json, "t.json");

        var rebuilt = TranscriptBuilder.FromEvents("c1", original.StartedAt, TranscriptEvents.ToEvents(original), TranscriptEvents.Source);

        Assert.That(TranscriptWriter.Write(rebuilt), Is.EqualTo(TranscriptWriter.Write(original)));
    }

    [Test]
    public void FromEvents_SeveralSources_KeepsOnlyTheTextOfRecordAndOrdersByStart()
    {
        CallEvent[] events =
        [
            Utterance(SpeakerRole.Customer, 5, 6, "后面", "vosk"),
            Utterance(SpeakerRole.Agent, 1, 2, "前面", "vosk"),
            Utterance(SpeakerRole.Agent, 1, 2, "别的来源", "transcript"),
            new KeywordSpotted("c1", SpeakerRole.Agent, AudioInterval.FromSeconds(1, 2), "前面", "q ián m iàn", 0.5, "kws"),
        ];

        var transcript = TranscriptBuilder.FromEvents("c1", null, events, "vosk");

        Assert.Multiple(() =>
        {
            Assert.That(transcript.Segments.Select(s => s.Text), Is.EqualTo(new[] { "前面", "后面" }));
            Assert.That(transcript.Events, Is.Empty);
        });
    }

    private static UtteranceRecognized Utterance(SpeakerRole role, double start, double end, string text, string source) =>
        new("c1", role, AudioInterval.FromSeconds(start, end), text, [], source, []);
}
