using CallMonitor.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace CallMonitor.Storage.Tests.Support;

/// <summary>A connection factory double: opens real connections while healthy, throws the given SQLite error while failing.</summary>
internal sealed class SwitchableConnectionFactory : ISqliteConnectionFactory
{
    private readonly SqliteFileConnectionFactory _real;
    private int _opens;

    public SwitchableConnectionFactory(string databasePath) => _real = new SqliteFileConnectionFactory(databasePath, 1);

    public string Target => _real.Target;

    /// <summary>The error to throw on open; null while healthy.</summary>
    public int? FailWith { get; set; }

    /// <summary>Open attempts so far, failed ones included.</summary>
    public int Opens => Volatile.Read(ref _opens);

    public async ValueTask<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _opens);
        if (FailWith is { } code)
        {
            throw new SqliteException($"simulated SQLite error {code}", code);
        }

        return await _real.OpenAsync(cancellationToken);
    }

    public void ReleasePool() => _real.ReleasePool();
}
