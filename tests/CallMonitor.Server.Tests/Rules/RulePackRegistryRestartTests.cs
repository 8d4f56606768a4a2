using CallMonitor.Compliance.Engine;
using CallMonitor.Hosting.Engines;
using CallMonitor.Server.Rules;
using CallMonitor.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace CallMonitor.Server.Tests.Rules;

/// <summary>The registry over the real SQLite store: what is published survives a restart of the service.</summary>
[Category("Integration")]
public sealed class RulePackRegistryRestartTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "callmonitor-rules-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not a test failure.
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task OpenAsync_AfterRestart_LastPublishedPackInForceWithItsRevision(CancellationToken token)
    {
        long revision;
        await using (var storage = await OpenStorageAsync(token))
        {
            using var speech = SpeechEngineSet.Open([SpeechEngineCatalog.None]);
            using var registry = await RulePackRegistry.OpenAsync(speech, ComplianceEngineOptions.None, storage.RulePacks, new RecordingLogger<RulePackRegistry>(), token);
            await registry.PublishAsync(new RulePackSubmission(TestPacks.Valid("2.0.0")), "admin-li", token);
            revision = (await registry.PublishAsync(new RulePackSubmission(TestPacks.Valid("2.1.0")), "admin-li", token)).InForce.Revision;
        }

        await using var reopened = await OpenStorageAsync(token);
        using var speechAgain = SpeechEngineSet.Open([SpeechEngineCatalog.None]);
        using var restarted = await RulePackRegistry.OpenAsync(speechAgain, ComplianceEngineOptions.None, reopened.RulePacks, new RecordingLogger<RulePackRegistry>(), token);
        var older = await restarted.FindAsync("test.rules", "2.0.0", token);
        Assert.Multiple(() =>
        {
            Assert.That(restarted.Current.Pack.Version, Is.EqualTo("2.1.0"));
            Assert.That(restarted.Current.Source.Revision, Is.EqualTo(revision));
            Assert.That(restarted.Current.Source.Yaml, Is.EqualTo(TestPacks.Valid("2.1.0")));
            Assert.That(restarted.Current.Source.PublishedBy, Is.EqualTo("admin-li"));
            Assert.That(older?.Yaml, Is.EqualTo(TestPacks.Valid("2.0.0")));
        });
    }

    private Task<SqliteStorage> OpenStorageAsync(CancellationToken token) =>
        SqliteStorage.OpenAsync(new SqliteStorageOptions { DatabasePath = Path.Combine(_folder, "callmonitor.db") }, cancellationToken: token);
}
