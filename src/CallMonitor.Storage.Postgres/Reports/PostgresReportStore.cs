using CallMonitor.Storage.Postgres.Connections;
using CallMonitor.Storage.Postgres.Resilience;
using CallMonitor.Storage.Reports;
using Npgsql;

namespace CallMonitor.Storage.Postgres.Reports;

/// <summary>Reports and transcripts as text columns, one row per call; a put replaces the row (upsert, so retries are safe).</summary>
internal sealed class PostgresReportStore : IReportStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresResilience _resilience;
    private readonly TimeProvider _time;

    public PostgresReportStore(NpgsqlDataSource dataSource, PostgresResilience resilience, TimeProvider time)
    {
        _dataSource = dataSource;
        _resilience = resilience;
        _time = time;
    }

    public Task<StoredReport> PutReportAsync(string callId, string json, string? html, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(callId);
        ArgumentNullException.ThrowIfNull(json);
        var report = new StoredReport(callId, json, html, PostgresValues.ToColumn(_time.GetUtcNow()));
        return _resilience.ExecuteAsync(async token =>
        {
            await using var command = _dataSource.CreateCommand("""
                INSERT INTO reports (call_id, report_json, report_html, stored_at) VALUES (@call, @json, @html, @at)
                ON CONFLICT (call_id) DO UPDATE SET
                    report_json = EXCLUDED.report_json, report_html = EXCLUDED.report_html, stored_at = EXCLUDED.stored_at;
                """);
            command.Add("call", callId);
            command.Add("json", json);
            command.Add("html", html);
            command.Add("at", report.StoredAt);
            await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            return report;
        }, cancellationToken);
    }

    public Task<StoredReport?> GetReportAsync(string callId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(callId);
        return _resilience.ExecuteAsync(async token =>
        {
            await using var command = _dataSource.CreateCommand("SELECT report_json, report_html, stored_at FROM reports WHERE call_id = @call;");
            command.Add("call", callId);
            await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
            return await reader.ReadAsync(token).ConfigureAwait(false)
                ? new StoredReport(callId, reader.GetString(0), PostgresValues.ReadNullableString(reader, 1), PostgresValues.ReadTime(reader, 2))
                : null;
        }, cancellationToken);
    }

    public Task PutTranscriptAsync(string callId, string transcriptJson, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(callId);
        ArgumentNullException.ThrowIfNull(transcriptJson);
        var at = PostgresValues.ToColumn(_time.GetUtcNow());
        return _resilience.ExecuteAsync(async token =>
        {
            await using var command = _dataSource.CreateCommand("""
                INSERT INTO transcripts (call_id, transcript_json, stored_at) VALUES (@call, @json, @at)
                ON CONFLICT (call_id) DO UPDATE SET transcript_json = EXCLUDED.transcript_json, stored_at = EXCLUDED.stored_at;
                """);
            command.Add("call", callId);
            command.Add("json", transcriptJson);
            command.Add("at", at);
            return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<string?> GetTranscriptAsync(string callId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(callId);
        return _resilience.ExecuteAsync(async token =>
        {
            await using var command = _dataSource.CreateCommand("SELECT transcript_json FROM transcripts WHERE call_id = @call;");
            command.Add("call", callId);
            return await command.ExecuteScalarAsync(token).ConfigureAwait(false) as string;
        }, cancellationToken);
    }
}
