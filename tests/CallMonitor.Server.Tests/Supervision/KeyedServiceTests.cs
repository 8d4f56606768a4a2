using CallMonitor.Contracts.V1;
using CallMonitor.Server.Hosting;
using CallMonitor.Server.Security;
using CallMonitor.Server.Tests.Support;
using Grpc.Core;

namespace CallMonitor.Server.Tests.Supervision;

/// <summary>
/// The real server started with an API key file: who may stream, subscribe, read reports and publish rule packs, and
/// the status everyone else gets.
/// </summary>
[Category("Integration")]
public class KeyedServiceTests
{
    private static readonly (string Key, CallerIdentity Who)[] Keys =
    [
        (ApiKeyMaterial.NewKey(), CallerIdentity.Agent("desk-a1", "a1", "north")),
        (ApiKeyMaterial.NewKey(), CallerIdentity.Agent("desk-a2", "a2", "north")),
        (ApiKeyMaterial.NewKey(), CallerIdentity.Agent("desk-s1", "s1", "south")),
        (ApiKeyMaterial.NewKey(), CallerIdentity.Supervisor("lead-north", ["north"])),
        (ApiKeyMaterial.NewKey(), CallerIdentity.Admin("ops")),
    ];

    private LoopbackServer _server = null!;
    private string _keyFile = null!;

    private static Metadata A1 => As("desk-a1");

    private static Metadata A2 => As("desk-a2");

    private static Metadata S1 => As("desk-s1");

    private static Metadata Lead => As("lead-north");

    private static Metadata Ops => As("ops");

    [OneTimeSetUp]
    public async Task StartServer()
    {
        _keyFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(_keyFile, "keys:\n" + string.Concat(Keys.Select(k => ApiKeyFile.FormatEntry(k.Who, ApiKeyMaterial.HashHex(k.Key)))));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        _server = await LoopbackServer.StartAsync(timeout.Token, new ServerOptions { Engines = ["none"], ApiKeysPath = _keyFile });
        await TextCalls.StreamAsync(_server.Calls, TextCalls.Rude("keyed-a1", "a1", "north"), timeout.Token, A1);
        await TextCalls.StreamAsync(_server.Calls, TextCalls.Rude("keyed-a2", "a2", "north"), timeout.Token, A2);
        await TextCalls.StreamAsync(_server.Calls, TextCalls.Rude("keyed-s1", "s1", "south"), timeout.Token, S1);
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        await _server.DisposeAsync();
        File.Delete(_keyFile);
    }

