using CallMonitor.Contracts.V1;
using CallMonitor.Server.Security;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using RulesContract = CallMonitor.Contracts.V1.Rules;

namespace CallMonitor.Server.Tests.Security;

/// <summary>API keys on a real Kestrel server: every kind of method refuses a missing or unknown key, accepts the right one.</summary>
[Category("Integration")]
public class ApiKeyInterceptorTests
{
    private static readonly string AgentKey = ApiKeyMaterial.NewKey();
    private static readonly string AdminKey = ApiKeyMaterial.NewKey();

    private SecuredTestServer _server = null!;

    public enum Kind
    {
        Unary,
        ClientStreaming,
        ServerStreaming,
        Duplex,
    }

    [OneTimeSetUp]
    public async Task StartServer()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var keys = "keys:\n"
            + ApiKeyFile.FormatEntry(CallerIdentity.Agent("desk-1001", "1001", "sales-1"), ApiKeyMaterial.HashHex(AgentKey))
            + ApiKeyFile.FormatEntry(CallerIdentity.Admin("ops"), ApiKeyMaterial.HashHex(AdminKey));
        _server = await SecuredTestServer.StartAsync(keys, timeout.Token);
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Call_NoKey_Unauthenticated([Values] Kind kind, CancellationToken ct)
    {
        var error = Assert.ThrowsAsync<RpcException>(() => CallProbeAsync(_server, kind, [], ct))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.StatusCode, Is.EqualTo(StatusCode.Unauthenticated));
            Assert.That(error.Status.Detail, Is.EqualTo(ApiKeyInterceptor.NoKeyMessage));
        });
        await Task.CompletedTask;
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Call_UnknownKey_Unauthenticated([Values] Kind kind, CancellationToken ct)
    {
        var error = Assert.ThrowsAsync<RpcException>(() => CallProbeAsync(_server, kind, Bearer(ApiKeyMaterial.NewKey()), ct))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.StatusCode, Is.EqualTo(StatusCode.Unauthenticated));
            Assert.That(error.Status.Detail, Is.EqualTo(ApiKeyInterceptor.UnknownKeyMessage));
        });
        await Task.CompletedTask;
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Call_RightKey_ServiceSeesTheKeysIdentity([Values] Kind kind, CancellationToken ct)
    {
        Assert.That(await CallProbeAsync(_server, kind, Bearer(AgentKey), ct), Is.EqualTo("desk-1001"));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Call_KeyInXApiKeyHeader_Accepted(CancellationToken ct)
    {
        Assert.That(await CallProbeAsync(_server, Kind.Unary, new Metadata { { "x-api-key", AdminKey } }, ct), Is.EqualTo("ops"));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Call_AuthorizationNotBearer_Unauthenticated(CancellationToken ct)
    {
        var error = Assert.ThrowsAsync<RpcException>(() => CallProbeAsync(_server, Kind.Unary, new Metadata { { "authorization", $"Basic {AdminKey}" } }, ct))!;

        Assert.That(error.StatusCode, Is.EqualTo(StatusCode.Unauthenticated));
        await Task.CompletedTask;
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task HealthAndReflection_NoKey_Answer(CancellationToken ct)
    {
        var health = await new Health.HealthClient(_server.Channel).CheckAsync(new HealthCheckRequest(), cancellationToken: ct);
        using var reflection = new ServerReflection.ServerReflectionClient(_server.Channel).ServerReflectionInfo(cancellationToken: ct);
        await reflection.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty }, ct);
        await reflection.RequestStream.CompleteAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(health.Status, Is.EqualTo(HealthCheckResponse.Types.ServingStatus.Serving));
            Assert.That(await reflection.ResponseStream.MoveNext(ct), Is.True, "reflection answered nothing");
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task PublishRulePack_AgentKey_PermissionDeniedAndAdminKeyPublishes(CancellationToken ct)
    {
        var rules = new RulesContract.RulesClient(_server.Channel);
        var document = new RulePackDocument { Id = "centre", Version = "2.0.0", Yaml = "id: centre" };

        var denied = Assert.ThrowsAsync<RpcException>(async () => await rules.PublishRulePackAsync(document, Bearer(AgentKey), cancellationToken: ct))!;
        var published = await rules.PublishRulePackAsync(document, Bearer(AdminKey), cancellationToken: ct);
        var read = await rules.GetRulePackAsync(new GetRulePackRequest(), Bearer(AgentKey), cancellationToken: ct);

        Assert.Multiple(() =>
        {
            Assert.That(denied.StatusCode, Is.EqualTo(StatusCode.PermissionDenied));
            Assert.That(denied.Status.Detail, Does.Contain("admin key").And.Contain("desk-1001"));
            Assert.That(published.Version, Is.EqualTo("2.0.0"));
            Assert.That(read.Yaml, Is.EqualTo("desk-1001"), "the contract's service saw the agent's identity");
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Call_NoKeyFile_EveryCallerIsOpen([Values] Kind kind, CancellationToken ct)
    {
        await using var open = await SecuredTestServer.StartAsync(null, ct);

        Assert.That(await CallProbeAsync(open, kind, [], ct), Is.EqualTo(CallerIdentity.Open.Name));
    }

    private static Metadata Bearer(string key) => new() { { "authorization", $"Bearer {key}" } };

    private static async Task<string> CallProbeAsync(SecuredTestServer server, Kind kind, Metadata headers, CancellationToken ct)
    {
        var invoker = server.Channel.CreateCallInvoker();
        var options = new CallOptions(headers, cancellationToken: ct);
        var request = new StringValue { Value = "ping" };
        switch (kind)
        {
            case Kind.Unary:
                return (await invoker.AsyncUnaryCall(ProbeService.UnaryMethod, null, options, request)).Value;
            case Kind.ClientStreaming:
                {
                    using var call = invoker.AsyncClientStreamingCall(ProbeService.ClientStreamingMethod, null, options);
                    await call.RequestStream.WriteAsync(request, ct);
                    await call.RequestStream.CompleteAsync();
                    return (await call.ResponseAsync).Value;
                }

            case Kind.ServerStreaming:
                {
                    using var call = invoker.AsyncServerStreamingCall(ProbeService.ServerStreamingMethod, null, options, request);
                    Assert.That(await call.ResponseStream.MoveNext(ct), Is.True, "the stream ended without an answer");
                    return call.ResponseStream.Current.Value;
                }

            default:
                {
                    using var call = invoker.AsyncDuplexStreamingCall(ProbeService.DuplexMethod, null, options);
                    await call.RequestStream.WriteAsync(request, ct);
                    await call.RequestStream.CompleteAsync();
                    Assert.That(await call.ResponseStream.MoveNext(ct), Is.True, "the stream ended without an answer");
                    return call.ResponseStream.Current.Value;
                }
        }
    }
}
