using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Domain.Timeline;
using CallMonitor.Pipeline.Merging;

namespace CallMonitor.Pipeline.Tests.Merging;

public class EventMergerTests
{
    [Test]
    public void TakeReady_EventPastOneSourceOnly_IsHeldUntilEverySourcePasses()
    {
        var merger = new EventMerger();
        var fast = merger.AddSource();
        var slow = merger.AddSource();
        merger.Add([Hangup(2.0)]);
        merger.Advance(fast, TimeSpan.FromSeconds(5));
        merger.Advance(slow, TimeSpan.FromSeconds(1.5));

        Assert.That(merger.TakeReady(), Is.Empty);

        merger.Advance(slow, TimeSpan.FromSeconds(2.5));
        Assert.That(merger.TakeReady().Select(e => e.Span.End.TotalSeconds), Is.EqualTo(new[] { 2.0 }));
    }

    [Test]
    public void TakeReady_EventsFromSeveralSources_ComeOutInOrderOfTheirEnd()
    {
        var merger = new EventMerger();
        var a = merger.AddSource();
        var b = merger.AddSource();
        merger.Add([Hangup(3.0), Hangup(1.0)]);
        merger.Add([Hangup(2.0)]);
        merger.Advance(a, TimeSpan.FromSeconds(10));
        merger.Advance(b, TimeSpan.FromSeconds(10));

        Assert.That(merger.TakeReady().Select(e => e.Span.End.TotalSeconds), Is.EqualTo(new[] { 1.0, 2.0, 3.0 }));
    }

    [Test]
    public void Add_EventBehindTheHorizon_IsReleasedAtOnceAndCountedLate()
    {
        var merger = new EventMerger();
        var a = merger.AddSource();
        merger.Advance(a, TimeSpan.FromSeconds(10));
        merger.Add([Hangup(4.0)]);

        Assert.Multiple(() =>
        {
            Assert.That(merger.TakeReady(), Has.Count.EqualTo(1));
            Assert.That(merger.LateEvents, Is.EqualTo(1));
        });
    }

    [Test]
    public void Close_LastOpenSource_ReleasesEverythingHeld()
    {
        var merger = new EventMerger();
        var a = merger.AddSource();
        merger.Add([Hangup(50.0), Hangup(7.0)]);
        merger.Advance(a, TimeSpan.FromSeconds(1));
        Assert.That(merger.TakeReady(), Is.Empty);

        merger.Close(a);
        Assert.That(merger.TakeReady().Select(e => e.Span.End.TotalSeconds), Is.EqualTo(new[] { 7.0, 50.0 }));
    }

    [Test]
    public void Advance_Backwards_DoesNotMoveTheWatermarkBack()
    {
        var merger = new EventMerger();
        var a = merger.AddSource();
        merger.Advance(a, TimeSpan.FromSeconds(5));
        merger.Advance(a, TimeSpan.FromSeconds(3));

        Assert.That(merger.Horizon, Is.EqualTo(TimeSpan.FromSeconds(5)));
    }

    private static CallHungUp Hangup(double at) => new("c1", SpeakerRole.Agent, AudioInterval.FromSeconds(at, at));
}
