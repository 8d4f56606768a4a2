namespace CallMonitor.Compliance.Rules;

/// <summary>
/// A named list of phrases (and optional regular expressions) of a rule: <c>phrases</c> for a forbidden-phrase
/// rule, <c>salutations</c> and <c>offers</c> for the greeting, <c>announcements</c> for a hold …
/// Which names a rule type takes is fixed by the pack schema.
/// </summary>
public sealed class PhraseSet
{
    internal PhraseSet(string name, IReadOnlyList<RulePhrase> phrases, IReadOnlyList<RulePattern> patterns)
    {
        Name = name;
        Phrases = Frozen.List(phrases);
        Patterns = Frozen.List(patterns);
    }

    /// <summary>The set's name in the pack.</summary>
    public string Name { get; }

    /// <summary>Literal phrases, normalised.</summary>
    public IReadOnlyList<RulePhrase> Phrases { get; }

    /// <summary>Regular expressions over normalised text (an optional matcher kind).</summary>
    public IReadOnlyList<RulePattern> Patterns { get; }

    /// <summary>Whether the set has neither phrases nor patterns.</summary>
    public bool IsEmpty => Phrases.Count == 0 && Patterns.Count == 0;
}