    [Test]
    [CancelAfter(30_000)]
    public void Subscribe_AgentKeyAsksForAnotherTeam_PermissionDenied(CancellationToken ct)
    {
        using var call = _server.Supervision.Subscribe(new SubscribeRequest { Teams = { "south" }, SinceStart = true }, A1, cancellationToken: ct);

        var error = Assert.ThrowsAsync<RpcException>(async () => await call.ResponseStream.MoveNext(ct));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.PermissionDenied));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Subscribe_AgentKeyWithoutFilter_SeesOnlyItsOwnCalls(CancellationToken ct)
    {
        await using var subscription = Subscription.Open(_server.Supervision, new SubscribeRequest { SinceStart = true }, ct, A1);
        var events = await subscription.UntilAsync(e => e.Lifecycle is { Kind: "report_ready", CallId: "keyed-a1" }, ct);

        Assert.Multiple(() =>
        {
            Assert.That(events, Is.Not.Empty);
            Assert.That(events.Select(e => e.AgentId), Is.All.EqualTo("a1"), "a teammate's alerts reached the agent");
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Subscribe_SupervisorKey_OwnTeamOnlyAndAnotherTeamDenied(CancellationToken ct)
    {
        await using var subscription = Subscription.Open(_server.Supervision, new SubscribeRequest { SinceStart = true }, ct, Lead);
        var events = await subscription.UntilAsync(e => e.Lifecycle is { Kind: "report_ready", CallId: "keyed-a2" }, ct);
        using var south = _server.Supervision.Subscribe(new SubscribeRequest { Teams = { "south" } }, Lead, cancellationToken: ct);
        var denied = Assert.ThrowsAsync<RpcException>(async () => await south.ResponseStream.MoveNext(ct));

        Assert.Multiple(() =>
        {
            Assert.That(events.Select(e => e.Team), Is.All.EqualTo("north"));
            Assert.That(events.Select(e => e.AgentId).Distinct(), Is.EquivalentTo(new[] { "a1", "a2" }));
            Assert.That(denied!.StatusCode, Is.EqualTo(StatusCode.PermissionDenied));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Calls_NoKeyOrUnknownKey_Unauthenticated(CancellationToken ct)
    {
        var unknown = new Metadata { { "authorization", "Bearer " + ApiKeyMaterial.NewKey() } };
        var noKey = Assert.ThrowsAsync<RpcException>(() => TextCalls.StreamAsync(_server.Calls, TextCalls.Rude("keyless", "a1", "north"), ct));
        var wrongKey = Assert.ThrowsAsync<RpcException>(async () => await _server.Reports.GetReportAsync(new GetReportRequest { CallId = "keyed-a1" }, unknown, cancellationToken: ct));
        using var subscribe = _server.Supervision.Subscribe(new SubscribeRequest(), cancellationToken: ct);
        var subscribeNoKey = Assert.ThrowsAsync<RpcException>(async () => await subscribe.ResponseStream.MoveNext(ct));
        var health = await new Grpc.Health.V1.Health.HealthClient(_server.Channel).CheckAsync(new Grpc.Health.V1.HealthCheckRequest(), cancellationToken: ct);

        Assert.Multiple(() =>
        {
            Assert.That(noKey!.StatusCode, Is.EqualTo(StatusCode.Unauthenticated));
            Assert.That(wrongKey!.StatusCode, Is.EqualTo(StatusCode.Unauthenticated));
            Assert.That(subscribeNoKey!.StatusCode, Is.EqualTo(StatusCode.Unauthenticated));
            Assert.That(health.Status, Is.EqualTo(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving), "health checks need no key");
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public void StreamCall_AgentKeyStreamsAsAnotherAgent_PermissionDeniedAndNothingStored(CancellationToken ct)
    {
        var error = Assert.ThrowsAsync<RpcException>(() => TextCalls.StreamAsync(_server.Calls, TextCalls.Rude("impostor", "a2", "north"), ct, A1));

        Assert.Multiple(async () =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.PermissionDenied));
            Assert.That(await _server.Storage.Calls.GetCallAsync("impostor", ct), Is.Null);
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Reports_ReadAndList_WithinTheKeysReach(CancellationToken ct)
    {
        var own = await _server.Reports.GetReportAsync(new GetReportRequest { CallId = "keyed-a1" }, A1, cancellationToken: ct);
        var teammate = Assert.ThrowsAsync<RpcException>(async () => await _server.Reports.GetReportAsync(new GetReportRequest { CallId = "keyed-a2" }, A1, cancellationToken: ct));
        var leadList = await _server.Reports.ListCallsAsync(new ListCallsRequest(), Lead, cancellationToken: ct);
        var adminList = await _server.Reports.ListCallsAsync(new ListCallsRequest(), Ops, cancellationToken: ct);

        Assert.Multiple(() =>
        {
            Assert.That(own.Content, Does.Contain("keyed-a1"));
            Assert.That(teammate!.StatusCode, Is.EqualTo(StatusCode.PermissionDenied));
            Assert.That(leadList.Calls.Select(c => c.CallId), Is.EquivalentTo(new[] { "keyed-a1", "keyed-a2" }));
            Assert.That(adminList.Calls.Select(c => c.CallId), Is.SupersetOf(new[] { "keyed-a1", "keyed-a2", "keyed-s1" }));
            Assert.That(adminList.Calls.Where(c => c.CallId == "keyed-a1").Select(c => c.ViolationCount), Is.All.GreaterThan(0));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task PublishRulePack_SupervisorKeyDeniedAdminKeyAllowed(CancellationToken ct)
    {
        var rules = new Contracts.V1.Rules.RulesClient(_server.Channel);
        var current = await rules.GetRulePackAsync(new GetRulePackRequest(), Lead, cancellationToken: ct);

        var denied = Assert.ThrowsAsync<RpcException>(async () => await rules.PublishRulePackAsync(new RulePackDocument { Yaml = current.Yaml }, Lead, cancellationToken: ct));
        var published = await rules.PublishRulePackAsync(new RulePackDocument { Yaml = current.Yaml }, Ops, cancellationToken: ct);

        Assert.Multiple(() =>
        {
            Assert.That(denied!.StatusCode, Is.EqualTo(StatusCode.PermissionDenied));
            Assert.That(published.Version, Is.EqualTo(current.Version));
        });
    }

    private static Metadata As(string name) => new() { { "authorization", "Bearer " + Keys.Single(k => k.Who.Name == name).Key } };
}
