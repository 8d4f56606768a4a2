using System.Text.Json;
using CallMonitor.Domain.Calls;
using CallMonitor.Speech.Transcripts;

namespace CallMonitor.Speech.Tests.Transcripts;

[TestFixture]
public sealed class TranscriptWriterTests
{
    private static readonly TranscriptDocument Doc = new(
        "c1",
        new DateTimeOffset(2026, 11, 23, 9, 15, 0, TimeSpan.FromHours(8)),
        [
            new TranscriptSegment(SpeakerRole.Agent, 0.52, 3.1, "您好，很高兴为您服务",
                [new TranscriptWord("您好", 0.52, 0.9, 0.98), new TranscriptWord("服务", 2.7, 3.1, null)]),
            new TranscriptSegment(SpeakerRole.Customer, 2.8, 4.0, "喂？\"引号\"", []),
        ],
        [new TranscriptEvent(TranscriptEventType.Hangup, SpeakerRole.Customer, 95.2)]);

    [Test]
    public void Write_ThenRead_SameDocument()
    {
        var back = TranscriptReader.Parse(TranscriptWriter.Write(Doc), "roundtrip");

        Assert.Multiple(() =>
        {
            Assert.That(back.CallId, Is.EqualTo(Doc.CallId));
            Assert.That(back.StartedAt, Is.EqualTo(Doc.StartedAt));
            Assert.That(back.StartedAt!.Value.Offset, Is.EqualTo(TimeSpan.FromHours(8)));
            Assert.That(back.Events, Is.EqualTo(Doc.Events));
            Assert.That(back.Segments, Has.Count.EqualTo(Doc.Segments.Count));
            for (var i = 0; i < Doc.Segments.Count; i++)
            {
                Assert.That(back.Segments[i] with { Words = [] }, Is.EqualTo(Doc.Segments[i] with { Words = [] }));
                Assert.That(back.Segments[i].Words, Is.EqualTo(Doc.Segments[i].Words));
            }
        });
    }

    [Test]
    public void Write_Document_CamelCaseAndChineseUnescaped()
    {
        var json = TranscriptWriter.Write(Doc);

        using var parsed = JsonDocument.Parse(json);
        var root = parsed.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(json, Does.Contain("您好，很高兴为您服务"));
            Assert.That(json, Does.Not.Contain("\\u"));
            Assert.That(root.GetProperty("callId").GetString(), Is.EqualTo("c1"));
            Assert.That(root.GetProperty("startedAt").GetString(), Is.EqualTo("2026-11-23T09:15:00+08:00"));
            Assert.That(root.GetProperty("segments")[0].GetProperty("words")[0].GetProperty("conf").GetDouble(), Is.EqualTo(0.98));
            Assert.That(root.GetProperty("segments")[1].TryGetProperty("words", out _), Is.False, "empty words are left out");
            Assert.That(root.GetProperty("events")[0].GetProperty("by").GetString(), Is.EqualTo("customer"));
        });
    }

    [Test]
    public void Write_NoStartOrEvents_OptionalPartsLeftOut()
    {
        var json = TranscriptWriter.Write(Doc with { StartedAt = null, Events = [] });

        using var parsed = JsonDocument.Parse(json);
        Assert.Multiple(() =>
        {
            Assert.That(parsed.RootElement.TryGetProperty("startedAt", out _), Is.False);
            Assert.That(parsed.RootElement.TryGetProperty("events", out _), Is.False);
        });
    }

    [Test]
    public void Write_ReadThenWriteAgain_IdenticalText()
    {
        var once = TranscriptWriter.Write(Doc);

        var twice = TranscriptWriter.Write(TranscriptReader.Parse(once, "once"));

        Assert.That(twice, Is.EqualTo(once));
    }
}
