using CallMonitor.Compliance.Scoring;
using CallMonitor.Domain.Calls;

namespace CallMonitor.Compliance.Rules;

/// <summary>
/// A compiled, immutable compliance rule pack: the service standards as rules the engine runs. Load one with
/// <see cref="RulePackLoader"/>, or use <see cref="Default"/>. A reload builds a new pack and swaps the reference;
/// nothing in a pack changes after it is built, so it is safe to share between calls and threads.
/// </summary>
public sealed class RulePack
{
    /// <summary>Manifest resource name of the embedded default pack.</summary>
    public const string DefaultResourceName = "CallMonitor.Compliance.Packs.default.zh-CN.yaml";

    private static readonly Lazy<RulePack> DefaultPack = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Dictionary<string, Rule> _byId;

    internal RulePack(string id, string version, string locale, string sourceName, IReadOnlyList<Rule> rules)
    {
        Id = id;
        Version = version;
        Locale = locale;
        SourceName = sourceName;
        Rules = Frozen.List(rules);
        _byId = rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    /// <summary>The embedded default pack (<c>default.zh-CN.yaml</c>), loaded and validated once.</summary>
    public static RulePack Default => DefaultPack.Value;

    /// <summary>Pack id (<c>callmonitor.default</c>); reports carry it with <see cref="Version"/>.</summary>
    public string Id { get; }

    /// <summary>Semantic version of the pack (<c>1.0.0</c>).</summary>
    public string Version { get; }

    /// <summary>Locale of the phrases (<c>zh-CN</c>).</summary>
    public string Locale { get; }

    /// <summary>Where the pack was loaded from (file path or resource name).</summary>
    public string SourceName { get; }

    /// <summary>What the pack covers, for people.</summary>
    public string Description { get; internal init; } = string.Empty;

    /// <summary>Every rule, in pack order.</summary>
    public IReadOnlyList<Rule> Rules { get; }

    /// <summary>Holiday calendar for the greeting: dates and the greetings that fit them.</summary>
    public IReadOnlyList<HolidayGreeting> Calendar { get; internal init => field = Frozen.List(value); } = [];

    /// <summary>Phrase counts reported as metrics (polite words).</summary>
    public IReadOnlyList<PhraseMetric> Metrics { get; internal init => field = Frozen.List(value); } = [];

    /// <summary>The scoring form, or null when the pack does not score calls.</summary>
    public ScoringForm? Scoring { get; internal init; }

    /// <summary>The calendar entries covering <paramref name="localDate"/> (usually none or one).</summary>
    public IEnumerable<HolidayGreeting> HolidaysOn(DateOnly localDate) => Calendar.Where(h => h.Covers(localDate));

    /// <summary>The metric with id <paramref name="id"/>, or null.</summary>
    public PhraseMetric? Metric(string id) => Metrics.FirstOrDefault(m => m.Id == id);

    /// <summary>The rule with id <paramref name="id"/>, or null.</summary>
    public Rule? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The rules of one type, in pack order.</summary>
    public IEnumerable<Rule> OfType(RuleType type) => Rules.Where(r => r.Type == type);

    /// <summary>
    /// Every phrase a keyword spotter should listen for: the literal phrases of every rule's spoken phrase sets
    /// (forbidden phrases, greeting with its time-of-day and holiday salutations, closing, hold phrases,
    /// escalation cues …) and their context exceptions, with the role whose channel they are said on. Only phrases made of Chinese characters are listed (a spotter
    /// cannot listen for a regular expression or Latin letters); filler words are left to the transcript.
    /// </summary>
    public IReadOnlyList<SpokenPhrase> SpokenPhrases()
    {
        var result = new List<SpokenPhrase>();
        foreach (var rule in Rules)
        {
            foreach (var set in rule.PhraseSets.Values)
            {
                if (!RuleSchemas.IsSpoken(rule.Type, set.Name))
                {
                    continue;
                }

                AddSpoken(result, rule, set.Name, set.Phrases);
            }

            if (rule.PhraseSets.Keys.Any(name => RuleSchemas.IsSpoken(rule.Type, name)))
            {
                AddSpoken(result, rule, "exceptions", rule.Exceptions);
            }

            if (rule.Type == RuleType.MissingGreeting)
            {
                AddSpoken(result, rule, "timeOfDay", [.. rule.TimeOfDay.Select(t => t.Phrase)]);
                AddSpoken(result, rule, "holidays", [.. Calendar.SelectMany(h => h.Greetings).DistinctBy(p => p.Text)]);
            }
        }

        return result;
    }

    private static void AddSpoken(List<SpokenPhrase> result, Rule rule, string setName, IReadOnlyList<RulePhrase> phrases)
    {
        var role = rule.Role == SpeakerRole.Conversation ? SpeakerRole.Agent : rule.Role;
        foreach (var phrase in phrases)
        {
            if (!IsAllHan(phrase.Text))
            {
                continue;
            }

            result.Add(new SpokenPhrase(
                phrase.Text,
                rule.Id,
                rule.TypeName,
                role,
                phrase.KwsThreshold ?? rule.KwsThreshold,
                phrase.KwsBoost ?? rule.KwsBoost) { Set = setName });
        }
    }

    private static bool IsAllHan(string text) => text.Length > 0 && text.All(c => c is >= '\u3400' and <= '\u9FFF');

    private static RulePack LoadDefault()
    {
        var assembly = typeof(RulePack).Assembly;
        using var stream = assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new RulePackException(DefaultResourceName, null, null, "the default rule pack is not embedded in CallMonitor.Compliance; rebuild the project");
        using var reader = new StreamReader(stream);
        return RulePackLoader.Parse(reader.ReadToEnd(), DefaultResourceName);
    }
}
