using CallMonitor.Storage.Errors;
using CallMonitor.Storage.Postgres.Schema;
using CallMonitor.Storage.Postgres.Tests.Support;
using CallMonitor.Storage.RulePacks;
using Npgsql;

namespace CallMonitor.Storage.Postgres.Tests.Schema;

[Category("Integration")]
public sealed class SchemaMigrationTests
{
    private readonly PostgresDatabases _databases = new();

    [TearDown]
    public Task CloseStores() => _databases.DisposeAllAsync();

    [Test]
    [CancelAfter(30_000)]
    public async Task OpenAsync_EmptyDatabase_AppliesEveryStepOnce(CancellationToken token)
    {
        var storage = await _databases.OpenAsync(cancellationToken: token);
        var versions = await SchemaVersionsAsync(token);
        Assert.Multiple(() =>
        {
            Assert.That(storage.SchemaVersion, Is.EqualTo(PostgresStorage.LatestSchemaVersion));
            Assert.That(versions, Is.EqualTo(Enumerable.Range(1, PostgresStorage.LatestSchemaVersion)));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task OpenAsync_FourNodesAtOnceOnEmptyDatabase_AllOpenAndEachStepAppliedOnce(CancellationToken token)
    {
        var connectionString = await _databases.DatabaseAsync(token);
        var options = new PostgresStorageOptions { ConnectionString = connectionString, Resilience = PostgresDatabases.FastResilience };
        using var gate = new ManualResetEventSlim();
        var opening = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            gate.Wait(token);
            return _databases.Track(await PostgresStorage.OpenAsync(options, cancellationToken: token));
        }, token)).ToList();
        gate.Set();
        var nodes = await Task.WhenAll(opening);

        var versions = await SchemaVersionsAsync(token);
        Assert.Multiple(() =>
        {
            Assert.That(nodes.Select(n => n.SchemaVersion), Is.All.EqualTo(PostgresStorage.LatestSchemaVersion));
            Assert.That(versions, Is.EqualTo(Enumerable.Range(1, PostgresStorage.LatestSchemaVersion)));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task OpenAsync_DatabaseAtVersion1_UpgradesAndStoresPacks(CancellationToken token)
    {
        var options = new PostgresStorageOptions { ConnectionString = await _databases.DatabaseAsync(token) };
        var old = await PostgresStorage.OpenWithAsync(options, TimeProvider.System, PostgresMigrations.All.Take(1).ToList(), token);
        await old.Calls.StartCallAsync(new("kept", "a1", "t1", DateTimeOffset.UnixEpoch, new("pcm16", 16000, 1, [])), token);
        await old.DisposeAsync();

        var upgraded = await _databases.OpenAsync(cancellationToken: token);
        var stored = await upgraded.RulePacks.PublishAsync(new RulePackPublication("p", "1.0.0", "id: p\n", "alice"), token);
        Assert.Multiple(async () =>
        {
            Assert.That(old.SchemaVersion, Is.EqualTo(1));
            Assert.That(upgraded.SchemaVersion, Is.EqualTo(PostgresStorage.LatestSchemaVersion).And.GreaterThanOrEqualTo(2));
            Assert.That(await upgraded.RulePacks.GetCurrentAsync(token), Is.EqualTo(stored));
            Assert.That(await upgraded.Calls.GetCallAsync("kept", token), Is.Not.Null, "data written before the upgrade survives it");
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task OpenAsync_SchemaFromNewerBuild_SchemaErrorNamingBothVersions(CancellationToken token)
    {
        await _databases.OpenAsync(cancellationToken: token);
        await using (var connection = new NpgsqlConnection(_databases.ConnectionString))
        {
            await connection.OpenAsync(token);
            await using var command = new NpgsqlCommand("INSERT INTO schema_version VALUES (99, 'from the future', now());", connection);
            await command.ExecuteNonQueryAsync(token);
        }

        var ex = Assert.ThrowsAsync<StorageSchemaException>(() => _databases.OpenAsync(cancellationToken: token));
        Assert.That(ex!.Message, Does.Contain("99").And.Contain(PostgresStorage.LatestSchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .And.Contain("upgrade"));
    }

    private async Task<List<int>> SchemaVersionsAsync(CancellationToken token)
    {
        await using var connection = new NpgsqlConnection(_databases.ConnectionString);
        await connection.OpenAsync(token);
        await using var command = new NpgsqlCommand("SELECT version FROM schema_version ORDER BY version;", connection);
        await using var reader = await command.ExecuteReaderAsync(token);
        var versions = new List<int>();
        while (await reader.ReadAsync(token))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }
}
