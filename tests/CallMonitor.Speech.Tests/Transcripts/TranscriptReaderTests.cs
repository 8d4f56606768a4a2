using CallMonitor.Domain.Calls;
using CallMonitor.Speech.Transcripts;

namespace CallMonitor.Speech.Tests.Transcripts;

[TestFixture]
public sealed class TranscriptReaderTests
{
    // Out of order in the file; agent and customer overlap at 2.8-3.1; two agent segments share a start.
    private const string Json = """
        {"callId":"c1","startedAt":"2026-11-23T09:15:00+08:00",
         "segments":[
          {"speaker":"customer","start":2.80,"end":4.00,"text":"喂？"},
          {"speaker":"agent","start":0.52,"end":3.10,"text":"您好，很高兴为您服务",
           "words":[{"text":"您好","start":0.52,"end":0.90,"conf":0.98},{"text":"服务","start":2.70,"end":3.11}]},
          {"speaker":"Agent","start":5.0,"end":6.0,"text":"第一句"},
          {"speaker":"agent","start":5.0,"end":5.5,"text":"第二句"}
         ],
         "events":[{"type":"hangup","by":"customer","at":95.2}],
         "comment":"unknown properties are ignored"}
        """;

    [Test]
    public void Parse_ValidTranscript_ReadsEveryField()
    {
        var doc = TranscriptReader.Parse(Json, "c1.json");

        var agent = doc.Segments.Single(s => s.Text == "您好，很高兴为您服务");
        Assert.Multiple(() =>
        {
            Assert.That(doc.CallId, Is.EqualTo("c1"));
            Assert.That(doc.StartedAt, Is.EqualTo(new DateTimeOffset(2026, 11, 23, 9, 15, 0, TimeSpan.FromHours(8))));
            Assert.That(doc.Segments, Has.Count.EqualTo(4));
            Assert.That(agent.Speaker, Is.EqualTo(SpeakerRole.Agent));
            Assert.That(agent.Start, Is.EqualTo(0.52));
            Assert.That(agent.End, Is.EqualTo(3.10));
            Assert.That(agent.Words.Select(w => w.Text), Is.EqualTo(new[] { "您好", "服务" }));
            Assert.That(agent.Words[0].Confidence, Is.EqualTo(0.98));
            Assert.That(agent.Words[1].Confidence, Is.Null);
            Assert.That(doc.Events, Is.EqualTo(new[] { new TranscriptEvent(TranscriptEventType.Hangup, SpeakerRole.Customer, 95.2) }));
        });
    }

    [Test]
    public void Parse_SegmentsOutOfOrder_SortedByStartKeepingFileOrderOnTies()
    {
        var doc = TranscriptReader.Parse(Json, "c1.json");

        Assert.Multiple(() =>
        {
            Assert.That(doc.Segments.Select(s => s.Start), Is.Ordered);
            Assert.That(doc.Segments.Select(s => s.Text), Is.EqualTo(new[] { "您好，很高兴为您服务", "喂？", "第一句", "第二句" }));
        });
    }

    [Test]
    public void Parse_WordJustPastSegmentEnd_ClampedToSegment()
    {
        var doc = TranscriptReader.Parse(Json, "c1.json");

        var word = doc.Segments[0].Words[1];
        Assert.Multiple(() =>
        {
            Assert.That(word.End, Is.EqualTo(3.10), "3.11 is within the rounding tolerance of the segment end 3.10");
            Assert.That(word.Start, Is.EqualTo(2.70));
        });
    }

    [Test]
    public void Parse_OptionalPartsAbsent_EmptyNotNull()
    {
        var doc = TranscriptReader.Parse(
            """{"callId":"c2","segments":[{"speaker":"customer","start":0,"end":0,"text":""}]}""", "c2.json");

        Assert.Multiple(() =>
        {
            Assert.That(doc.StartedAt, Is.Null);
            Assert.That(doc.Events, Is.Empty);
            Assert.That(doc.Segments.Single().Words, Is.Empty);
        });
    }
}
