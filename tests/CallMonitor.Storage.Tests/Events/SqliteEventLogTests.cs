using CallMonitor.Compliance.Rules;
using CallMonitor.Storage.Events;
using CallMonitor.Storage.Tests.Support;

namespace CallMonitor.Storage.Tests.Events;

public sealed class SqliteEventLogTests : StorageTestBase
{
    // A mixed log: two teams, three agents, three calls, every kind, several types and severities.
    private static readonly EventRecord[] Mixed =
    [
        Support.Events.Lifecycle("e1", EventKind.CallStarted, call: "c1", agent: "a1", team: "north"),
        Support.Events.Violation("e2", call: "c1", agent: "a1", team: "north", type: "forbidden_phrase", severity: RuleSeverity.Major),
        Support.Events.Lifecycle("e3", EventKind.CallStarted, call: "c2", agent: "a2", team: "south"),
        Support.Events.Violation("e4", call: "c2", agent: "a2", team: "south", type: "missing_greeting", severity: RuleSeverity.Minor),
        Support.Events.Violation("e5", call: "c1", agent: "a1", team: "north", type: "abuse", severity: RuleSeverity.Critical),
        Support.Events.Lifecycle("e6", EventKind.CallEnded, call: "c1", agent: "a1", team: "north"),
        Support.Events.Violation("e7", call: "c3", agent: "a3", team: "north", type: "filler_words", severity: RuleSeverity.Info),
        Support.Events.Lifecycle("e8", EventKind.ReportReady, call: "c1", agent: "a1", team: "north"),
        Support.Events.Violation("e9", call: "c2", agent: "a2", team: "south", type: "forbidden_phrase", severity: RuleSeverity.Critical),
    ];

    private static IEnumerable<TestCaseData> Filters()
    {
        yield return Case("teams", new EventFilter { Teams = ["south"] }, e => e.Team == "south");
        yield return Case("two teams", new EventFilter { Teams = ["south", "north"] }, _ => true);
        yield return Case("agent", new EventFilter { AgentId = "a1" }, e => e.AgentId == "a1");
        yield return Case("call", new EventFilter { CallId = "c2" }, e => e.CallId == "c2");
        yield return Case("min severity", new EventFilter { MinSeverity = RuleSeverity.Major }, e => e.Severity >= RuleSeverity.Major);
        yield return Case("types", new EventFilter { ViolationTypes = ["forbidden_phrase", "abuse"] },
            e => e.ViolationType is "forbidden_phrase" or "abuse");
        yield return Case("kinds", new EventFilter { Kinds = [EventKind.CallStarted, EventKind.ReportReady] },
            e => e.Kind is EventKind.CallStarted or EventKind.ReportReady);
        yield return Case("team and severity", new EventFilter { Teams = ["north"], MinSeverity = RuleSeverity.Minor },
            e => e.Team == "north" && e.Severity >= RuleSeverity.Minor);
    }

    private static TestCaseData Case(string name, EventFilter filter, Func<EventRecord, bool> expected) =>
        new TestCaseData(filter, expected).SetArgDisplayNames(name);

