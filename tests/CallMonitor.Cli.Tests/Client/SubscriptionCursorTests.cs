using CallMonitor.Cli.Client;
using CallMonitor.Contracts.V1;

namespace CallMonitor.Cli.Tests.Client;

/// <summary>Position tracking of <c>watch</c>: what each (re)subscription asks for, and which events are taken.</summary>
public class SubscriptionCursorTests
{
    private static ViolationEvent At(long position) => new() { Position = position, EventId = $"call/{position}", Lifecycle = new CallLifecycle { CallId = "call", Kind = "started" } };

    [Test]
    public void NextRequest_SinceStartNothingTaken_ReplaysThenResumesAfterTheLastTaken()
    {
        var filters = new SubscribeRequest { AgentId = "a7", Teams = { "north" }, MinSeverity = Severity.Major };
        var cursor = new SubscriptionCursor(filters, afterPosition: 0, sinceStart: true);
        var first = cursor.NextRequest();
        cursor.Take(At(4));
        var second = cursor.NextRequest();

        Assert.Multiple(() =>
        {
            Assert.That((first.AfterPosition, first.SinceStart), Is.EqualTo((0L, true)));
            Assert.That((second.AfterPosition, second.SinceStart), Is.EqualTo((4L, false)));
            Assert.That(second.AgentId, Is.EqualTo("a7"));
            Assert.That(second.Teams, Is.EqualTo(new[] { "north" }));
            Assert.That(second.MinSeverity, Is.EqualTo(Severity.Major));
            Assert.That(filters.AfterPosition, Is.Zero, "the caller's filters are left as they were");
        });
    }

    [Test]
    public void Started_FromNowBeforeAnyEvent_ResumesFromWhereTheServerSaidItStarted()
    {
        var fromNow = new SubscriptionCursor(new SubscribeRequest(), afterPosition: 0, sinceStart: false);
        var replay = new SubscriptionCursor(new SubscribeRequest(), afterPosition: 0, sinceStart: true);
        var resumed = new SubscriptionCursor(new SubscribeRequest(), afterPosition: 9, sinceStart: false);

        fromNow.Started(17);
        replay.Started(0);
        resumed.Started(9);
        resumed.Take(At(12));
        resumed.Started(3);

        Assert.Multiple(() =>
        {
            Assert.That((fromNow.NextRequest().AfterPosition, fromNow.NextRequest().SinceStart), Is.EqualTo((17L, false)), "a break before any event resumes after the head it started at");
            Assert.That((replay.NextRequest().AfterPosition, replay.NextRequest().SinceStart), Is.EqualTo((0L, true)), "a replay from the start stays one");
            Assert.That(resumed.NextRequest().AfterPosition, Is.EqualTo(12), "what was taken wins over a later header");
        });
    }

    [Test]
    public void Take_ReplayedAndOlderEvents_RefusedAndCounted()
    {
        var cursor = new SubscriptionCursor(new SubscribeRequest(), afterPosition: 10, sinceStart: false);

        var taken = new[] { 9L, 10, 11, 11, 12, 8, 14 }.Where(p => cursor.Take(At(p))).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(taken, Is.EqualTo(new[] { 11L, 12, 14 }));
            Assert.That(cursor.Duplicates, Is.EqualTo(4));
            Assert.That(cursor.NextRequest().AfterPosition, Is.EqualTo(14));
        });
    }

    [Test]
    public void FellBehind_NothingTakenYet_ResumesAfterTheServersPosition()
    {
        var cursor = new SubscriptionCursor(new SubscribeRequest(), afterPosition: 0, sinceStart: false);

        var resume = cursor.FellBehind(new FellBehind { ResumeAfter = 37, Dropped = 5 });

        Assert.Multiple(() =>
        {
            Assert.That(resume, Is.EqualTo(37));
            Assert.That((cursor.NextRequest().AfterPosition, cursor.NextRequest().SinceStart), Is.EqualTo((37L, false)));
        });
    }

    [TestCase(20, 20)]
    [TestCase(15, 20)]
    [TestCase(25, 20)]
    public void FellBehind_AfterTakingEvents_ResumesAfterTheLastTaken(long serverResumeAfter, long expected)
    {
        var cursor = new SubscriptionCursor(new SubscribeRequest(), afterPosition: 0, sinceStart: true);
        cursor.Take(At(19));
        cursor.Take(At(20));

        Assert.That(cursor.FellBehind(new FellBehind { ResumeAfter = serverResumeAfter }), Is.EqualTo(expected));
    }
}
