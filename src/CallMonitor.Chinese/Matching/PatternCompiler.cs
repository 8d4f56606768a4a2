using CallMonitor.Chinese.Normalization;

namespace CallMonitor.Chinese.Matching;

/// <summary>The checks and building steps of <see cref="PhraseMatcher.Compile"/>.</summary>
internal static class PatternCompiler
{
    public static PhrasePattern Validate(PhrasePattern? pattern, int index, HashSet<string> ids)
    {
        if (pattern is null)
        {
            throw new PhrasePatternException(null, $"Pattern {index} is null.");
        }

        if (string.IsNullOrWhiteSpace(pattern.Id))
        {
            throw new PhrasePatternException(null, $"Pattern {index} ('{pattern.Phrase}') has no id; give every pattern a unique id.");
        }

        if (!ids.Add(pattern.Id))
        {
            throw new PhrasePatternException(pattern.Id, $"Pattern id '{pattern.Id}' is used twice; ids must be unique.");
        }

        if (pattern.Phrase is null || pattern.Exceptions is null || pattern.Exceptions.Any(e => e is null))
        {
            throw new PhrasePatternException(pattern.Id, $"Pattern '{pattern.Id}' has a null phrase, exception list or exception.");
        }

        if (!Enum.IsDefined(pattern.Tolerance) || !Enum.IsDefined(pattern.Anchor))
        {
            throw new PhrasePatternException(
                pattern.Id, $"Pattern '{pattern.Id}' has an unknown tolerance ({(int)pattern.Tolerance}) or anchor ({(int)pattern.Anchor}).");
        }

        if (pattern.MinSoundLength < PhrasePattern.MinimumSoundLength)
        {
            throw new PhrasePatternException(
                pattern.Id,
                $"Pattern '{pattern.Id}': MinSoundLength {pattern.MinSoundLength} is below {PhrasePattern.MinimumSoundLength}; "
                + "single characters have too many sound-alikes to match by sound.");
        }

        // A private copy of the exception list, so the compiled matcher cannot change under its callers.
        return pattern with { Exceptions = [.. pattern.Exceptions] };
    }

    public static string NormalizeOrThrow(PhrasePattern pattern, string text, string what)
    {
        var normalized = ChineseTextNormalizer.Normalize(text).Text;
        return normalized.Length > 0
            ? normalized
            : throw new PhrasePatternException(
                pattern.Id, $"Pattern '{pattern.Id}': the {what} '{text}' is empty once spaces and punctuation are removed.");
    }

    public static (SoundTrie? Homophones, SoundTrie? Near) BuildSoundTries(List<PhrasePattern> patterns, List<CompiledEntry> entries)
    {
        if (patterns.TrueForAll(p => p.Tolerance == PinyinTolerance.Exact))
        {
            return (null, null);
        }

        var table = SoundTable.Default;
        var homophones = new SoundTrie.Builder();
        var near = new SoundTrie.Builder();
        for (var e = 0; e < entries.Count; e++)
        {
            var pattern = patterns[entries[e].Pattern];
            var text = entries[e].Text;
            if (pattern.Tolerance == PinyinTolerance.Exact || text.Length < pattern.MinSoundLength)
            {
                continue;
            }

            var positions = text.Select(c => table.Homophones(c) is { IsEmpty: false } tokens ? tokens.ToArray() : [table.Literal(c)]).ToArray();
            SoundTrie.Add(pattern.Tolerance == PinyinTolerance.Near ? near : homophones, positions, e);
        }

        return (Freeze(homophones, table), Freeze(near, table));
    }

    private static SoundTrie? Freeze(SoundTrie.Builder builder, SoundTable table) =>
        builder.Children.Count > 1 ? SoundTrie.Freeze(builder, table.SyllableCount) : null;
}
