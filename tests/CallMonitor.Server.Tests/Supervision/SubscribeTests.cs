using CallMonitor.Contracts.V1;
using CallMonitor.Server.Hosting;
using CallMonitor.Server.Tests.Support;
using CallMonitor.Storage.Events;
using Grpc.Core;

namespace CallMonitor.Server.Tests.Supervision;

/// <summary>Supervision.Subscribe on the real server: filters, order, resume from a position, bad requests.</summary>
[Category("Integration")]
public class SubscribeTests
{
    private LoopbackServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        _server = await LoopbackServer.StartAsync(timeout.Token, new ServerOptions { Engines = ["none"] });
    }

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [Test]
    [CancelAfter(60_000)]
    public async Task Subscribe_CallsOfTwoTeams_SeesOnlyItsTeamsEventsInOrderAsTheAgentSawThem(CancellationToken ct)
    {
        await using var subscription = Subscription.Open(_server.Supervision, await FromNowAsync(new SubscribeRequest { Teams = { "red" } }, ct), ct);

        var red = await TextCalls.StreamAsync(_server.Calls, TextCalls.Rude("red-1", "r1", "red"), ct);
        await TextCalls.StreamAsync(_server.Calls, TextCalls.Rude("blue-1", "b1", "blue"), ct);
        var events = await subscription.UntilAsync(e => e.Lifecycle is { Kind: "report_ready", CallId: "red-1" }, ct);

        var seen = events.Where(e => e.Violation is not null).Select(e => (e.Violation.ViolationId, e.Violation.State)).ToList();
        var sent = red.Where(u => u.Violation is not null).Select(u => (u.Violation.ViolationId, u.Violation.State)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(events.Select(e => e.Team), Is.All.EqualTo("red"));
            Assert.That(events.Select(e => e.Position), Is.Ordered.Ascending.And.Unique);
            Assert.That(sent, Has.Some.Matches<(string, ViolationState State)>(v => v.State == ViolationState.Confirmed), "the call found no violation");
            Assert.That(seen, Is.EqualTo(sent), "the supervisor saw the violations the agent was sent, in the same order");
            Assert.That(events[0].Lifecycle?.Kind, Is.EqualTo("call_started"));
            Assert.That(events.Where(e => e.Violation is not null).Select(e => e.Violation.PackVersion), Is.All.Not.Empty);
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Subscribe_ResumeAfterLastSeenPosition_ReceivesExactlyTheEventsMissedWhileAway(CancellationToken ct)
    {
        var team = new SubscribeRequest { Teams = { "green" } };
        long last;
        await using (var first = Subscription.Open(_server.Supervision, await FromNowAsync(team, ct), ct))
        {
            await TextCalls.StreamAsync(_server.Calls, TextCalls.Rude("green-1", "g1", "green"), ct);
            last = (await first.UntilAsync(e => e.Lifecycle is { Kind: "report_ready" }, ct)).Max(e => e.Position);
        }

        // Away: two more calls of the team, and one of another team.
        await TextCalls.StreamAsync(_server.Calls, TextCalls.Rude("green-2", "g2", "green"), ct);
        await TextCalls.StreamAsync(_server.Calls, TextCalls.Rude("other-2", "o2", "other"), ct);
        await TextCalls.StreamAsync(_server.Calls, TextCalls.Rude("green-3", "g1", "green"), ct);

        await using var resumed = Subscription.Open(_server.Supervision, new SubscribeRequest(team) { AfterPosition = last }, ct);
        var events = await resumed.UntilAsync(e => e.Lifecycle is { Kind: "report_ready", CallId: "green-3" }, ct);
        var missed = await _server.Storage.Events.ReadAfterAsync(last, new EventFilter { Teams = ["green"] }, 1000, ct);

        Assert.Multiple(() =>
        {
            Assert.That(missed.Select(e => e.Record.CallId).Distinct(), Is.EquivalentTo(new[] { "green-2", "green-3" }));
            Assert.That(events.Select(e => e.Position), Is.EqualTo(missed.Select(e => e.Position)), "exactly the missed events, in order");
            Assert.That(events.Select(e => e.EventId), Is.EqualTo(missed.Select(e => e.Record.EventId)));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Subscribe_SinceStartWithCallFilter_ReplaysThatCallsWholeHistory(CancellationToken ct)
    {
        var updates = await TextCalls.StreamAsync(_server.Calls, TextCalls.Rude("history-1", "h1", "history"), ct);

        await using var replay = Subscription.Open(_server.Supervision, new SubscribeRequest { CallId = "history-1", SinceStart = true }, ct);
        var events = await replay.UntilAsync(e => e.Lifecycle is { Kind: "report_ready" }, ct);

        Assert.Multiple(() =>
        {
            Assert.That(events.Select(e => e.Lifecycle?.CallId ?? e.Violation.CallId), Is.All.EqualTo("history-1"));
            Assert.That(events.Count(e => e.Violation is not null), Is.EqualTo(updates.Count(u => u.Violation is not null)));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Subscribe_MinSeverityAndType_OnlyMatchingViolations(CancellationToken ct)
    {
        var request = await FromNowAsync(new SubscribeRequest { Teams = { "typed" }, Types_ = { "forbidden_phrase" }, MinSeverity = Severity.Major }, ct);
        await using var subscription = Subscription.Open(_server.Supervision, request, ct);
        var updates = await TextCalls.StreamAsync(_server.Calls, TextCalls.Rude("typed-1", "t1", "typed"), ct);
        var stored = await _server.Storage.Events.ReadAfterAsync(request.AfterPosition, new EventFilter { Teams = ["typed"] }, 1000, ct);
        var expected = stored.Where(e => e.Record.ViolationType == "forbidden_phrase" && e.Record.Severity >= Compliance.Rules.RuleSeverity.Major).ToList();
        Assume.That(expected, Is.Not.Empty, "the call has no major forbidden phrase to filter for");
        Assume.That(updates.Count(u => u.Violation is not null), Is.GreaterThan(expected.Count), "the call has nothing for the filter to leave out");

        while (subscription.Events.Count < expected.Count && !subscription.Ended)
        {
            await Task.Delay(20, ct);
        }

        Assert.Multiple(() =>
        {
            Assert.That(subscription.Events.Select(e => e.Position), Is.EqualTo(expected.Select(e => e.Position)));
            Assert.That(subscription.Events.Select(e => e.Violation?.Type), Is.All.EqualTo("forbidden_phrase"));
            Assert.That(subscription.Events.Select(e => e.Violation.Severity), Is.All.GreaterThanOrEqualTo(Severity.Major));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Subscribe_FromNow_HeadersSayWhereTheStreamStarts(CancellationToken ct)
    {
        await TextCalls.StreamAsync(_server.Calls, TextCalls.Rude("header-1", "h2", "header"), ct);
        var head = await _server.Storage.Events.GetHeadPositionAsync(ct);

        using var fromNow = _server.Supervision.Subscribe(new SubscribeRequest { Teams = { "header" } }, cancellationToken: ct);
        using var resumed = _server.Supervision.Subscribe(new SubscribeRequest { Teams = { "header" }, AfterPosition = 2 }, cancellationToken: ct);
        var now = (await fromNow.ResponseHeadersAsync).GetValue(Server.Supervision.SupervisionService.StartAfterHeader);
        var after = (await resumed.ResponseHeadersAsync).GetValue(Server.Supervision.SupervisionService.StartAfterHeader);

        Assert.Multiple(() =>
        {
            Assert.That(head, Is.GreaterThan(2));
            Assert.That(now, Is.EqualTo(head.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(after, Is.EqualTo("2"));
        });
    }

    [TestCase(-1L, false, "forbidden_phrase", StatusCode.InvalidArgument, "after_position")]
    [TestCase(0L, false, "shouting", StatusCode.InvalidArgument, "unknown violation type 'shouting'")]
    [TestCase(3L, true, "forbidden_phrase", StatusCode.InvalidArgument, "either since_start or after_position")]
    [TestCase(long.MaxValue, false, "forbidden_phrase", StatusCode.OutOfRange, "beyond the newest event")]
    [CancelAfter(30_000)]
    public async Task Subscribe_BadRequest_RefusedWithStatusAndReason(long after, bool sinceStart, string type, StatusCode status, string reason, CancellationToken ct)
    {
        using var call = _server.Supervision.Subscribe(new SubscribeRequest { AfterPosition = after, SinceStart = sinceStart, Types_ = { type } }, cancellationToken: ct);

        var error = Assert.ThrowsAsync<RpcException>(async () => await call.ResponseStream.MoveNext(ct));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(status));
            Assert.That(error.Status.Detail, Does.Contain(reason));
        });
    }

    /// <summary>
    /// The request resuming after the log's current head, so the subscription sees everything from now on however late
    /// the server gets to it (a request without a position starts at the head when the server handles it).
    /// </summary>
    private async Task<SubscribeRequest> FromNowAsync(SubscribeRequest request, CancellationToken ct)
    {
        var head = await _server.Storage.Events.GetHeadPositionAsync(ct);
        return head == 0 ? new SubscribeRequest(request) { SinceStart = true } : new SubscribeRequest(request) { AfterPosition = head };
    }
}
