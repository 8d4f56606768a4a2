namespace CallMonitor.Server.Reports;

/// <summary>Where finished (and abandoned) calls' reports go. In memory for now; SQLite storage implements it next.</summary>
public interface IReportSink
{
    /// <summary>Keeps <paramref name="report"/>, replacing an earlier one of the same call id.</summary>
    ValueTask SaveAsync(StoredReport report, CancellationToken cancellationToken);

    /// <summary>The report of <paramref name="callId"/>, or null when none was kept.</summary>
    ValueTask<StoredReport?> FindAsync(string callId, CancellationToken cancellationToken);
}
