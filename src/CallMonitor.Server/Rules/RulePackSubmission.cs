namespace CallMonitor.Server.Rules;

/// <summary>A pack sent to be validated or published.</summary>
/// <param name="Yaml">The pack text.</param>
/// <param name="ExpectedId">When set, the YAML's id must equal it (a guard against sending the wrong file).</param>
/// <param name="ExpectedVersion">When set, the YAML's version must equal it.</param>
public sealed record RulePackSubmission(string Yaml, string? ExpectedId = null, string? ExpectedVersion = null);
