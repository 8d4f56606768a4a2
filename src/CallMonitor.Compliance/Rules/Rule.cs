using CallMonitor.Chinese.Matching;
using CallMonitor.Domain.Calls;

namespace CallMonitor.Compliance.Rules;

/// <summary>
/// One compiled, immutable rule of a <see cref="RulePack"/>. What the phrase sets and parameters mean depends on
/// <see cref="Type"/>; the pack schema (see the default pack's header) lists them per type.
/// </summary>
public sealed class Rule
{
    private static readonly IReadOnlyList<RulePhrase> NoPhrases = [];

    internal Rule(string id, RuleType type, int line)
    {
        Id = id;
        Type = type;
        Line = line;
    }

    /// <summary>Unique id within the pack (<c>forbidden.shirking</c>); reports name violations by it.</summary>
    public string Id { get; }

    public RuleType Type { get; }

    /// <summary>The wire name of <see cref="Type"/> (<c>forbidden_phrase</c> …).</summary>
    public string TypeName => Type.ToWireName();

    public RuleSeverity Severity { get; internal init; }

    /// <summary>Whose speech the rule judges (agent, customer) or <see cref="SpeakerRole.Conversation"/> for both.</summary>
    public SpeakerRole Role { get; internal init; }

    /// <summary>The standards and clauses the rule is written from (at least one).</summary>
    public IReadOnlyList<RuleSource> Sources { get; internal init => field = Frozen.List(value); } = [];

    /// <summary>The first of <see cref="Sources"/>: the clause the rule mainly rests on.</summary>
    public RuleSource Source => Sources[0];

    /// <summary>A sentence for the report reader: what the rule expects.</summary>
    public string Description { get; internal init; } = string.Empty;

    /// <summary>How tolerant the phrase matcher is of misheard syllables for this rule.</summary>
    public PinyinTolerance Tolerance { get; internal init; }

    /// <summary>Keyword-spotter threshold for the rule's phrases, or null for the spotter default.</summary>
    public float? KwsThreshold { get; internal init; }

    /// <summary>Keyword-spotter boosting score for the rule's phrases, or null for the spotter default.</summary>
    public float? KwsBoost { get; internal init; }

    /// <summary>The rule's phrase sets by name.</summary>
    public IReadOnlyDictionary<string, PhraseSet> PhraseSets { get; internal init => field = Frozen.Map(value); } =
        Frozen.Map<PhraseSet>([]);

    /// <summary>Context exceptions: polite sentences that contain a phrase of the rule and are not violations.</summary>
    public IReadOnlyList<RulePhrase> Exceptions { get; internal init => field = Frozen.List(value); } = NoPhrases;

    /// <summary>Numeric and yes/no parameters, with defaults filled in.</summary>
    public RuleParameters Parameters { get; internal init; } = null!;

    /// <summary>Time-of-day salutations (greeting rules only; empty otherwise).</summary>
    public IReadOnlyList<TimeOfDayGreeting> TimeOfDay { get; internal init => field = Frozen.List(value); } = [];

    /// <summary>1-based line where the rule starts in the pack.</summary>
    public int Line { get; }

    /// <summary>The phrases of set <paramref name="name"/>, or none when the rule has no such set.</summary>
    public IReadOnlyList<RulePhrase> Phrases(string name) =>
        PhraseSets.TryGetValue(name, out var set) ? set.Phrases : NoPhrases;

    /// <summary>The regular expressions of set <paramref name="name"/>, or none.</summary>
    public IReadOnlyList<RulePattern> Patterns(string name) =>
        PhraseSets.TryGetValue(name, out var set) ? set.Patterns : [];

    public override string ToString() => $"{Id} ({TypeName})";
}
