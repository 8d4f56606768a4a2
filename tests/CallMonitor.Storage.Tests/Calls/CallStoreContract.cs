using CallMonitor.Compliance.Rules;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Domain.Timeline;
using CallMonitor.Storage.Calls;
using CallMonitor.Storage.Errors;
using CallMonitor.Storage.Tests.Support;

namespace CallMonitor.Storage.Tests.Calls;

/// <summary>What every <see cref="ICallStore"/> must do; one fixture per implementation derives from it.</summary>
public abstract class CallStoreContract : StorageTestBase
{
    protected static readonly DateTimeOffset Nine = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    protected static readonly CallAudioFormat Stereo = new("mulaw", 8000, 2, ["agent", "customer"]);

    /// <summary>A new, empty store for one test.</summary>
    protected abstract Task<ICallStore> CreateCallStoreAsync();

    [Test]
    [CancelAfter(30_000)]
    public async Task StartCallAsync_ThenEnd_GetReturnsBoth(CancellationToken token)
    {
        var calls = await CreateCallStoreAsync();
        var start = new CallStartRecord("c1", "王小明", "客服一组", Nine, Stereo);
        var started = await calls.StartCallAsync(start, token);
        await calls.EndCallAsync(new CallEndRecord("c1", Nine.AddMinutes(3), Partial: true, "default.zh-CN", "7"), token);

        var call = await calls.GetCallAsync("c1", token);
        Assert.Multiple(() =>
        {
            Assert.That(started, Is.True);
            Assert.That(call, Is.Not.Null);
            Assert.That((call!.AgentId, call.Team, call.StartedAt, call.EndedAt), Is.EqualTo(("王小明", "客服一组", Nine, (DateTimeOffset?)Nine.AddMinutes(3))));
            Assert.That(call.AudioFormat.ChannelRoles, Is.EqualTo(Stereo.ChannelRoles));
            Assert.That((call.AudioFormat.Encoding, call.AudioFormat.SampleRate, call.AudioFormat.ChannelCount), Is.EqualTo(("mulaw", 8000, 2)));
            Assert.That((call.Partial, call.PackId, call.PackVersion), Is.EqualTo((true, "default.zh-CN", "7")));
            Assert.That((call.MaxSeverity, call.ViolationCount), Is.EqualTo(((RuleSeverity?)null, 0)));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task StartCallAsync_SameIdTwice_KeepsFirstAndReportsFalse(CancellationToken token)
    {
        var calls = await CreateCallStoreAsync();
        await calls.StartCallAsync(new CallStartRecord("c1", "a1", "t1", Nine, Stereo), token);
        var again = await calls.StartCallAsync(new CallStartRecord("c1", "a2", "t2", Nine.AddHours(1), Stereo), token);

        var call = await calls.GetCallAsync("c1", token);
        Assert.Multiple(() =>
        {
            Assert.That(again, Is.False);
            Assert.That((call!.AgentId, call.StartedAt), Is.EqualTo(("a1", Nine)));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task EndCallAsync_UnknownCall_CallNotFoundNamingTheId(CancellationToken token)
    {
        var calls = await CreateCallStoreAsync();
        var ex = Assert.ThrowsAsync<CallNotFoundException>(
            () => calls.EndCallAsync(new CallEndRecord("ghost", Nine, false, "p", "1"), token));
        Assert.That(ex!.Message, Does.Contain("ghost"));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task RecordViolationAsync_Updates_LatestStateWinsAndRetractedDoNotCount(CancellationToken token)
    {
        var calls = await CreateCallStoreAsync();
        await calls.StartCallAsync(new CallStartRecord("c1", "a1", "t1", Nine, Stereo), token);
        var shirk = Violation("c1", "v-shirk", "major", ViolationState.Provisional, 12.5);
        var abuse = Violation("c1", "v-abuse", "critical", ViolationState.Provisional, 40);
        await calls.RecordViolationAsync(shirk, token);
        await calls.RecordViolationAsync(abuse, token);
        var confirmed = shirk with { State = ViolationState.Confirmed, Sources = ["kws", "vosk"], Confidence = 0.93 };
        await calls.RecordViolationAsync(confirmed, token);
        await calls.RecordViolationAsync(abuse with { State = ViolationState.Retracted }, token);

        var violations = await calls.GetViolationsAsync("c1", token);
        var call = await calls.GetCallAsync("c1", token);
        Assert.Multiple(() =>
        {
            Assert.That(violations, Has.Count.EqualTo(2));
            Assert.That(violations[0], Is.EqualTo(confirmed).Using<ViolationDetected>(SameViolation));
            Assert.That(violations[1].State, Is.EqualTo(ViolationState.Retracted));
            Assert.That((call!.MaxSeverity, call.ViolationCount), Is.EqualTo(((RuleSeverity?)RuleSeverity.Major, 1)));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task ListCallsAsync_Paging_VisitsEveryCallOnceNewestFirst(CancellationToken token)
    {
        var calls = await CreateCallStoreAsync();
        var starts = new List<CallStartRecord>();
        for (var i = 0; i < 23; i++)
        {
            // Pairs of calls share a start time, so the id has to break ties across page boundaries.
            var start = new CallStartRecord($"call-{i:D2}", "a1", "t1", Nine.AddMinutes(i / 2), Stereo);
            starts.Add(start);
            await calls.StartCallAsync(start, token);
        }

        var pages = new List<CallPage>();
        string? pageToken = null;
        do
        {
            var page = await calls.ListCallsAsync(new CallQuery { PageSize = 5, PageToken = pageToken }, token);
            pages.Add(page);
            pageToken = page.NextPageToken;
        }
        while (pageToken is not null && pages.Count < 10);

        var listed = pages.SelectMany(p => p.Calls).ToList();
        var expected = starts.OrderByDescending(s => s.StartedAt).ThenByDescending(s => s.CallId, StringComparer.Ordinal).Select(s => s.CallId);
        Assert.Multiple(() =>
        {
            Assert.That(pages.Select(p => p.Calls.Count), Is.EqualTo(new[] { 5, 5, 5, 5, 3 }));
            Assert.That(listed.Select(c => c.CallId), Is.EqualTo(expected));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task ListCallsAsync_Filters_ReturnExactlyTheMatchingCalls(CancellationToken token)
    {
        var calls = await CreateCallStoreAsync();
        var starts = new List<CallStartRecord>();
        string[] teams = ["north", "south"];
        string[] agents = ["a1", "a2", "a3"];
        string?[] worst = [null, "minor", "major", "critical"];
        var worstByCall = new Dictionary<string, RuleSeverity?>();
        for (var i = 0; i < 24; i++)
        {
            var start = new CallStartRecord($"c{i:D2}", agents[i % 3], teams[i % 2], Nine.AddMinutes(10 * i), Stereo);
            starts.Add(start);
            await calls.StartCallAsync(start, token);
            var severity = worst[i % 4];
            worstByCall[start.CallId] = severity is null ? null : Enum.Parse<RuleSeverity>(severity, ignoreCase: true);
            if (severity is not null)
            {
                await calls.RecordViolationAsync(Violation(start.CallId, $"v{i}", severity, ViolationState.Confirmed, 5), token);
                await calls.RecordViolationAsync(Violation(start.CallId, $"w{i}", "info", ViolationState.Confirmed, 9), token);
            }
        }

        var from = Nine.AddMinutes(40);
        var to = Nine.AddMinutes(170);
        var cases = new (CallQuery Query, Func<CallStartRecord, bool> Expected)[]
        {
            (new CallQuery { Team = "south" }, s => s.Team == "south"),
            (new CallQuery { AgentId = "a2" }, s => s.AgentId == "a2"),
            (new CallQuery { From = from, To = to }, s => s.StartedAt >= from && s.StartedAt < to),
            (new CallQuery { MinSeverity = RuleSeverity.Major }, s => worstByCall[s.CallId] >= RuleSeverity.Major),
            (new CallQuery { Team = "north", MinSeverity = RuleSeverity.Minor, From = from }, s => s.Team == "north" && worstByCall[s.CallId] >= RuleSeverity.Minor && s.StartedAt >= from),
            (new CallQuery { Teams = ["north", "east"], AgentId = "a1" }, s => s.Team == "north" && s.AgentId == "a1"),
            (new CallQuery { Team = "south", Teams = ["north", "south"] }, s => s.Team == "south"),
        };

        foreach (var (query, predicate) in cases)
        {
            var page = await calls.ListCallsAsync(query with { PageSize = 100 }, token);
            var expected = starts.Where(predicate).OrderByDescending(s => s.StartedAt).Select(s => s.CallId).ToList();
            Assert.That(expected, Is.Not.Empty, $"case {query} selects something");
            Assert.That(page.Calls.Select(c => c.CallId), Is.EqualTo(expected), $"case {query}");
        }
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task ListCallsAsync_ForgedPageToken_InvalidPageToken(CancellationToken token)
    {
        var calls = await CreateCallStoreAsync();
        Assert.Multiple(() =>
        {
            Assert.ThrowsAsync<InvalidPageTokenException>(() => calls.ListCallsAsync(new CallQuery { PageToken = "not-a-token!" }, token));
            Assert.ThrowsAsync<InvalidPageTokenException>(() => calls.ListCallsAsync(new CallQuery { PageToken = "aGVsbG8" }, token));
        });
    }

    protected static ViolationDetected Violation(string call, string id, string severity, ViolationState state, double at) => new(
        call, SpeakerRole.Agent, AudioInterval.FromSeconds(at, at + 1.5), "forbidden.shirking", "forbidden_phrase", severity,
        "不归我管", "这个不归我管", ["kws"], 0.8, "default.zh-CN", "7", state, id);

    protected static bool SameViolation(ViolationDetected a, ViolationDetected b) =>
        a with { Sources = [] } == b with { Sources = [] } && a.Sources.SequenceEqual(b.Sources);
}
