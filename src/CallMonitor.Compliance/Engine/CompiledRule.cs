using CallMonitor.Compliance.Engine.Matching;
using CallMonitor.Compliance.Rules;
using CallMonitor.Domain.Calls;

namespace CallMonitor.Compliance.Engine;

/// <summary>A rule with a compiled matcher for each of its phrase sets. Immutable; shared by every call of a pack.</summary>
internal sealed class CompiledRule
{
    private readonly Dictionary<string, RuleSetMatcher> _sets;

    public CompiledRule(RulePack pack, Rule rule)
    {
        Rule = rule;
        _sets = rule.PhraseSets.ToDictionary(
            s => s.Key,
            s => RuleSetMatcher.Compile(pack, rule, s.Value.Phrases, s.Value.Patterns, rule.Tolerance),
            StringComparer.Ordinal);
        if (rule.Type == RuleType.MissingGreeting)
        {
            _sets[GreetingSets.TimeOfDay] = RuleSetMatcher.Compile(pack, rule, [.. rule.TimeOfDay.Select(t => t.Phrase)], [], rule.Tolerance);
            var holiday = pack.Calendar.SelectMany(h => h.Greetings).DistinctBy(p => p.Text).ToList();
            _sets[GreetingSets.Holidays] = RuleSetMatcher.Compile(pack, rule, holiday, [], rule.Tolerance);
        }
    }

    public Rule Rule { get; }

    public string Id => Rule.Id;

    /// <summary>The matcher of phrase set <paramref name="name"/>; an empty one when the rule has no such set.</summary>
    public RuleSetMatcher Set(string name) => _sets.GetValueOrDefault(name) ?? RuleSetMatcher.Empty;

    /// <summary>Whether an event on <paramref name="role"/>'s channel is judged by this rule.</summary>
    public bool Judges(SpeakerRole role) => Rule.Role == SpeakerRole.Conversation
        ? role != SpeakerRole.Conversation
        : role == Rule.Role;
}
