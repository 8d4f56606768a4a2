using CallMonitor.Chinese.Matching;

namespace CallMonitor.Compliance.Rules;

/// <summary>
/// One phrase of a rule, compiled: <see cref="Text"/> is normalised (simplified, no punctuation or spaces, digits as
/// Chinese numerals); <see cref="Display"/> is what the pack author wrote, for reports.
/// </summary>
public sealed class RulePhrase
{
    internal RulePhrase(string text, string display, int line, int column)
    {
        Text = text;
        Display = display;
        Line = line;
        Column = column;
    }

    /// <summary>Normalised text to match against normalised transcripts.</summary>
    public string Text { get; }

    /// <summary>The phrase as written in the pack (may be traditional characters, may carry punctuation).</summary>
    public string Display { get; }

    /// <summary>Where the phrase must occur in an utterance (<see cref="PhraseAnchor.TextStart"/>: only as the opening of an utterance, for address words such as 喂).</summary>
    public PhraseAnchor Anchor { get; internal init; }

    /// <summary>Keyword-spotter threshold for this phrase, or null for the rule's (or the spotter's) default.</summary>
    public float? KwsThreshold { get; internal init; }

    /// <summary>Keyword-spotter boosting score, or null for the default.</summary>
    public float? KwsBoost { get; internal init; }

    /// <summary>
    /// Normalised context exceptions of the rule that contain this phrase: a hit inside one of them is polite
    /// speech, not a violation (不清楚 inside 您还有什么不清楚的地方吗).
    /// </summary>
    public IReadOnlyList<string> Exceptions { get; internal init => field = Frozen.List(value); } = [];

    /// <summary>1-based line of the phrase in the pack.</summary>
    public int Line { get; }

    /// <summary>1-based column of the phrase in the pack.</summary>
    public int Column { get; }

    public override string ToString() => Display;

    /// <summary>A copy carrying <paramref name="exceptions"/> (normalised texts that contain this phrase).</summary>
    internal RulePhrase WithExceptions(IEnumerable<string> exceptions) => new(Text, Display, Line, Column)
    {
        Anchor = Anchor,
        KwsThreshold = KwsThreshold,
        KwsBoost = KwsBoost,
        Exceptions = [.. exceptions],
    };
}
