using CallMonitor.Chinese.Pinyin;

namespace CallMonitor.Engines.SherpaOnnx.Kws;

/// <summary>
/// Turns Chinese phrases into keywords for the spotter, spelled from the pinyin tables (never a second, hand-kept
/// list): one <see cref="KeywordSpec"/> per spelling <see cref="PhrasePinyin.Spellings(string, int)"/> gives
/// (citation, tone sandhi, neutral tone, other common readings), each syllable written as its initial (when it has
/// one) and its tone-marked final. Every token is checked against the model's tokens.txt: a spelling the model
/// cannot write is dropped with a warning; a phrase left with no spelling is an error.
/// </summary>
public sealed class KeywordBuilder
{
    private readonly TokenTable _tokens;

    internal KeywordBuilder(TokenTable tokens)
    {
        _tokens = tokens;
    }

    /// <summary>Spellings asked of <see cref="PhrasePinyin"/> per phrase, most likely first.</summary>
    public int MaxVariants { get; init; } = 8;

    /// <summary>A builder for the model whose tokens.txt is <paramref name="tokensPath"/>.</summary>
    /// <exception cref="Domain.Errors.EngineUnavailableException">The file is missing or has no symbols.</exception>
    public static KeywordBuilder FromTokensFile(string tokensPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tokensPath);
        return new KeywordBuilder(TokenTable.Load(tokensPath));
    }

    /// <summary>A builder for <paramref name="model"/>'s token set.</summary>
    public static KeywordBuilder For(KwsModelFiles model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return FromTokensFile(model.Tokens);
    }

    /// <summary>Builds keywords for phrases that all use the engine's threshold and boost.</summary>
    /// <exception cref="KeywordSpellingException">A phrase is not all Chinese characters or has no usable spelling.</exception>
    public KeywordBuildResult Build(IEnumerable<string> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        return Build(phrases.Select(p => new KeywordPhrase(p)));
    }

    /// <summary>Builds keywords; each phrase's threshold and boost go to all its spellings.</summary>
    /// <exception cref="KeywordSpellingException">A phrase is not all Chinese characters or has no usable spelling.</exception>
    /// <exception cref="ArgumentException">A threshold outside 0..1 or a negative boost.</exception>
    public KeywordBuildResult Build(IEnumerable<KeywordPhrase> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxVariants, 1);
        var specs = new List<KeywordSpec>();
        var warnings = new List<string>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var phrase in phrases)
        {
            ArgumentNullException.ThrowIfNull(phrase);
            if (!done.Add(phrase.Phrase ?? string.Empty))
            {
                warnings.Add($"phrase '{phrase.Phrase}' is listed more than once; the first entry is used");
                continue;
            }

            specs.AddRange(Spell(phrase, warnings));
        }

        return new KeywordBuildResult(specs, warnings);
    }

    private List<KeywordSpec> Spell(KeywordPhrase phrase, List<string> warnings)
    {
        var text = phrase.Phrase;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new KeywordSpellingException(text ?? string.Empty, "a keyword phrase is empty; give Chinese characters such as 不清楚");
        }

        var dictionary = PinyinDictionary.Default;
        var foreign = text.FirstOrDefault(c => !dictionary.Contains(c));
        if (foreign != default)
        {
            throw new KeywordSpellingException(
                text,
                $"keyword phrase '{text}' contains '{foreign}' (U+{(int)foreign:X4}), which has no pinyin reading; the spotter "
                + "hears Chinese syllables only, so write the phrase in Chinese characters without spaces, digits or letters");
        }

        var specs = new List<KeywordSpec>();
        var rejected = new List<string>();
        foreach (var spelling in PhrasePinyin.Spellings(text, dictionary, MaxVariants))
        {
            var tokens = spelling.SelectMany(TokensOf).ToArray();
            var unknown = tokens.Where(t => !_tokens.Contains(t)).Distinct(StringComparer.Ordinal).ToArray();
            var syllables = string.Join(' ', spelling.Select(s => s.Text));
            if (unknown.Length > 0)
            {
                var reason = $"'{syllables}' (token {string.Join(", ", unknown.Select(u => $"'{u}'"))} not in the model's tokens.txt)";
                rejected.Add(reason);
                warnings.Add($"keyword '{text}': spelling {reason} dropped");
                continue;
            }

            var spec = new KeywordSpec(text, tokens, phrase.Threshold, phrase.Boost);
            _tokens.Validate(spec);
            specs.Add(spec);
        }

        if (specs.Count == 0)
        {
            throw new KeywordSpellingException(
                text,
                $"keyword phrase '{text}' has no spelling the model can write: {string.Join("; ", rejected)}; "
                + "choose another phrase or a model whose tokens cover these syllables");
        }

        return specs;
    }

    private static IEnumerable<string> TokensOf(PinyinSyllable syllable) =>
        syllable.Initial.Length == 0 ? [syllable.Final] : [syllable.Initial, syllable.Final];
}
