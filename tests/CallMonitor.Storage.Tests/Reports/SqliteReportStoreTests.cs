using CallMonitor.Storage.Reports;
using CallMonitor.Storage.Sqlite;

namespace CallMonitor.Storage.Tests.Reports;

public sealed class SqliteReportStoreTests : ReportStoreContract
{
    private SqliteStorage? _last;

    protected override async Task<IReportStore> CreateReportStoreAsync(TimeProvider time)
    {
        _last = await OpenAsync(time: time);
        return _last.Reports;
    }

    protected override async Task<IReportStore> ReopenReportStoreAsync(TimeProvider time)
    {
        if (_last is not null)
        {
            await CloseAsync(_last);
        }

        return await CreateReportStoreAsync(time);
    }
}
