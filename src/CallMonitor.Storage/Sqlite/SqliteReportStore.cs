using CallMonitor.Storage.Reports;
using CallMonitor.Storage.Resilience;

namespace CallMonitor.Storage.Sqlite;

/// <summary>Reports and transcripts as text columns, one row per call; a put replaces the row.</summary>
internal sealed class SqliteReportStore : IReportStore
{
    private readonly ISqliteConnectionFactory _connections;
    private readonly StorageWriteResilience _resilience;
    private readonly TimeProvider _time;

    public SqliteReportStore(ISqliteConnectionFactory connections, StorageWriteResilience resilience, TimeProvider time)
    {
        _connections = connections;
        _resilience = resilience;
        _time = time;
    }

    public Task<StoredReport> PutReportAsync(string callId, string json, string? html, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(callId);
        ArgumentNullException.ThrowIfNull(json);
        var report = new StoredReport(callId, json, html, SqliteValues.ToTime(SqliteValues.ToColumn(_time.GetUtcNow())));
        return _resilience.ExecuteAsync(async token =>
        {
            await using var connection = await _connections.OpenAsync(token).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO reports (call_id, report_json, report_html, stored_at) VALUES ($call, $json, $html, $at)
                ON CONFLICT (call_id) DO UPDATE SET
                    report_json = excluded.report_json, report_html = excluded.report_html, stored_at = excluded.stored_at;
                """;
            command.Add("$call", callId);
            command.Add("$json", json);
            command.Add("$html", html);
            command.Add("$at", SqliteValues.ToColumn(report.StoredAt));
            await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            return report;
        }, cancellationToken);
    }

    public async Task<StoredReport?> GetReportAsync(string callId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(callId);
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT report_json, report_html, stored_at FROM reports WHERE call_id = $call;";
        command.Add("$call", callId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new StoredReport(callId, reader.GetString(0), SqliteValues.NullableString(reader, 1), SqliteValues.ToTime(reader.GetInt64(2)))
            : null;
    }

    public Task PutTranscriptAsync(string callId, string transcriptJson, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(callId);
        ArgumentNullException.ThrowIfNull(transcriptJson);
        var at = SqliteValues.ToColumn(_time.GetUtcNow());
        return _resilience.ExecuteAsync(async token =>
        {
            await using var connection = await _connections.OpenAsync(token).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO transcripts (call_id, transcript_json, stored_at) VALUES ($call, $json, $at)
                ON CONFLICT (call_id) DO UPDATE SET transcript_json = excluded.transcript_json, stored_at = excluded.stored_at;
                """;
            command.Add("$call", callId);
            command.Add("$json", transcriptJson);
            command.Add("$at", at);
            return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
        }, cancellationToken);
    }

    public async Task<string?> GetTranscriptAsync(string callId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(callId);
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT transcript_json FROM transcripts WHERE call_id = $call;";
        command.Add("$call", callId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }
}
