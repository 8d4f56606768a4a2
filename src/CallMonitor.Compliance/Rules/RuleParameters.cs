using System.Collections.Frozen;

namespace CallMonitor.Compliance.Rules;

/// <summary>
/// The numeric and yes/no parameters of a rule (<c>minSeconds</c>, <c>maxCharsPerMinute</c> …), validated against
/// the rule type's schema when the pack loads, with the schema's defaults filled in. Asking for a name the
/// rule type does not define is a programming error.
/// </summary>
public sealed class RuleParameters
{
    internal RuleParameters(string ruleId, IDictionary<string, double> numbers, IDictionary<string, bool> flags)
    {
        RuleId = ruleId;
        Numbers = numbers.ToFrozenDictionary(StringComparer.Ordinal);
        Flags = flags.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The rule these parameters belong to (for messages).</summary>
    public string RuleId { get; }

    /// <summary>Every numeric parameter, by name.</summary>
    public IReadOnlyDictionary<string, double> Numbers { get; }

    /// <summary>Every yes/no parameter, by name.</summary>
    public IReadOnlyDictionary<string, bool> Flags { get; }

    /// <summary>The numeric parameter <paramref name="name"/>.</summary>
    public double Number(string name) => Numbers.TryGetValue(name, out var value)
        ? value
        : throw new KeyNotFoundException($"rule '{RuleId}' has no numeric parameter '{name}'; its parameters are: {Known()}");

    /// <summary>The yes/no parameter <paramref name="name"/>.</summary>
    public bool Flag(string name) => Flags.TryGetValue(name, out var value)
        ? value
        : throw new KeyNotFoundException($"rule '{RuleId}' has no yes/no parameter '{name}'; its parameters are: {Known()}");

    private string Known() => string.Join(", ", Numbers.Keys.Concat(Flags.Keys).Order(StringComparer.Ordinal));
}
