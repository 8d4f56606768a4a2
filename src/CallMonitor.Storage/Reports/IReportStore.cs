namespace CallMonitor.Storage.Reports;

/// <summary>Post-call reports and transcripts, stored as the text the caller serialised. A put replaces the previous version.</summary>
public interface IReportStore
{
    Task<StoredReport> PutReportAsync(string callId, string json, string? html, CancellationToken cancellationToken = default);

    Task<StoredReport?> GetReportAsync(string callId, CancellationToken cancellationToken = default);

    Task PutTranscriptAsync(string callId, string transcriptJson, CancellationToken cancellationToken = default);

    Task<string?> GetTranscriptAsync(string callId, CancellationToken cancellationToken = default);
}
