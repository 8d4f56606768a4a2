using System.Globalization;
using System.Text.RegularExpressions;
using CallMonitor.Chinese.Matching;
using CallMonitor.Compliance.Rules;

namespace CallMonitor.Compliance.Engine.Matching;

/// <summary>
/// One phrase set of a rule, compiled once per pack: its literal phrases in a <see cref="PhraseMatcher"/> (with the
/// rule's tolerance, the phrases' anchors and context exceptions) and its regular expressions. Immutable, shared by calls.
/// </summary>
internal sealed class RuleSetMatcher
{
    private readonly PhraseMatcher? _matcher;
    private readonly IReadOnlyList<RulePhrase> _phrases;
    private readonly IReadOnlyList<RulePattern> _patterns;

    private RuleSetMatcher(PhraseMatcher? matcher, IReadOnlyList<RulePhrase> phrases, IReadOnlyList<RulePattern> patterns)
    {
        _matcher = matcher;
        _phrases = phrases;
        _patterns = patterns;
    }

    /// <summary>A set with nothing in it (a rule without the named set).</summary>
    public static RuleSetMatcher Empty { get; } = new(null, [], []);

    /// <summary>The normalised texts of the literal phrases.</summary>
    public IEnumerable<string> PhraseTexts => _phrases.Select(p => p.Text);

    public bool IsEmpty => _phrases.Count == 0 && _patterns.Count == 0;

    /// <exception cref="RulePackException">The matcher rejects a phrase the pack loader let through.</exception>
    public static RuleSetMatcher Compile(
        RulePack pack, Rule rule, IReadOnlyList<RulePhrase> phrases, IReadOnlyList<RulePattern> patterns, PinyinTolerance tolerance)
    {
        if (phrases.Count == 0)
        {
            return new RuleSetMatcher(null, phrases, patterns);
        }

        var compiled = phrases.Select((p, i) => new PhrasePattern(Id(i), p.Text, tolerance)
        {
            Exceptions = p.Exceptions,
            Anchor = p.Anchor,
        });
        try
        {
            return new RuleSetMatcher(PhraseMatcher.Compile(compiled), phrases, patterns);
        }
        catch (PhrasePatternException ex)
        {
            throw new RulePackException(pack.SourceName, rule.Line, null, $"rule '{rule.Id}' cannot be compiled into a matcher: {ex.Message}", ex);
        }
    }

    /// <summary>Every hit in <paramref name="text"/>, live and suppressed, in text order.</summary>
    public IReadOnlyList<RuleHit> Find(UtteranceText text)
    {
        var hits = new List<RuleHit>();
        if (text.SpokenLength == 0)
        {
            return hits;
        }

        if (_matcher is not null)
        {
            var found = _matcher.Find(text.Normalized);
            var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var match in found)
            {
                hits.Add(Hit(text, match, Ordinal(ordinals, match.PatternId), null));
            }

            foreach (var suppressed in found.Suppressed)
            {
                hits.Add(Hit(text, suppressed.Match, -1, suppressed.Exception));
            }
        }

        for (var p = 0; p < _patterns.Count; p++)
        {
            var occurrence = 0;
            foreach (Match m in _patterns[p].Regex.Matches(text.Normalized.Text))
            {
                if (m.Length == 0)
                {
                    continue;
                }

                var source = text.Normalized.ToSource(m.Index, m.Length);
                hits.Add(new RuleHit(
                    string.Create(CultureInfo.InvariantCulture, $"r{p}#{occurrence++}"),
                    _patterns[p].Pattern,
                    text.Original.Substring(source.Start, source.Length),
                    text.TimeOf(source.Start, source.End),
                    MatchKind.Exact,
                    text.WordConfidence(source.Start, source.End) ?? 1.0,
                    null));
            }
        }

        hits.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return hits;
    }

    /// <summary>Whether any live (not excused) hit is in <paramref name="text"/>.</summary>
    public bool Says(UtteranceText text) => Find(text).Any(h => !h.IsSuppressed);

    /// <summary>The phrase whose normalised text is <paramref name="normalized"/>, or null.</summary>
    public RulePhrase? PhraseWithText(string normalized) => _phrases.FirstOrDefault(p => p.Text == normalized);

    private RuleHit Hit(UtteranceText text, PhraseMatch match, int ordinal, string? suppressedBy)
    {
        var index = int.Parse(match.PatternId, NumberStyles.None, CultureInfo.InvariantCulture);
        var confidence = match.Similarity * (text.WordConfidence(match.Start, match.End) ?? 1.0);
        var key = ordinal < 0 ? $"{match.PatternId}#x" : string.Create(CultureInfo.InvariantCulture, $"p{match.PatternId}#{ordinal}");
        return new RuleHit(key, _phrases[index].Display, match.Evidence, text.TimeOf(match.Start, match.End), match.Kind, confidence, suppressedBy);
    }

    private static int Ordinal(Dictionary<string, int> ordinals, string id)
    {
        var next = ordinals.GetValueOrDefault(id);
        ordinals[id] = next + 1;
        return next;
    }

    private static string Id(int index) => index.ToString(CultureInfo.InvariantCulture);
}
