using CallMonitor.Contracts.V1;
using CallMonitor.Server.Hosting;
using CallMonitor.Server.Rules;
using CallMonitor.Server.Tests.Support;
using CallMonitor.TestKit.Services;
using Microsoft.Extensions.DependencyInjection;

namespace CallMonitor.Server.Tests.Rules;

/// <summary>Two nodes on one PostgreSQL store: a pack published on one is put in force on the other.</summary>
[Category("Integration")]
public class SharedStoreRulesTests
{
    [Test]
    [CancelAfter(120_000)]
    public async Task PublishRulePack_OnNodeA_InForceOnNodeBWithinSeconds(CancellationToken ct)
    {
        await using var postgres = await PostgresServer.StartNewAsync(ct);
        var store = postgres.ConnectionStringFor(await postgres.CreateDatabaseAsync("rules", ct));
        var options = new ServerOptions { Engines = ["none"], SharedStore = store, RulePackRefresh = TimeSpan.FromMilliseconds(200) };
        await using var nodeA = await LoopbackServer.StartAsync(ct, options);
        await using var nodeB = await LoopbackServer.StartAsync(ct, options);
        var rulesA = new Contracts.V1.Rules.RulesClient(nodeA.Channel);
        var rulesB = new Contracts.V1.Rules.RulesClient(nodeB.Channel);
        var registryB = nodeB.Services.GetRequiredService<RulePackRegistry>();

        var first = await rulesA.PublishRulePackAsync(new RulePackDocument { Yaml = TestPacks.Valid("3.0.0") }, cancellationToken: ct);
        await UntilAsync(() => registryB.Current.Pack.Version == "3.0.0", ct);
        var second = await rulesB.PublishRulePackAsync(new RulePackDocument { Yaml = TestPacks.Valid("3.1.0") }, cancellationToken: ct);
        var registryA = nodeA.Services.GetRequiredService<RulePackRegistry>();
        await UntilAsync(() => registryA.Current.Pack.Version == "3.1.0", ct);

        Assert.Multiple(() =>
        {
            Assert.That(registryB.Current.Pack.Version, Is.EqualTo("3.1.0"));
            Assert.That(registryA.Current.Pack.Version, Is.EqualTo("3.1.0"), "node A took the pack node B published");
            Assert.That(registryA.Current.Source.Revision, Is.EqualTo(second.Revision).And.GreaterThan(first.Revision));
            Assert.That(registryA.Current.Source.Sha256, Is.EqualTo(registryB.Current.Source.Sha256));
        });
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task RefreshAsync_StoreUnchanged_KeepsTheGenerationInForce(CancellationToken ct)
    {
        await using var postgres = await PostgresServer.StartNewAsync(ct);
        var store = postgres.ConnectionStringFor(await postgres.CreateDatabaseAsync("rules", ct));
        await using var node = await LoopbackServer.StartAsync(ct, new ServerOptions { Engines = ["none"], SharedStore = store, RulePackRefresh = TimeSpan.FromHours(1) });
        var registry = node.Services.GetRequiredService<RulePackRegistry>();
        await new Contracts.V1.Rules.RulesClient(node.Channel).PublishRulePackAsync(new RulePackDocument { Yaml = TestPacks.Valid("4.0.0") }, cancellationToken: ct);
        var before = registry.Current;

        var changed = await registry.RefreshAsync(ct);

        Assert.That(changed, Is.False);
        Assert.That(registry.Current, Is.SameAs(before), "no new generation (and no engines reopened) for the pack already in force");
    }

    private static async Task UntilAsync(Func<bool> condition, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, ct);
        }
    }
}
