using CallMonitor.Storage.Resilience;
using CallMonitor.Storage.RulePacks;
using CallMonitor.Storage.Sqlite;

namespace CallMonitor.Storage.Tests.RulePacks;

public sealed class SqliteRulePackStoreTests : RulePackStoreContract
{
    protected override async Task<IRulePackStore> CreateStoreAsync(TimeProvider time) => (await OpenAsync(time: time)).RulePacks;

    [Test]
    public void RulePackHashOf_Abc_IsTheStandardSha256TestVector()
    {
        // FIPS 180-2 example: SHA-256("abc").
        Assert.That(RulePackHash.Of("abc"), Is.EqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task PublishAsync_ThenRestart_CurrentPackReadBackByteForByte(CancellationToken token)
    {
        var storage = await OpenAsync();
        const string yaml = "id: bank.cs\nversion: 3.0.0\n# 服务规范 — 禁止用语「不归我管」\u3000全角空格\r\n";
        var stored = await storage.RulePacks.PublishAsync(new RulePackPublication("bank.cs", "3.0.0", yaml, "管理员"), token);
        await CloseAsync(storage);

        var reopened = await OpenAsync();
        var current = await reopened.RulePacks.GetCurrentAsync(token);
        Assert.Multiple(() =>
        {
            Assert.That(current, Is.EqualTo(stored));
            Assert.That(current!.Yaml, Is.EqualTo(yaml));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task OpenAsync_DatabaseAtVersion2_UpgradesAndStoresPacks(CancellationToken token)
    {
        var factory = new SqliteFileConnectionFactory(DatabasePath, 2);
        var old = await SqliteStorage.OpenWithAsync(
            factory, new StorageResilienceOptions(), TimeProvider.System, SchemaMigrations.All.Take(2).ToList(), token);
        await old.DisposeAsync();

        var upgraded = await OpenAsync();
        var stored = await upgraded.RulePacks.PublishAsync(Pack("p", "1.0.0", "a", "alice"), token);
        Assert.Multiple(async () =>
        {
            Assert.That(upgraded.SchemaVersion, Is.EqualTo(SqliteStorage.LatestSchemaVersion).And.GreaterThanOrEqualTo(3));
            Assert.That(await upgraded.RulePacks.GetCurrentAsync(token), Is.EqualTo(stored));
        });
    }
}
