using CallMonitor.Storage.Resilience;
using CallMonitor.TestKit.Services;

namespace CallMonitor.Storage.Postgres.Tests.Support;

/// <summary>
/// Gives a test its own empty database on a test server (the assembly's, unless another is given) and disposes every
/// store opened on it. Call <see cref="DisposeAllAsync"/> from the fixture's [TearDown].
/// </summary>
internal sealed class PostgresDatabases
{
    private readonly List<PostgresStorage> _opened = [];
    private readonly Func<PostgresServer> _server;

    public PostgresDatabases(Func<PostgresServer>? server = null)
    {
        _server = server ?? (() => PostgresAssembly.Server);
    }

    /// <summary>Quick to retry and to give up, so outage tests stay short; the breaker never trips within one test.</summary>
    public static StorageResilienceOptions FastResilience { get; } = new()
    {
        TotalTimeout = TimeSpan.FromSeconds(15),
        AttemptTimeout = TimeSpan.FromSeconds(5),
        MaxRetryAttempts = 4,
        RetryBaseDelay = TimeSpan.FromMilliseconds(50),
        MinimumThroughput = 1000,
    };

    /// <summary>Connection string of this test's database, created on first use.</summary>
    public string? ConnectionString { get; private set; }

    public async Task<string> DatabaseAsync(CancellationToken cancellationToken = default) =>
        ConnectionString ??= await _server().CreateDatabaseAsync("t_" + Guid.NewGuid().ToString("N")[..20], cancellationToken);

    /// <summary>Opens a store (a node) on this test's database.</summary>
    public async Task<PostgresStorage> OpenAsync(TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var options = new PostgresStorageOptions { ConnectionString = await DatabaseAsync(cancellationToken), Resilience = FastResilience };
        return Track(await PostgresStorage.OpenAsync(options, time, cancellationToken));
    }

    public PostgresStorage Track(PostgresStorage storage)
    {
        _opened.Add(storage);
        return storage;
    }

    /// <summary>Closes a store as a stopping node would.</summary>
    public async Task CloseAsync(PostgresStorage storage)
    {
        _opened.Remove(storage);
        await storage.DisposeAsync();
    }

    public async Task DisposeAllAsync()
    {
        foreach (var storage in _opened)
        {
            await storage.DisposeAsync();
        }

        _opened.Clear();
        ConnectionString = null;
    }
}
