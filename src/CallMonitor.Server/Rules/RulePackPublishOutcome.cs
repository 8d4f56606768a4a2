namespace CallMonitor.Server.Rules;

/// <summary>What a publish did.</summary>
/// <param name="InForce">The pack in force after the publish.</param>
/// <param name="Unchanged">True when this exact pack was already in force: nothing was stored or swapped.</param>
/// <param name="Warnings">Notes from opening the pack's engines (phrases the keyword spotter cannot listen for …).</param>
public sealed record RulePackPublishOutcome(RulePackRevision InForce, bool Unchanged, IReadOnlyList<string> Warnings);
