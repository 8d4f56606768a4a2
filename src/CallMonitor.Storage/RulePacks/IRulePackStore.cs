namespace CallMonitor.Storage.RulePacks;

/// <summary>
/// Published rule packs and which one is in force. The pack in force is the one published last; publishing content
/// already stored (an identical retry, or a rollback to an earlier version) keeps its revision. Implementations are
/// safe for concurrent use.
/// </summary>
public interface IRulePackStore
{
    /// <summary>
    /// Stores <paramref name="publication"/> (when new) and makes it the pack in force. Idempotent: publishing the
    /// pack already in force changes nothing and returns it as stored.
    /// </summary>
    /// <returns>The pack as stored, with its revision and the latest publication's time and author.</returns>
    /// <exception cref="RulePackVersionConflictException">The id and version are stored with a different YAML.</exception>
    /// <exception cref="Errors.StorageUnavailableException">The database stayed unavailable through every retry.</exception>
    Task<PublishedRulePack> PublishAsync(RulePackPublication publication, CancellationToken cancellationToken = default);

    /// <summary>The pack published last, or null when none was ever published.</summary>
    Task<PublishedRulePack?> GetCurrentAsync(CancellationToken cancellationToken = default);

    /// <summary>The stored pack with this id and version, or null.</summary>
    Task<PublishedRulePack?> GetAsync(string id, string version, CancellationToken cancellationToken = default);
}
