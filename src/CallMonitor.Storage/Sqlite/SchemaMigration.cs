namespace CallMonitor.Storage.Sqlite;

/// <summary>One ordered step of the schema: applied once, inside the transaction that records it.</summary>
internal sealed record SchemaMigration(int Version, string Description, string Sql);
