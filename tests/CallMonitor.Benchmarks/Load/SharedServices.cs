using System.Globalization;
using CallMonitor.Benchmarks.Live;
using CallMonitor.TestKit.Services;

namespace CallMonitor.Benchmarks.Load;

/// <summary>
/// The services a cluster of nodes shares, private to this run: a redis-server (the event stream; append-only file
/// with fsync on every write, as the test kit runs it) and a PostgreSQL cluster with one database (calls, reports).
/// Both on loopback, in temporary folders; disposing stops them and deletes the folders.
/// </summary>
internal sealed class SharedServices : IAsyncDisposable
{
    private readonly RedisServer _redis;
    private readonly PostgresServer _postgres;

    private SharedServices(RedisServer redis, PostgresServer postgres, string store)
    {
        _redis = redis;
        _postgres = postgres;
        StoreConnection = store;
    }

    /// <summary>The nodes' --redis value.</summary>
    public string RedisConfiguration => _redis.Configuration;

    /// <summary>The nodes' --shared-store value.</summary>
    public string StoreConnection { get; }

    /// <summary>The redis-server process, when it can be found in /proc.</summary>
    public int? RedisProcessId => FindRedis(_redis.Port);

    /// <summary>The PostgreSQL postmaster (its backends are its children), from postmaster.pid.</summary>
    public int? PostgresProcessId
    {
        get
        {
            try
            {
                var first = File.ReadLines(Path.Combine(_postgres.DataFolder, "postmaster.pid")).FirstOrDefault();
                return int.TryParse(first, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) ? pid : null;
            }
            catch (IOException)
            {
                return null;
            }
        }
    }

    /// <exception cref="LiveBenchException">redis-server or the PostgreSQL server programs are not installed, or one did not start.</exception>
    public static async Task<SharedServices> StartAsync(CancellationToken cancellationToken)
    {
        CheckInstalled();
        RedisServer? redis = null;
        try
        {
            redis = await RedisServer.StartAsync(cancellationToken).ConfigureAwait(false);
            var postgres = await PostgresServer.StartNewAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var store = await postgres.CreateDatabaseAsync("callmonitor_load", cancellationToken).ConfigureAwait(false);
                return new SharedServices(redis, postgres, store);
            }
            catch
            {
                await postgres.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        catch (InvalidOperationException ex)
        {
            if (redis is not null)
            {
                await redis.DisposeAsync().ConfigureAwait(false);
            }

            throw new LiveBenchException($"the shared services did not start: {ex.Message}");
        }
        catch
        {
            if (redis is not null)
            {
                await redis.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _postgres.DisposeAsync().ConfigureAwait(false);
        await _redis.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The test kit's fixtures skip a test when a program is missing; here that is an error that says what to install.</summary>
    private static void CheckInstalled()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Append("/usr/bin").Append("/usr/local/bin");
        if (!path.Any(folder => File.Exists(Path.Combine(folder, "redis-server"))))
        {
            throw new LiveBenchException("redis-server is not installed (apt-get install -y redis-server, or scripts/bootstrap.sh): the nodes share their events through it");
        }

        if (PostgresBinaries.FolderOrNull is null)
        {
            throw new LiveBenchException(PostgresBinaries.MissingReason + ": the nodes share calls and reports through it");
        }

        if (string.Equals(Environment.UserName, "root", StringComparison.Ordinal) && !File.ReadAllText("/etc/passwd").Contains("\npostgres:", StringComparison.Ordinal))
        {
            throw new LiveBenchException("running as root and there is no 'postgres' user to run PostgreSQL as (it refuses root): install the postgresql package, which creates it");
        }
    }

    private static int? FindRedis(int port)
    {
        var needles = new[] { $":{port}", $" {port} " };
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var command = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ') + " ";
                if (command.Contains("redis-server", StringComparison.Ordinal) && needles.Any(n => command.Contains(n, StringComparison.Ordinal)))
                {
                    return pid;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile.
            }
        }

        return null;
    }
}