    [Test]
    [CancelAfter(30_000)]
    public async Task AppendAsync_Sequence_PositionsStartAtOneAndIncreaseByOne(CancellationToken token)
    {
        var storage = await OpenAsync();
        var positions = new List<long>();
        foreach (var record in Mixed)
        {
            positions.Add(await storage.Events.AppendAsync(record, token));
        }

        Assert.Multiple(async () =>
        {
            Assert.That(positions, Is.EqualTo(Enumerable.Range(1, Mixed.Length).Select(i => (long)i)));
            Assert.That(await storage.Events.GetHeadPositionAsync(token), Is.EqualTo(Mixed.Length));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task GetHeadPositionAsync_EmptyLog_Zero(CancellationToken token)
    {
        var storage = await OpenAsync();
        Assert.That(await storage.Events.GetHeadPositionAsync(token), Is.Zero);
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task AppendAsync_SameEventIdTwice_StoredOnceAtFirstPosition(CancellationToken token)
    {
        var storage = await OpenAsync();
        var first = await storage.Events.AppendAsync(Support.Events.Violation("dup"), token);
        await storage.Events.AppendAsync(Support.Events.Violation("other"), token);
        var again = await storage.Events.AppendAsync(Support.Events.Violation("dup"), token);

        var all = await storage.Events.ReadAfterAsync(0, EventFilter.All, 100, token);
        Assert.Multiple(() =>
        {
            Assert.That(again, Is.EqualTo(first));
            Assert.That(all.Select(e => e.Record.EventId), Is.EqualTo(new[] { "dup", "other" }));
            Assert.That(all.Select(e => e.Position), Is.EqualTo(new long[] { 1, 2 }));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task ReadAfterAsync_AfterPosition_ReturnsLaterEventsInOrderWithFieldsIntact(CancellationToken token)
    {
        var storage = await OpenAsync();
        foreach (var record in Mixed)
        {
            await storage.Events.AppendAsync(record, token);
        }

        var read = await storage.Events.ReadAfterAsync(4, EventFilter.All, 100, token);
        Assert.Multiple(() =>
        {
            Assert.That(read.Select(e => e.Position), Is.EqualTo(new long[] { 5, 6, 7, 8, 9 }));
            Assert.That(read.Select(e => e.Record), Is.EqualTo(Mixed.Skip(4)), "records come back equal, Chinese payload included");
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task ReadAfterAsync_Limit_ReturnsFirstEventsAndResumesWithoutLossOrRepeat(CancellationToken token)
    {
        var storage = await OpenAsync();
        foreach (var record in Mixed)
        {
            await storage.Events.AppendAsync(record, token);
        }

        var seen = new List<StoredEvent>();
        long position = 0;
        while (true)
        {
            var batch = await storage.Events.ReadAfterAsync(position, EventFilter.All, 4, token);
            if (batch.Count == 0)
            {
                break;
            }

            Assert.That(batch, Has.Count.LessThanOrEqualTo(4));
            seen.AddRange(batch);
            position = batch[^1].Position;
        }

        Assert.That(seen.Select(e => e.Record.EventId), Is.EqualTo(Mixed.Select(e => e.EventId)));
    }

    [TestCaseSource(nameof(Filters))]
    [CancelAfter(30_000)]
    public async Task ReadAfterAsync_Filter_ReturnsExactlyMatchingEvents(EventFilter filter, Func<EventRecord, bool> expected, CancellationToken token)
    {
        var storage = await OpenAsync();
        foreach (var record in Mixed)
        {
            await storage.Events.AppendAsync(record, token);
        }

        var read = await storage.Events.ReadAfterAsync(0, filter, 100, token);
        var wanted = Mixed.Where(expected).Select(e => e.EventId).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(wanted, Is.Not.Empty.And.Count.LessThanOrEqualTo(Mixed.Length), "the case must select something");
            Assert.That(read.Select(e => e.Record.EventId), Is.EqualTo(wanted));
        });
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task AppendAsync_EightParallelWriters_PositionsUniqueGapFreeAndInOrderPerWriter(CancellationToken token)
    {
        const int writers = 8;
        const int perWriter = 60;
        var storage = await OpenAsync();
        var results = await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var mine = new List<long>();
            for (var i = 0; i < perWriter; i++)
            {
                mine.Add(await storage.Events.AppendAsync(Support.Events.Violation($"w{w}-{i}", call: $"call-{w}"), token));
            }

            return mine;
        }, token)));

        var all = results.SelectMany(p => p).Order().ToList();
        var read = await storage.Events.ReadAfterAsync(0, EventFilter.All, IEventLog.MaxReadLimit, token);
        Assert.Multiple(() =>
        {
            Assert.That(all, Is.EqualTo(Enumerable.Range(1, writers * perWriter).Select(i => (long)i)), "no gaps, no duplicates");
            Assert.That(results, Has.All.Ordered.Ascending, "each writer sees its own appends in order");
            Assert.That(read.Select(e => e.Position), Is.EqualTo(all));
            Assert.That(read.Select(e => e.Record.EventId).Distinct().Count(), Is.EqualTo(writers * perWriter));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task OpenAsync_AfterRestart_KeepsEventsAndContinuesPositions(CancellationToken token)
    {
        var first = await OpenAsync();
        foreach (var record in Mixed)
        {
            await first.Events.AppendAsync(record, token);
        }

        await CloseAsync(first);
        var reopened = await OpenAsync();
        var read = await reopened.Events.ReadAfterAsync(0, EventFilter.All, 100, token);
        var next = await reopened.Events.AppendAsync(Support.Events.Violation("after-restart"), token);
        var repeated = await reopened.Events.AppendAsync(Mixed[2], token);

        Assert.Multiple(() =>
        {
            Assert.That(read.Select(e => e.Record), Is.EqualTo(Mixed));
            Assert.That(next, Is.EqualTo(Mixed.Length + 1));
            Assert.That(repeated, Is.EqualTo(3), "idempotence survives the restart");
        });
    }
}
