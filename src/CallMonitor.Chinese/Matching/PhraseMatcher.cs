using System.Text;
using CallMonitor.Chinese.Normalization;

namespace CallMonitor.Chinese.Matching;

/// <summary>
/// Finds many Chinese phrases at once in text that went through a speech recogniser: exactly (an
/// Aho-Corasick automaton over normalised text) and, per pattern, by sound (a trie over toneless
/// syllables), with context exceptions and anchors. Compiled once from a rule pack; immutable and
/// safe to share between threads.
/// </summary>
public sealed class PhraseMatcher
{
    private readonly PhrasePattern[] _patterns;
    private readonly CompiledEntry[] _entries;
    private readonly ExactAutomaton _exact;
    private readonly SoundTrie? _homophones;
    private readonly SoundTrie? _near;

    private PhraseMatcher(PhrasePattern[] patterns, CompiledEntry[] entries, ExactAutomaton exact, SoundTrie? homophones, SoundTrie? near)
    {
        _patterns = patterns;
        _entries = entries;
        _exact = exact;
        _homophones = homophones;
        _near = near;
    }

    /// <summary>The compiled patterns, in the order given.</summary>
    public IReadOnlyList<PhrasePattern> Patterns => _patterns;

    /// <summary>Validates and compiles <paramref name="patterns"/>.</summary>
    /// <exception cref="PhrasePatternException">
    /// A pattern is null, has no id or a duplicate id, a phrase or exception with nothing left after
    /// normalisation, an exception that does not contain its phrase, or an out-of-range setting.
    /// </exception>
    public static PhraseMatcher Compile(IEnumerable<PhrasePattern> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var compiled = new List<PhrasePattern>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var entries = new List<CompiledEntry>();
        foreach (var given in patterns)
        {
            var pattern = PatternCompiler.Validate(given, compiled.Count, ids);
            entries.Add(new CompiledEntry(compiled.Count, -1, PatternCompiler.NormalizeOrThrow(pattern, pattern.Phrase, "phrase")));
            for (var e = 0; e < pattern.Exceptions.Count; e++)
            {
                entries.Add(new CompiledEntry(compiled.Count, e, PatternCompiler.NormalizeOrThrow(pattern, pattern.Exceptions[e], "exception")));
            }

            compiled.Add(pattern);
        }

        var exact = ExactAutomaton.Build([.. entries.Select(e => e.Text)]);
        var (homophones, near) = PatternCompiler.BuildSoundTries(compiled, entries);
        var matcher = new PhraseMatcher([.. compiled], [.. entries], exact, homophones, near);
        matcher.CheckExceptionsContainPhrases();
        return matcher;
    }

    /// <summary>Finds the patterns in <paramref name="text"/> (normalised here).</summary>
    public PhraseMatches Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Find(ChineseTextNormalizer.Normalize(text));
    }

    /// <summary>Finds the patterns in already normalised text; offsets refer to its <see cref="NormalizedText.Original"/>.</summary>
    public PhraseMatches Find(NormalizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return MatchResolver.Resolve(_patterns, _entries, text, Candidates(text.Text));
    }

    /// <summary>
    /// Finds the patterns in a recogniser's timed words: the words are joined with single spaces
    /// (which normalisation removes, so 不 + 清楚 matches 不清楚), and every hit carries the words it
    /// touches and its audio times. A hit that starts or ends inside a word gets a time interpolated
    /// by characters within that word. Offsets and evidence refer to the joined text.
    /// </summary>
    /// <exception cref="ArgumentException">A word has no text, or times that are not finite or end before they start.</exception>
    public PhraseMatches FindInWords(IReadOnlyList<TimedWord> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (words.Count == 0)
        {
            return PhraseMatches.Empty;
        }

        var joined = new StringBuilder();
        var starts = new int[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (word.Text is null || !double.IsFinite(word.Start) || !double.IsFinite(word.End) || word.End < word.Start)
            {
                throw new ArgumentException(
                    $"Word {i} ('{word.Text}', {word.Start}-{word.End} s) needs text and finite times with end >= start.", nameof(words));
            }

            if (i > 0)
            {
                joined.Append(' ');
            }

            starts[i] = joined.Length;
            joined.Append(word.Text);
        }

        var found = Find(joined.ToString());
        var matches = found.Select(m => m with { Words = WordTimeline.Locate(words, starts, m.Start, m.End) }).ToArray();
        var suppressed = found.Suppressed
            .Select(s => s with { Match = s.Match with { Words = WordTimeline.Locate(words, starts, s.Match.Start, s.Match.End) } })
            .ToArray();
        return new PhraseMatches(matches, suppressed);
    }

    private List<Candidate> Candidates(string text)
    {
        var candidates = new List<Candidate>();
        var raw = new List<(int Entry, int Start, int Length)>();
        _exact.Collect(text, raw);
        foreach (var (entry, start, length) in raw)
        {
            candidates.Add(new Candidate(entry, start, length, MatchKind.Exact, 1.0));
        }

        if (_homophones is null && _near is null)
        {
            return candidates;
        }

        raw.Clear();
        var table = SoundTable.Default;
        _homophones?.Collect(text, table, near: false, raw);
        _near?.Collect(text, table, near: true, raw);
        foreach (var (entry, start, length) in raw)
        {
            if (SoundScore.Of(table, _entries[entry].Text, text, start) is { } score)
            {
                candidates.Add(new Candidate(entry, start, length, score.Kind, score.Similarity));
            }
        }

        return candidates;
    }

    private void CheckExceptionsContainPhrases()
    {
        var phraseEntry = -1;
        for (var e = 0; e < _entries.Length; e++)
        {
            var entry = _entries[e];
            if (entry.Exception < 0)
            {
                phraseEntry = e;
                continue;
            }

            if (!Candidates(entry.Text).Exists(c => c.Entry == phraseEntry))
            {
                var pattern = _patterns[entry.Pattern];
                throw new PhrasePatternException(
                    pattern.Id,
                    $"Pattern '{pattern.Id}': exception '{pattern.Exceptions[entry.Exception]}' does not contain the phrase "
                    + $"'{pattern.Phrase}' (tolerance {pattern.Tolerance}), so it could never excuse a hit. "
                    + "Write the exception as the longer context around the phrase.");
            }
        }
    }
}
