using CallMonitor.Compliance.Rules;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Domain.Timeline;
using CallMonitor.Storage.Calls;
using CallMonitor.Storage.Postgres.Tests.Support;
using CallMonitor.Storage.RulePacks;

namespace CallMonitor.Storage.Postgres.Tests.MultiNode;

/// <summary>Two stateless nodes, each with its own <see cref="PostgresStorage"/> (own connection pool) on one database.</summary>
[Category("Integration")]
public sealed class TwoNodeTests
{
    private static readonly DateTimeOffset Nine = new(2025, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly CallAudioFormat Stereo = new("mulaw", 8000, 2, ["agent", "customer"]);
    private readonly PostgresDatabases _databases = new();

    [TearDown]
    public Task CloseStores() => _databases.DisposeAllAsync();

    [Test]
    [CancelAfter(30_000)]
    public async Task StartCallAsync_SameIdOnSecondNode_RefusedAndFirstStartKept(CancellationToken token)
    {
        var nodeA = await _databases.OpenAsync(cancellationToken: token);
        var nodeB = await _databases.OpenAsync(cancellationToken: token);

        var onA = await nodeA.Calls.StartCallAsync(new CallStartRecord("c1", "王小明", "客服一组", Nine, Stereo), token);
        var onB = await nodeB.Calls.StartCallAsync(new CallStartRecord("c1", "李四", "客服二组", Nine.AddMinutes(1), Stereo), token);
        var seenByB = await nodeB.Calls.GetCallAsync("c1", token);
        Assert.Multiple(() =>
        {
            Assert.That((onA, onB), Is.EqualTo((true, false)));
            Assert.That((seenByB!.AgentId, seenByB.Team, seenByB.StartedAt), Is.EqualTo(("王小明", "客服一组", Nine)));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task CallLifecycle_SplitAcrossNodes_EachNodeSeesTheOthersWrites(CancellationToken token)
    {
        var nodeA = await _databases.OpenAsync(cancellationToken: token);
        var nodeB = await _databases.OpenAsync(cancellationToken: token);
        await nodeA.Calls.StartCallAsync(new CallStartRecord("c1", "a1", "north", Nine, Stereo), token);
        await nodeB.Calls.RecordViolationAsync(Violation("c1", "v1", "critical"), token);
        await nodeB.Calls.EndCallAsync(new CallEndRecord("c1", Nine.AddMinutes(4), Partial: false, "default.zh-CN", "7"), token);
        await nodeB.Reports.PutReportAsync("c1", """{"score":40}""", null, token);
        await nodeB.Reports.PutTranscriptAsync("c1", """[{"text":"不归我管"}]""", token);

        var call = await nodeA.Calls.GetCallAsync("c1", token);
        var listed = await nodeA.Calls.ListCallsAsync(new CallQuery { Teams = ["north"], MinSeverity = RuleSeverity.Critical }, token);
        Assert.Multiple(async () =>
        {
            Assert.That((call!.EndedAt, call.PackVersion), Is.EqualTo(((DateTimeOffset?)Nine.AddMinutes(4), "7")));
            Assert.That((call.MaxSeverity, call.ViolationCount), Is.EqualTo(((RuleSeverity?)RuleSeverity.Critical, 1)));
            Assert.That(listed.Calls.Select(c => c.CallId), Is.EqualTo(new[] { "c1" }));
            Assert.That((await nodeA.Calls.GetViolationsAsync("c1", token)).Select(v => v.ViolationId), Is.EqualTo(new[] { "v1" }));
            Assert.That((await nodeA.Reports.GetReportAsync("c1", token))!.Json, Is.EqualTo("""{"score":40}"""));
            Assert.That(await nodeA.Reports.GetTranscriptAsync("c1", token), Is.EqualTo("""[{"text":"不归我管"}]"""));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task PublishAsync_BothNodesAtOnce_GapFreeRevisionsAndBothAgreeOnTheCurrentPack(CancellationToken token)
    {
        var nodeA = await _databases.OpenAsync(cancellationToken: token);
        var nodeB = await _databases.OpenAsync(cancellationToken: token);
        var published = await Task.WhenAll(Enumerable.Range(1, 10).Select(i =>
        {
            var node = i % 2 == 0 ? nodeA : nodeB;
            return Task.Run(() => node.RulePacks.PublishAsync(new RulePackPublication("p", $"1.{i}.0", $"body {i}", "ops"), token), token);
        }));

        var currentA = await nodeA.RulePacks.GetCurrentAsync(token);
        var currentB = await nodeB.RulePacks.GetCurrentAsync(token);
        Assert.Multiple(() =>
        {
            Assert.That(published.Select(p => p.Revision).Order(), Is.EqualTo(Enumerable.Range(1, 10).Select(i => (long)i)));
            Assert.That(currentA, Is.Not.Null);
            Assert.That(currentB, Is.EqualTo(currentA));
            Assert.That(published, Has.Some.EqualTo(currentA), "the pack in force is one that was published");
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task PublishAsync_SameVersionDifferentYamlOnOtherNode_Conflict(CancellationToken token)
    {
        var nodeA = await _databases.OpenAsync(cancellationToken: token);
        var nodeB = await _databases.OpenAsync(cancellationToken: token);
        var first = await nodeA.RulePacks.PublishAsync(new RulePackPublication("p", "2.0.0", "id: p\nversion: 2.0.0\n", "alice"), token);

        var ex = Assert.ThrowsAsync<RulePackVersionConflictException>(() =>
            nodeB.RulePacks.PublishAsync(new RulePackPublication("p", "2.0.0", "id: p\nversion: 2.0.0\n# edited\n", "bob"), token));
        Assert.Multiple(async () =>
        {
            Assert.That(ex!.ExistingRevision, Is.EqualTo(first.Revision));
            Assert.That(await nodeB.RulePacks.GetCurrentAsync(token), Is.EqualTo(first));
        });
    }

    private static ViolationDetected Violation(string call, string id, string severity) => new(
        call, SpeakerRole.Agent, AudioInterval.FromSeconds(12, 13.5), "forbidden.shirking", "forbidden_phrase", severity,
        "不归我管", "这个不归我管", ["kws"], 0.8, "default.zh-CN", "7", ViolationState.Confirmed, id);
}
