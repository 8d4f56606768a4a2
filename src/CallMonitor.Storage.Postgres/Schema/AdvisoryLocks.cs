namespace CallMonitor.Storage.Postgres.Schema;

/// <summary>
/// Keys of the transaction-scoped advisory locks that serialise work across nodes sharing one database. The values
/// are arbitrary but fixed: every CallMonitor build must use the same ones.
/// </summary>
internal static class AdvisoryLocks
{
    /// <summary>Held while the schema is checked and migrated, so nodes starting together migrate once.</summary>
    public const long SchemaMigration = 0x43_4D_53_43_48_45_4D_41; // "CMSCHEMA"

    /// <summary>Held while a rule pack is published, so revisions are gap-free and the publication log is in commit order.</summary>
    public const long RulePackPublication = 0x43_4D_52_55_4C_45_50_4B; // "CMRULEPK"
}
