namespace CallMonitor.Storage.Postgres.Schema;

/// <summary>One ordered step of the schema: applied once, inside the transaction that records it.</summary>
internal sealed record PostgresMigration(int Version, string Description, string Sql);
