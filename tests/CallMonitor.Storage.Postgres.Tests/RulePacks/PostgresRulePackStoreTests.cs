using CallMonitor.Storage.Postgres.Tests.Support;
using CallMonitor.Storage.RulePacks;
using CallMonitor.Storage.Tests.RulePacks;

namespace CallMonitor.Storage.Postgres.Tests.RulePacks;

[Category("Integration")]
public sealed class PostgresRulePackStoreTests : RulePackStoreContract
{
    private readonly PostgresDatabases _databases = new();

    [TearDown]
    public Task CloseStores() => _databases.DisposeAllAsync();

    protected override async Task<IRulePackStore> CreateStoreAsync(TimeProvider time) => (await _databases.OpenAsync(time)).RulePacks;

    [Test]
    [CancelAfter(30_000)]
    public async Task PublishAsync_ThenNodeRestart_CurrentPackReadBackByteForByte(CancellationToken token)
    {
        var storage = await _databases.OpenAsync(cancellationToken: token);
        const string yaml = "id: bank.cs\nversion: 3.0.0\n# 服务规范 — 禁止用语「不归我管」\u3000全角空格\r\n";
        var stored = await storage.RulePacks.PublishAsync(new RulePackPublication("bank.cs", "3.0.0", yaml, "管理员"), token);
        await _databases.CloseAsync(storage);

        var reopened = await _databases.OpenAsync(cancellationToken: token);
        var current = await reopened.RulePacks.GetCurrentAsync(token);
        Assert.Multiple(() =>
        {
            Assert.That(current, Is.EqualTo(stored));
            Assert.That(current!.Yaml, Is.EqualTo(yaml));
        });
    }
}
