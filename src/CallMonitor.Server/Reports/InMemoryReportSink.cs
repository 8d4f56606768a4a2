using System.Collections.Concurrent;

namespace CallMonitor.Server.Reports;

/// <summary>Reports kept in memory for the life of the process (thread-safe).</summary>
public sealed class InMemoryReportSink : IReportSink
{
    private readonly ConcurrentDictionary<string, StoredReport> _reports = new(StringComparer.Ordinal);

    public int Count => _reports.Count;

    public ValueTask SaveAsync(StoredReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        _reports[report.CallId] = report;
        return ValueTask.CompletedTask;
    }

    public ValueTask<StoredReport?> FindAsync(string callId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_reports.TryGetValue(callId, out var report) ? report : null);
}
