namespace CallMonitor.Server.Rules;

/// <summary>The text of a rule pack and where it came from: a revision of the pack store, or the pack built into the service.</summary>
/// <param name="Revision">The store's revision; 0 for the built-in pack.</param>
/// <param name="Yaml">The pack as published (for the built-in pack, the embedded file).</param>
/// <param name="Sha256">SHA-256 of the YAML's UTF-8 bytes, lower-case hex.</param>
/// <param name="PublishedAt">When it was last put in force; null for the built-in pack.</param>
/// <param name="PublishedBy">Who last put it in force; null for the built-in pack.</param>
public sealed record RulePackRevision(
    long Revision, string Id, string Version, string Yaml, string Sha256, DateTimeOffset? PublishedAt, string? PublishedBy)
{
    /// <summary>The pack built into the service, in force until one is published.</summary>
    public bool IsBuiltIn => Revision == 0;
}
