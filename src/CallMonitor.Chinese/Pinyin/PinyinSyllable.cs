namespace CallMonitor.Chinese.Pinyin;

/// <summary>
/// One Mandarin syllable split the way the sherpa-onnx KWS token set splits it: an
/// <see cref="Initial"/> (b p m f d t n l g k h j q x zh ch sh r z c s, y or w as written, or "" for
/// none) and a tone-marked <see cref="Final"/> spelled exactly as in the reading ("ǒu" for 有 = y + ǒu,
/// "ù" for 去 = q + ù, where ü is written u after j/q/x/y, and "ǜ" for 绿 = l + ǜ).
/// </summary>
/// <param name="Initial">The initial consonant as written, or "".</param>
/// <param name="Final">The rest of the syllable with its tone mark (no mark for the neutral tone).</param>
/// <param name="Tone">1-4, or 5 for the neutral tone.</param>
public sealed record PinyinSyllable(string Initial, string Final, int Tone)
{
    private static readonly string[] TwoLetterInitials = ["zh", "ch", "sh"];
    private const string OneLetterInitials = "bpmfdtnlgkhjqxrzcsyw";

    /// <summary>The tone-marked syllable, e.g. "qīng".</summary>
    public string Text => Initial + Final;

    /// <summary>ASCII spelling without tone for homophone matching: ü is written v ("lv", "qing").</summary>
    public string Toneless => ToneMarks.ToAscii(Initial + ToneMarks.Strip(Final).Bare);

    /// <summary><see cref="Toneless"/> followed by the tone digit, e.g. "qing1", "lv4", "ma5".</summary>
    public string Numbered => Toneless + Tone.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Parses a tone-marked syllable such as "shéi", "lüè" or "ma".</summary>
    /// <exception cref="FormatException">The text is not a pinyin syllable.</exception>
    public static PinyinSyllable Parse(string syllable)
    {
        ArgumentNullException.ThrowIfNull(syllable);
        var written = syllable.Trim().ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormC);
        var (bare, tone) = ToneMarks.Strip(written);
        if (bare.Length == 0 || !bare.All(c => c is >= 'a' and <= 'z' || c is 'ü' or 'ê'))
        {
            throw new FormatException($"'{syllable}' is not a tone-marked pinyin syllable (letters a-z, ü, ê and tone marks only).");
        }

        // Initials never carry a tone mark, so the written final is the rest of the written syllable.
        var initial = InitialOf(bare);
        return new PinyinSyllable(initial, written[initial.Length..], tone);
    }

    /// <summary>The same syllable with another tone (the mark moves to where that tone is written).</summary>
    public PinyinSyllable WithTone(int tone)
    {
        if (tone is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(tone), tone, "A pinyin tone is 1-5 (5 = neutral).");
        }

        return tone == Tone ? this : this with { Final = ToneMarks.Place(ToneMarks.Strip(Final).Bare, tone), Tone = tone };
    }

    public override string ToString() => Text;

    private static string InitialOf(string bare)
    {
        var initial = TwoLetterInitials.FirstOrDefault(i => bare.StartsWith(i, StringComparison.Ordinal))
            ?? (OneLetterInitials.Contains(bare[0], StringComparison.Ordinal) ? bare[..1] : string.Empty);

        // Syllabic nasals (ń, ḿ, ńg, hm, hng) have no vowel after the consonant: keep them whole.
        return bare[initial.Length..].Any(ToneMarks.IsVowel) ? initial : string.Empty;
    }
}
