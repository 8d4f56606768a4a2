using System.Text;
using CallMonitor.Compliance.Rules;
using CallMonitor.Contracts.V1;
using CallMonitor.Server.Rules;
using Grpc.Core;

namespace CallMonitor.Server.Tests.Rules;

/// <summary>The Rules service over a real loopback HTTP/2 connection: what an admin tool sees.</summary>
[Category("Integration")]
public sealed class RulesServiceTests
{
    [Test]
    [CancelAfter(60_000)]
    public async Task GetRulePack_NothingPublished_BuiltInPackAsEmbedded(CancellationToken token)
    {
        await using var host = await RulesHost.StartAsync(token);

        var document = await host.Client.GetRulePackAsync(new GetRulePackRequest(), cancellationToken: token);
        Assert.Multiple(() =>
        {
            Assert.That(document.BuiltIn, Is.True);
            Assert.That(document.Revision, Is.Zero);
            Assert.That((document.Id, document.Version), Is.EqualTo((RulePack.Default.Id, RulePack.Default.Version)));
            Assert.That(document.Yaml, Is.EqualTo(EmbeddedDefaultYaml()));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task ValidateRulePack_BrokenYaml_InvalidWithLineAndColumnAndNothingPublished(CancellationToken token)
    {
        await using var host = await RulesHost.StartAsync(token);
        var yaml = TestPacks.BrokenSeverity();
        var (line, column) = TestPacks.Find(yaml, TestPacks.BadSeverity);

        var result = await host.Client.ValidateRulePackAsync(new RulePackDocument { Yaml = yaml }, cancellationToken: token);
        var inForce = await host.Client.GetRulePackAsync(new GetRulePackRequest(), cancellationToken: token);
        Assert.Multiple(() =>
        {
            Assert.That(result.Valid, Is.False);
            Assert.That((result.Line, result.Column), Is.EqualTo((line, column)));
            Assert.That(result.Error, Does.StartWith($"pack.yaml:{line}:{column}:").And.Contain(TestPacks.BadSeverity));
            Assert.That(inForce.BuiltIn, Is.True);
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task ValidateRulePack_ValidPack_ValidWithItsRuleCountAndNotPublished(CancellationToken token)
    {
        await using var host = await RulesHost.StartAsync(token);

        var result = await host.Client.ValidateRulePackAsync(new RulePackDocument { Yaml = TestPacks.Valid("2.0.0") }, cancellationToken: token);
        var inForce = await host.Client.GetRulePackAsync(new GetRulePackRequest(), cancellationToken: token);
        Assert.Multiple(() =>
        {
            Assert.That(result.Valid, Is.True, result.Error);
            Assert.That((result.Id, result.Version, result.RuleCount), Is.EqualTo(("test.rules", "2.0.0", 1)));
            Assert.That(inForce.BuiltIn, Is.True);
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task PublishRulePack_ValidPack_GetReturnsItWithRevisionAndAuthor(CancellationToken token)
    {
        await using var host = await RulesHost.StartAsync(token);
        var yaml = TestPacks.Valid("2.0.0");

        var published = await host.Client.PublishRulePackAsync(new RulePackDocument { Yaml = yaml, Id = "test.rules", Version = "2.0.0" }, cancellationToken: token);
        var inForce = await host.Client.GetRulePackAsync(new GetRulePackRequest(), cancellationToken: token);
        Assert.Multiple(() =>
        {
            Assert.That((published.Id, published.Version, published.Unchanged), Is.EqualTo(("test.rules", "2.0.0", false)));
            Assert.That(published.Revision, Is.GreaterThan(0));
            Assert.That(inForce.Yaml, Is.EqualTo(yaml));
            Assert.That(inForce.Revision, Is.EqualTo(published.Revision));
            Assert.That(inForce.BuiltIn, Is.False);
            Assert.That(inForce.PublishedAt, Is.Not.Null);
            Assert.That(inForce.PublishedBy, Does.Contain("127.0.0.1"), "without an authorizer the peer is recorded");
            Assert.That(host.Registry.Current.Pack.Version, Is.EqualTo("2.0.0"), "calls starting now get the new pack");
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task PublishRulePack_SamePackAgain_UnchangedSameRevision(CancellationToken token)
    {
        await using var host = await RulesHost.StartAsync(token);
        var document = new RulePackDocument { Yaml = TestPacks.Valid("2.0.0") };

        var first = await host.Client.PublishRulePackAsync(document, cancellationToken: token);
        var second = await host.Client.PublishRulePackAsync(document, cancellationToken: token);
        Assert.Multiple(() =>
        {
            Assert.That(second.Unchanged, Is.True);
            Assert.That(second.Revision, Is.EqualTo(first.Revision));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task PublishRulePack_OverTheSizeLimit_InvalidArgumentNamingTheLimitAndPackKept(CancellationToken token)
    {
        await using var host = await RulesHost.StartAsync(token);

        var ex = Assert.ThrowsAsync<RpcException>(async () => await host.Client.PublishRulePackAsync(
            new RulePackDocument { Yaml = TestPacks.Padded(RulePackLimits.MaxBytes + 1) }, cancellationToken: token));
        var inForce = await host.Client.GetRulePackAsync(new GetRulePackRequest(), cancellationToken: token);
        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
            Assert.That(ex.Status.Detail, Does.Contain("2,097,152"));
            Assert.That(inForce.BuiltIn, Is.True);
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task PublishRulePack_OverTheTransportLimit_ResourceExhaustedFromTheFramework(CancellationToken token)
    {
        await using var host = await RulesHost.StartAsync(token);

        var ex = Assert.ThrowsAsync<RpcException>(async () => await host.Client.PublishRulePackAsync(
            new RulePackDocument { Yaml = TestPacks.Padded(5 * 1024 * 1024) }, cancellationToken: token));
        Assert.That(ex!.StatusCode, Is.EqualTo(StatusCode.ResourceExhausted));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task PublishRulePack_BrokenYaml_InvalidArgumentWithThePlace(CancellationToken token)
    {
        await using var host = await RulesHost.StartAsync(token);
        var yaml = TestPacks.BrokenSeverity();
        var (line, column) = TestPacks.Find(yaml, TestPacks.BadSeverity);

        var ex = Assert.ThrowsAsync<RpcException>(async () => await host.Client.PublishRulePackAsync(new RulePackDocument { Yaml = yaml }, cancellationToken: token));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
            Assert.That(ex.Status.Detail, Does.StartWith($"pack.yaml:{line}:{column}:"));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task PublishRulePack_PublishedVersionWithOtherContent_AlreadyExistsAndFirstKept(CancellationToken token)
    {
        await using var host = await RulesHost.StartAsync(token);
        var first = TestPacks.Valid("2.0.0", "不归我管");
        await host.Client.PublishRulePackAsync(new RulePackDocument { Yaml = first }, cancellationToken: token);

        var ex = Assert.ThrowsAsync<RpcException>(async () => await host.Client.PublishRulePackAsync(
            new RulePackDocument { Yaml = TestPacks.Valid("2.0.0", "你找别人") }, cancellationToken: token));
        var validation = await host.Client.ValidateRulePackAsync(new RulePackDocument { Yaml = TestPacks.Valid("2.0.0", "你找别人") }, cancellationToken: token);
        var inForce = await host.Client.GetRulePackAsync(new GetRulePackRequest(), cancellationToken: token);
        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(StatusCode.AlreadyExists));
            Assert.That(ex.Status.Detail, Does.Contain("bump the version"));
            Assert.That(validation.Valid, Is.False, "validation predicts the refusal");
            Assert.That(inForce.Yaml, Is.EqualTo(first));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task GetRulePack_ByIdAndVersion_OlderPublishedPackOrNotFound(CancellationToken token)
    {
        await using var host = await RulesHost.StartAsync(token);
        await host.Client.PublishRulePackAsync(new RulePackDocument { Yaml = TestPacks.Valid("2.0.0") }, cancellationToken: token);
        await host.Client.PublishRulePackAsync(new RulePackDocument { Yaml = TestPacks.Valid("2.1.0") }, cancellationToken: token);

        var older = await host.Client.GetRulePackAsync(new GetRulePackRequest { Id = "test.rules", Version = "2.0.0" }, cancellationToken: token);
        var missing = Assert.ThrowsAsync<RpcException>(async () => await host.Client.GetRulePackAsync(
            new GetRulePackRequest { Id = "test.rules", Version = "9.0.0" }, cancellationToken: token));
        var halfAsked = Assert.ThrowsAsync<RpcException>(async () => await host.Client.GetRulePackAsync(
            new GetRulePackRequest { Id = "test.rules" }, cancellationToken: token));
        Assert.Multiple(() =>
        {
            Assert.That(older.Yaml, Is.EqualTo(TestPacks.Valid("2.0.0")));
            Assert.That(missing!.StatusCode, Is.EqualTo(StatusCode.NotFound));
            Assert.That(halfAsked!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task PublishRulePack_AuthorizerRefusesPublish_PermissionDeniedWhileReadsPass(CancellationToken token)
    {
        RulesAuthorizer authorize = (_, operation) => operation == RulesOperation.Publish
            ? throw new RpcException(new Status(StatusCode.PermissionDenied, "publishing a rule pack needs an admin key"))
            : ValueTask.FromResult("supervisor-wang");
        await using var host = await RulesHost.StartAsync(token, authorize);

        var ex = Assert.ThrowsAsync<RpcException>(async () => await host.Client.PublishRulePackAsync(
            new RulePackDocument { Yaml = TestPacks.Valid("2.0.0") }, cancellationToken: token));
        var inForce = await host.Client.GetRulePackAsync(new GetRulePackRequest(), cancellationToken: token);
        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(StatusCode.PermissionDenied));
            Assert.That(inForce.BuiltIn, Is.True);
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task PublishRulePack_AuthorizerNamesTheCaller_RecordedAsAuthor(CancellationToken token)
    {
        RulesAuthorizer authorize = (_, _) => ValueTask.FromResult("admin-li");
        await using var host = await RulesHost.StartAsync(token, authorize);

        await host.Client.PublishRulePackAsync(new RulePackDocument { Yaml = TestPacks.Valid("2.0.0") }, cancellationToken: token);
        var inForce = await host.Client.GetRulePackAsync(new GetRulePackRequest(), cancellationToken: token);
        Assert.That(inForce.PublishedBy, Is.EqualTo("admin-li"));
    }

    private static string EmbeddedDefaultYaml()
    {
        using var stream = typeof(RulePack).Assembly.GetManifestResourceStream(RulePack.DefaultResourceName)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
