using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Speech.Transcripts;

namespace CallMonitor.Speech.Tests.Transcripts;

/// <summary>The transcript bundled with the demo call (samples/demo-call.transcript.json).</summary>
[TestFixture]
public sealed class SampleTranscriptTests
{
    private static string SamplePath()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CallMonitor.sln")))
        {
            dir = dir.Parent;
        }

        var path = dir is null ? null : Path.Combine(dir.FullName, "samples", "demo-call.transcript.json");
        if (path is null || !File.Exists(path))
        {
            Assert.Ignore("samples/demo-call.transcript.json not found above the test directory");
        }

        return path!;
    }

    [Test]
    public void Read_DemoCall_EightSegmentsAndCustomerHangup()
    {
        var doc = TranscriptReader.Read(SamplePath());

        Assert.Multiple(() =>
        {
            Assert.That(doc.CallId, Is.EqualTo("demo-call"));
            Assert.That(doc.Segments, Has.Count.EqualTo(8));
            Assert.That(doc.Segments.Select(s => s.Start), Is.Ordered);
            Assert.That(doc.Segments.Select(s => s.Speaker).Distinct(), Is.EquivalentTo(new[] { SpeakerRole.Agent, SpeakerRole.Customer }));
            Assert.That(doc.Events.Single().By, Is.EqualTo(SpeakerRole.Customer));
        });
    }

    [Test]
    public void ToEvents_DemoCall_EndsWithCustomerHangingUp()
    {
        var events = TranscriptEvents.ToEvents(TranscriptReader.Read(SamplePath()));

        Assert.Multiple(() =>
        {
            Assert.That(events.OfType<UtteranceRecognized>().Count(), Is.EqualTo(8));
            Assert.That(events[^1], Is.InstanceOf<CallHungUp>());
            Assert.That(events[^1].Role, Is.EqualTo(SpeakerRole.Customer));
        });
    }

    [Test]
    public void Write_DemoCall_ReadsBackEqual()
    {
        var doc = TranscriptReader.Read(SamplePath());

        var back = TranscriptReader.Parse(TranscriptWriter.Write(doc), "demo-call roundtrip");

        Assert.Multiple(() =>
        {
            Assert.That(back.Segments.Select(s => s with { Words = [] }), Is.EqualTo(doc.Segments.Select(s => s with { Words = [] })));
            Assert.That(back.Events, Is.EqualTo(doc.Events));
            Assert.That(back.StartedAt, Is.EqualTo(doc.StartedAt));
        });
    }
}
