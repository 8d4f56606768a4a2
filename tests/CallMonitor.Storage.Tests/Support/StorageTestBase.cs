using CallMonitor.Storage.Resilience;
using CallMonitor.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace CallMonitor.Storage.Tests.Support;

/// <summary>Gives each test its own folder for real database files and disposes every store it opened.</summary>
public abstract class StorageTestBase
{
    private readonly List<SqliteStorage> _opened = [];

    protected string Folder { get; private set; } = "";

    protected string DatabasePath => Path.Combine(Folder, "callmonitor.db");

    /// <summary>Quick to give up on a lock and quick to retry, so lock tests stay short.</summary>
    protected static StorageResilienceOptions FastResilience { get; } = new()
    {
        MaxRetryAttempts = 6,
        RetryBaseDelay = TimeSpan.FromMilliseconds(50),
    };

    [SetUp]
    public void CreateFolder()
    {
        Folder = Path.Combine(Path.GetTempPath(), "callmonitor-storage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    [TearDown]
    public async Task DeleteFolder()
    {
        foreach (var storage in _opened)
        {
            await storage.DisposeAsync();
        }

        _opened.Clear();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not a test failure.
        }
    }

    protected async Task<SqliteStorage> OpenAsync(Func<SqliteStorageOptions, SqliteStorageOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new SqliteStorageOptions { DatabasePath = DatabasePath, Resilience = FastResilience };
        var storage = await SqliteStorage.OpenAsync(configure?.Invoke(options) ?? options, time);
        _opened.Add(storage);
        return storage;
    }

    /// <summary>Closes a store as a stopping service would, so the next open reads the file afresh.</summary>
    protected async Task CloseAsync(SqliteStorage storage)
    {
        _opened.Remove(storage);
        await storage.DisposeAsync();
    }

    protected SqliteConnection OpenRawConnection()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
