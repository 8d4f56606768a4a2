namespace CallMonitor.Storage.RulePacks;

/// <summary>A rule pack as the store keeps it: the YAML exactly as published, with its revision and who put it in force.</summary>
/// <param name="Revision">
/// The store's number for this content (id + version): assigned when it is first published, strictly increasing,
/// never reused. Republishing the same content keeps its revision.
/// </param>
/// <param name="Id">Pack id as the YAML names it.</param>
/// <param name="Version">Pack version as the YAML names it.</param>
/// <param name="Yaml">The pack text, unchanged.</param>
/// <param name="Sha256">SHA-256 of the UTF-8 bytes of <paramref name="Yaml"/>, lower-case hex (<see cref="RulePackHash"/>).</param>
/// <param name="PublishedAt">When this revision was last put in force (the store's clock).</param>
/// <param name="PublishedBy">Who last put it in force.</param>
public sealed record PublishedRulePack(
    long Revision, string Id, string Version, string Yaml, string Sha256, DateTimeOffset PublishedAt, string PublishedBy);
