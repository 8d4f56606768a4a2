using CallMonitor.Storage.Calls;
using CallMonitor.Storage.Errors;
using CallMonitor.Storage.Resilience;
using CallMonitor.Storage.Sqlite;
using CallMonitor.Storage.Tests.Support;

namespace CallMonitor.Storage.Tests.Sqlite;

public sealed class SchemaMigrationTests : StorageTestBase
{
    private static readonly CallStartRecord Start = new("call-old", "agent-1", "team-a",
        new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero), new CallAudioFormat("pcm16", 8000, 2, ["agent", "customer"]));

    [Test]
    [CancelAfter(30_000)]
    public async Task OpenAsync_FreshFile_AppliesEveryStepInWalMode(CancellationToken token)
    {
        var storage = await OpenAsync();

        using var raw = OpenRawConnection();
        Assert.Multiple(() =>
        {
            Assert.That(storage.SchemaVersion, Is.EqualTo(SqliteStorage.LatestSchemaVersion));
            Assert.That(Scalar(raw, "PRAGMA journal_mode;"), Is.EqualTo("wal"));
            Assert.That(Column(raw, "SELECT version FROM schema_version ORDER BY version;"),
                Is.EqualTo(SchemaMigrations.All.Select(m => (object)(long)m.Version)));
            Assert.That(Column(raw, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name;"),
                Is.SupersetOf(new[] { "calls", "events", "reports", "transcripts", "violations" }));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task OpenAsync_ReopenedTwice_AppliesNoStepAgain(CancellationToken token)
    {
        await CloseAsync(await OpenAsync());
        await CloseAsync(await OpenAsync());
        var third = await OpenAsync();

        using var raw = OpenRawConnection();
        Assert.Multiple(() =>
        {
            Assert.That(third.SchemaVersion, Is.EqualTo(SqliteStorage.LatestSchemaVersion));
            Assert.That(Scalar(raw, "SELECT COUNT(*) FROM schema_version;"), Is.EqualTo((long)SchemaMigrations.All.Count));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task OpenAsync_DatabaseAtVersion1_UpgradesAndKeepsItsData(CancellationToken token)
    {
        var factory = new SqliteFileConnectionFactory(DatabasePath, 2);
        var old = await SqliteStorage.OpenWithAsync(factory, new StorageResilienceOptions(), TimeProvider.System, SchemaMigrations.All.Take(1).ToList(), token);
        Assert.That(old.SchemaVersion, Is.EqualTo(1));
        await old.Calls.StartCallAsync(Start, token);
        await old.DisposeAsync();

        var upgraded = await OpenAsync();
        var call = await upgraded.Calls.GetCallAsync(Start.CallId, token);
        Assert.Multiple(() =>
        {
            Assert.That(upgraded.SchemaVersion, Is.EqualTo(SqliteStorage.LatestSchemaVersion).And.GreaterThan(1));
            Assert.That(call, Is.Not.Null);
            Assert.That(call!.AgentId, Is.EqualTo(Start.AgentId));
            Assert.That(call.ViolationCount, Is.Zero, "the table added by the upgrade is usable");
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task OpenAsync_DatabaseFromNewerBuild_RefusedNamingBothVersions(CancellationToken token)
    {
        await CloseAsync(await OpenAsync());
        using (var raw = OpenRawConnection())
        {
            Execute(raw, "INSERT INTO schema_version (version, description, applied_at) VALUES (999, 'from the future', 0);");
        }

        var ex = Assert.ThrowsAsync<StorageSchemaException>(() => OpenAsync());
        Assert.That(ex!.Message, Does.Contain("999").And.Contain(SqliteStorage.LatestSchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .And.Contain("newer"));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task OpenAsync_FileIsNotADatabase_RefusedWithClearError(CancellationToken token)
    {
        await File.WriteAllTextAsync(DatabasePath, new string('x', 4096), token);

        var ex = Assert.ThrowsAsync<StorageSchemaException>(() => OpenAsync());
        Assert.That(ex!.Message, Does.Contain(DatabasePath).And.Contain("not an SQLite database"));
    }

    [Test]
    public void OpenAsync_InvalidOptions_FailsBeforeTouchingTheFile()
    {
        Assert.Multiple(() =>
        {
            var busy = Assert.ThrowsAsync<StorageConfigurationException>(() => OpenAsync(o => o with { BusyTimeoutSeconds = 0 }));
            Assert.That(busy!.Message, Does.Contain("BusyTimeoutSeconds"));
            var ratio = Assert.ThrowsAsync<StorageConfigurationException>(
                () => OpenAsync(o => o with { Resilience = new StorageResilienceOptions { FailureRatio = 1.5 } }));
            Assert.That(ratio!.Message, Does.Contain("FailureRatio").And.Contain("1.5"));
            Assert.That(File.Exists(DatabasePath), Is.False);
        });
    }

    private static object? Scalar(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static List<object> Column(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<object>();
        while (reader.Read())
        {
            values.Add(reader.GetValue(0));
        }

        return values;
    }

    private static void Execute(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
