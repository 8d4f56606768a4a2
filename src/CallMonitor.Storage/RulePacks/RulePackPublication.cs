namespace CallMonitor.Storage.RulePacks;

/// <summary>A request to put a rule pack in force. The caller has already validated the YAML; the store does not parse it.</summary>
/// <param name="Id">Pack id as the YAML names it.</param>
/// <param name="Version">Pack version as the YAML names it.</param>
/// <param name="Yaml">The pack text, stored unchanged.</param>
/// <param name="PublishedBy">Who publishes it (user or key name), for the record.</param>
public sealed record RulePackPublication(string Id, string Version, string Yaml, string PublishedBy)
{
    /// <summary>The checks every store applies before storing <paramref name="publication"/>.</summary>
    /// <exception cref="ArgumentException">No publication, a blank id or version, or no YAML or author.</exception>
    public static void ThrowIfInvalid(RulePackPublication publication)
    {
        ArgumentNullException.ThrowIfNull(publication);
        ArgumentException.ThrowIfNullOrWhiteSpace(publication.Id, nameof(publication));
        ArgumentException.ThrowIfNullOrWhiteSpace(publication.Version, nameof(publication));
        ArgumentNullException.ThrowIfNull(publication.Yaml, nameof(publication));
        ArgumentNullException.ThrowIfNull(publication.PublishedBy, nameof(publication));
    }
}
