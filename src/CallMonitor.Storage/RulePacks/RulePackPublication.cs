namespace CallMonitor.Storage.RulePacks;

/// <summary>A request to put a rule pack in force. The caller has already validated the YAML; the store does not parse it.</summary>
/// <param name="Id">Pack id as the YAML names it.</param>
/// <param name="Version">Pack version as the YAML names it.</param>
/// <param name="Yaml">The pack text, stored unchanged.</param>
/// <param name="PublishedBy">Who publishes it (user or key name), for the record.</param>
public sealed record RulePackPublication(string Id, string Version, string Yaml, string PublishedBy);
