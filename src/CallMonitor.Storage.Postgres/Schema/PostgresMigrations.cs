namespace CallMonitor.Storage.Postgres.Schema;

/// <summary>
/// The schema history, oldest first. Never edit a released step: add a new one. Times are <c>timestamptz</c>,
/// severities the <see cref="Compliance.Rules.RuleSeverity"/> number, audio offsets ticks from call start. Ids are
/// <c>COLLATE "C"</c> so ordering and keyset paging compare bytes, whatever locale the database was created with.
/// </summary>
internal static class PostgresMigrations
{
    public static IReadOnlyList<PostgresMigration> All { get; } =
    [
        new(1, "calls, violations, reports, transcripts", """
            CREATE TABLE calls (
                call_id text COLLATE "C" NOT NULL PRIMARY KEY,
                agent_id text NOT NULL,
                team text NOT NULL,
                started_at timestamptz NOT NULL,
                encoding text NOT NULL,
                sample_rate integer NOT NULL,
                channel_count integer NOT NULL,
                channel_roles text[] NOT NULL,
                ended_at timestamptz NULL,
                partial boolean NOT NULL DEFAULT false,
                pack_id text NULL,
                pack_version text NULL);
            CREATE INDEX ix_calls_started ON calls (started_at DESC, call_id DESC);
            CREATE INDEX ix_calls_team ON calls (team, started_at DESC, call_id DESC);
            CREATE INDEX ix_calls_agent ON calls (agent_id, started_at DESC, call_id DESC);
            CREATE TABLE violations (
                call_id text COLLATE "C" NOT NULL,
                violation_id text COLLATE "C" NOT NULL,
                rule_id text NOT NULL,
                type text NOT NULL,
                severity integer NOT NULL,
                state text NOT NULL,
                role text NOT NULL,
                start_ticks bigint NOT NULL,
                end_ticks bigint NOT NULL,
                phrase text NULL,
                evidence text NOT NULL,
                sources text[] NOT NULL,
                confidence double precision NOT NULL,
                pack_id text NOT NULL,
                pack_version text NOT NULL,
                updated_at timestamptz NOT NULL,
                PRIMARY KEY (call_id, violation_id));
            CREATE INDEX ix_violations_live ON violations (call_id, severity) WHERE state <> 'retracted';
            CREATE TABLE reports (
                call_id text COLLATE "C" NOT NULL PRIMARY KEY,
                report_json text NOT NULL,
                report_html text NULL,
                stored_at timestamptz NOT NULL);
            CREATE TABLE transcripts (
                call_id text COLLATE "C" NOT NULL PRIMARY KEY,
                transcript_json text NOT NULL,
                stored_at timestamptz NOT NULL);
            """),
        new(2, "published rule packs and the publication log", """
            CREATE TABLE rule_packs (
                revision bigint NOT NULL PRIMARY KEY,
                pack_id text NOT NULL,
                version text NOT NULL,
                yaml text NOT NULL,
                sha256 text NOT NULL,
                stored_at timestamptz NOT NULL,
                UNIQUE (pack_id, version));
            CREATE TABLE rule_pack_publications (
                position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                revision bigint NOT NULL REFERENCES rule_packs (revision),
                published_at timestamptz NOT NULL,
                published_by text NOT NULL);
            CREATE INDEX ix_rule_pack_publications_revision ON rule_pack_publications (revision, position);
            """),
    ];
}
