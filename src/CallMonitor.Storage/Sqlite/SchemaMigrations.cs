namespace CallMonitor.Storage.Sqlite;

/// <summary>
/// The schema history, oldest first. Never edit a released step: add a new one. Times are Unix milliseconds (UTC),
/// severities the <see cref="Compliance.Rules.RuleSeverity"/> number, audio offsets ticks from call start.
/// </summary>
internal static class SchemaMigrations
{
    public static IReadOnlyList<SchemaMigration> All { get; } =
    [
        new(1, "calls, reports, transcripts, event log", """
            CREATE TABLE calls (
                call_id TEXT NOT NULL PRIMARY KEY,
                agent_id TEXT NOT NULL,
                team TEXT NOT NULL,
                started_at INTEGER NOT NULL,
                encoding TEXT NOT NULL,
                sample_rate INTEGER NOT NULL,
                channel_count INTEGER NOT NULL,
                channel_roles TEXT NOT NULL,
                ended_at INTEGER NULL,
                partial INTEGER NOT NULL DEFAULT 0,
                pack_id TEXT NULL,
                pack_version TEXT NULL);
            CREATE INDEX ix_calls_started ON calls (started_at DESC, call_id DESC);
            CREATE INDEX ix_calls_team ON calls (team, started_at DESC);
            CREATE INDEX ix_calls_agent ON calls (agent_id, started_at DESC);
            CREATE TABLE reports (
                call_id TEXT NOT NULL PRIMARY KEY,
                report_json TEXT NOT NULL,
                report_html TEXT NULL,
                stored_at INTEGER NOT NULL);
            CREATE TABLE transcripts (
                call_id TEXT NOT NULL PRIMARY KEY,
                transcript_json TEXT NOT NULL,
                stored_at INTEGER NOT NULL);
            CREATE TABLE events (
                position INTEGER PRIMARY KEY,
                event_id TEXT NOT NULL UNIQUE,
                call_id TEXT NOT NULL,
                agent_id TEXT NOT NULL,
                team TEXT NOT NULL,
                kind TEXT NOT NULL,
                violation_type TEXT NULL,
                severity INTEGER NULL,
                payload_json TEXT NOT NULL,
                appended_at INTEGER NOT NULL);
            CREATE INDEX ix_events_team ON events (team, position);
            CREATE INDEX ix_events_call ON events (call_id, position);
            """),
        new(2, "violations per call (latest state of each)", """
            CREATE TABLE violations (
                call_id TEXT NOT NULL,
                violation_id TEXT NOT NULL,
                rule_id TEXT NOT NULL,
                type TEXT NOT NULL,
                severity INTEGER NOT NULL,
                state TEXT NOT NULL,
                role TEXT NOT NULL,
                start_ticks INTEGER NOT NULL,
                end_ticks INTEGER NOT NULL,
                phrase TEXT NULL,
                evidence TEXT NOT NULL,
                sources TEXT NOT NULL,
                confidence REAL NOT NULL,
                pack_id TEXT NOT NULL,
                pack_version TEXT NOT NULL,
                updated_at INTEGER NOT NULL,
                PRIMARY KEY (call_id, violation_id));
            CREATE INDEX ix_violations_severity ON violations (call_id, state, severity);
            """),
        new(3, "published rule packs and the publication log", """
            CREATE TABLE rule_packs (
                revision INTEGER PRIMARY KEY,
                pack_id TEXT NOT NULL,
                version TEXT NOT NULL,
                yaml TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                stored_at INTEGER NOT NULL,
                UNIQUE (pack_id, version));
            CREATE TABLE rule_pack_publications (
                position INTEGER PRIMARY KEY,
                revision INTEGER NOT NULL REFERENCES rule_packs (revision),
                published_at INTEGER NOT NULL,
                published_by TEXT NOT NULL);
            CREATE INDEX ix_rule_pack_publications_revision ON rule_pack_publications (revision, position);
            """),
    ];
}
