using CallMonitor.Storage.Postgres.Tests.Support;
using CallMonitor.Storage.Reports;
using CallMonitor.Storage.Tests.Reports;

namespace CallMonitor.Storage.Postgres.Tests.Reports;

[Category("Integration")]
public sealed class PostgresReportStoreTests : ReportStoreContract
{
    private readonly PostgresDatabases _databases = new();
    private PostgresStorage? _last;

    [TearDown]
    public Task CloseStores() => _databases.DisposeAllAsync();

    protected override async Task<IReportStore> CreateReportStoreAsync(TimeProvider time)
    {
        _last = await _databases.OpenAsync(time);
        return _last.Reports;
    }

    /// <summary>The node restarts: a new store on the same database, nothing cached in between.</summary>
    protected override async Task<IReportStore> ReopenReportStoreAsync(TimeProvider time)
    {
        if (_last is not null)
        {
            await _databases.CloseAsync(_last);
        }

        return await CreateReportStoreAsync(time);
    }
}
