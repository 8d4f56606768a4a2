using CallMonitor.Acoustics.Timeline;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Domain.Timeline;

namespace CallMonitor.Acoustics.Tests.Timeline;

public class ConversationTimelineTests
{
    private static SpeechSegmentDetected Segment(SpeakerRole role, double start, double end) =>
        new("c1", role, AudioInterval.FromSeconds(start, end), new SegmentLoudness(-20, -6, 0), null);

    [Test]
    public void Complete_GapsBetweenTurns_ReportsOnlyGapsOverMinimum()
    {
        var timeline = new ConversationTimeline("c1", new TimelineOptions { MinSilence = TimeSpan.FromSeconds(2) });
        timeline.Add(Segment(SpeakerRole.Agent, 0.5, 3.0));
        timeline.Add(Segment(SpeakerRole.Customer, 4.1, 6.0));  // 1.1 s turn gap: not a silence
        timeline.Add(Segment(SpeakerRole.Agent, 20.0, 22.0));   // 14 s gap
        timeline.Complete(TimeSpan.FromSeconds(25));

        var silences = timeline.TakeEvents().OfType<SilenceDetected>().ToArray();

        Assert.That(silences.Select(s => (s.Span.Start.TotalSeconds, s.Span.End.TotalSeconds)), Is.EqualTo(new[] { (6.0, 20.0), (22.0, 25.0) }));
        Assert.Multiple(() =>
        {
            Assert.That(silences[0].Before, Is.EqualTo(SpeakerRole.Customer));
            Assert.That(silences[0].After, Is.EqualTo(SpeakerRole.Agent));
            Assert.That(silences[1].After, Is.Null);
        });
    }

    [Test]
    public void Add_CustomerStartsWhileAgentSpeaks_OverlapAttributedToCustomer()
    {
        var timeline = new ConversationTimeline("c1");
        timeline.Add(Segment(SpeakerRole.Customer, 5.0, 9.0));
        timeline.Add(Segment(SpeakerRole.Agent, 2.0, 6.0)); // reported later, but started first
        timeline.Complete(TimeSpan.FromSeconds(10));

        var overlap = timeline.TakeEvents().OfType<OverlapDetected>().Single();

        Assert.Multiple(() =>
        {
            Assert.That(overlap.Role, Is.EqualTo(SpeakerRole.Customer));
            Assert.That(overlap.InterruptedRole, Is.EqualTo(SpeakerRole.Agent));
            Assert.That(overlap.Span, Is.EqualTo(AudioInterval.FromSeconds(5.0, 6.0)));
        });
    }

    [Test]
    public void Complete_BargeInSplitAtAShortPause_OneOverlap()
    {
        var timeline = new ConversationTimeline("c1");
        timeline.Add(Segment(SpeakerRole.Agent, 2.0, 7.0));
        timeline.Add(Segment(SpeakerRole.Customer, 5.0, 6.0));   // "明天？"
        timeline.Add(Segment(SpeakerRole.Customer, 6.3, 8.0));   // "能不能今天就来修？"
        timeline.Complete(TimeSpan.FromSeconds(10));

        var overlap = timeline.TakeEvents().OfType<OverlapDetected>().Single();

        Assert.Multiple(() =>
        {
            Assert.That(overlap.Span, Is.EqualTo(AudioInterval.FromSeconds(5.0, 7.0)));
            Assert.That(overlap.Role, Is.EqualTo(SpeakerRole.Customer));
        });
    }

    [Test]
    public void Complete_TwoBargeInsFarApart_TwoOverlaps()
    {
        var timeline = new ConversationTimeline("c1");
        timeline.Add(Segment(SpeakerRole.Agent, 0.0, 10.0));
        timeline.Add(Segment(SpeakerRole.Customer, 2.0, 3.0));
        timeline.Add(Segment(SpeakerRole.Customer, 6.0, 7.0));
        timeline.Complete(TimeSpan.FromSeconds(12));

        Assert.That(timeline.TakeEvents().OfType<OverlapDetected>().Count(), Is.EqualTo(2));
    }

    [Test]
    public void Advance_OverlapIsHeldUntilNoPieceCanJoinIt()
    {
        var timeline = new ConversationTimeline("c1");
        timeline.Add(Segment(SpeakerRole.Agent, 2.0, 7.0));
        timeline.Add(Segment(SpeakerRole.Customer, 5.0, 6.0));
        timeline.Advance(TimeSpan.FromSeconds(6.3));
        Assert.That(timeline.TakeEvents().OfType<OverlapDetected>(), Is.Empty, "a piece starting before 6.5 s could still join");

        timeline.Advance(TimeSpan.FromSeconds(6.6));
        Assert.That(timeline.TakeEvents().OfType<OverlapDetected>().Single().Span, Is.EqualTo(AudioInterval.FromSeconds(5.0, 6.0)));
    }

    [Test]
    public void Add_OverlapShorterThanMinimum_NotReported()
    {
        var timeline = new ConversationTimeline("c1", new TimelineOptions { MinOverlap = TimeSpan.FromMilliseconds(250) });
        timeline.Add(Segment(SpeakerRole.Agent, 0, 3.0));
        timeline.Add(Segment(SpeakerRole.Customer, 2.9, 5.0));
        timeline.Complete(TimeSpan.FromSeconds(6));

        Assert.That(timeline.TakeEvents().OfType<OverlapDetected>(), Is.Empty);
    }

    [Test]
    public void Advance_SilenceIsReportedOnceTheNextSpeechIsDecided_NotBefore()
    {
        var timeline = new ConversationTimeline("c1");
        timeline.Add(Segment(SpeakerRole.Agent, 0, 2));
        timeline.Add(Segment(SpeakerRole.Agent, 10, 12));
        timeline.Advance(TimeSpan.FromSeconds(9));
        Assert.That(timeline.TakeEvents().OfType<SilenceDetected>(), Is.Empty, "the segment at 10 s is beyond the horizon");

        timeline.Advance(TimeSpan.FromSeconds(11));
        var silence = timeline.TakeEvents().OfType<SilenceDetected>().Single();
        Assert.That(silence.Span, Is.EqualTo(AudioInterval.FromSeconds(2, 10)));
    }

    [Test]
    public void Complete_NobodySpeaks_WholeCallIsOneSilence()
    {
        var timeline = new ConversationTimeline("c1");
        timeline.Complete(TimeSpan.FromSeconds(30));

        var silence = timeline.TakeEvents().OfType<SilenceDetected>().Single();
        Assert.Multiple(() =>
        {
            Assert.That(silence.Span, Is.EqualTo(AudioInterval.FromSeconds(0, 30)));
            Assert.That(silence.Before, Is.Null);
        });
    }

    [Test]
    public void Complete_MonoSegmentsNeverOverlapEachOther()
    {
        var timeline = new ConversationTimeline("c1");
        timeline.Add(Segment(SpeakerRole.Mixed, 0, 5));
        timeline.Add(Segment(SpeakerRole.Mixed, 4, 8));
        timeline.Complete(TimeSpan.FromSeconds(8));

        Assert.That(timeline.TakeEvents().OfType<OverlapDetected>(), Is.Empty);
    }
}
