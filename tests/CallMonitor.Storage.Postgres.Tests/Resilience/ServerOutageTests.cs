using CallMonitor.Storage.Calls;
using CallMonitor.Storage.Errors;
using CallMonitor.Storage.Postgres.Tests.Support;
using CallMonitor.TestKit.Services;

namespace CallMonitor.Storage.Postgres.Tests.Resilience;

/// <summary>Stops and restarts a server of its own, so the other fixtures' server is never disturbed.</summary>
[Category("Integration")]
public sealed class ServerOutageTests
{
    private static readonly DateTimeOffset Nine = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly CallAudioFormat Mono = new("pcm16", 16000, 1, ["agent"]);
    private PostgresServer? _server;
    private PostgresDatabases _databases = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        _server = await PostgresServer.StartNewAsync(limit.Token);
        _databases = new PostgresDatabases(() => _server);
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [TearDown]
    public async Task RestartAndClose()
    {
        await _databases.DisposeAllAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await _server!.StartAsync(limit.Token);
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task Operations_ServerStopped_UnavailableNamingTheServerInsteadOfHanging(CancellationToken token)
    {
        var storage = await _databases.OpenAsync(cancellationToken: token);
        await storage.Calls.StartCallAsync(new CallStartRecord("before", "a1", "t1", Nine, Mono), token);

        await _server!.StopAsync(token);
        var write = Assert.ThrowsAsync<StorageUnavailableException>(() =>
            storage.Calls.StartCallAsync(new CallStartRecord("during", "a1", "t1", Nine, Mono), token));
        var read = Assert.ThrowsAsync<StorageUnavailableException>(() => storage.Calls.GetCallAsync("before", token));
        await TestContext.Out.WriteLineAsync($"write: {write?.Message}\nread: {read?.Message}");
        Assert.Multiple(() =>
        {
            Assert.That(write!.Message, Does.Contain($"127.0.0.1:{_server.Port}"));
            Assert.That(read!.Message, Does.Contain($"127.0.0.1:{_server.Port}"));
            Assert.That(storage.Resilience.RetryCount, Is.GreaterThanOrEqualTo(2 * PostgresDatabases.FastResilience.MaxRetryAttempts));
        });
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task Operations_ServerRestarted_WritesWorkAgainOnTheSameStore(CancellationToken token)
    {
        var storage = await _databases.OpenAsync(cancellationToken: token);
        await storage.Calls.StartCallAsync(new CallStartRecord("before", "a1", "t1", Nine, Mono), token);
        await _server!.StopAsync(token);
        Assert.ThrowsAsync<StorageUnavailableException>(() =>
            storage.Calls.StartCallAsync(new CallStartRecord("during", "a1", "t1", Nine, Mono), token));

        await _server.StartAsync(token);
        var started = await storage.Calls.StartCallAsync(new CallStartRecord("after", "a1", "t1", Nine.AddMinutes(1), Mono), token);
        await storage.Calls.EndCallAsync(new CallEndRecord("before", Nine.AddMinutes(2), Partial: true, "p", "1"), token);

        var listed = await storage.Calls.ListCallsAsync(new CallQuery(), token);
        Assert.Multiple(() =>
        {
            Assert.That(started, Is.True);
            Assert.That(listed.Calls.Select(c => (c.CallId, c.Partial)), Is.EqualTo(new[] { ("after", false), ("before", true) }));
        });
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task OpenAsync_ServerComesUpDuringRetries_Opens(CancellationToken token)
    {
        var connectionString = await _databases.DatabaseAsync(token);
        await _server!.StopAsync(token);
        var options = new PostgresStorageOptions
        {
            ConnectionString = connectionString,
            Resilience = PostgresDatabases.FastResilience with
            {
                TotalTimeout = TimeSpan.FromSeconds(60),
                MaxRetryAttempts = 12,
                RetryBaseDelay = TimeSpan.FromMilliseconds(200),
            },
        };

        var opening = PostgresStorage.OpenAsync(options, cancellationToken: token);
        await _server.StartAsync(token);
        var storage = _databases.Track(await opening);
        Assert.That(storage.SchemaVersion, Is.EqualTo(PostgresStorage.LatestSchemaVersion));
    }
}
