using System.Globalization;
using System.Text;
using CallMonitor.Chinese.Unihan;

namespace CallMonitor.Chinese.Normalization;

/// <summary>
/// Brings Chinese text from recognisers, rule packs and transcripts to one form for matching, and keeps
/// the way back to the original offsets.
/// </summary>
/// <remarks>
/// Per character, in this order:
/// <list type="number">
/// <item>full-width ASCII (U+FF01..U+FF5E) becomes ASCII; CJK compatibility ideographs their unified form;</item>
/// <item>whitespace (including U+3000 and the spaces Vosk puts between words), punctuation, symbols and
/// format/control characters are removed — except a '.' between two digits, which is read 点;</item>
/// <item>digits become Chinese numerals (0 -> 零 ... 9 -> 九), and 〇 becomes 零. Digits go to characters
/// and not the reverse because the numeral characters are also ordinary morphemes (一起, 统一, 万一,
/// 十分): turning them into digits would corrupt words, while a digit is always a number. Recognisers
/// emit spoken numbers as characters too, so a phone number reads 一三八… either way, and a run of
/// numeral characters maps back to the digits of the original for masking;</item>
/// <item>Latin letters are lower-cased;</item>
/// <item>traditional characters become simplified (Unihan kSimplifiedVariant; a character that is also
/// used in simplified text is left alone).</item>
/// </list>
/// Every output character comes from exactly one input character (or surrogate pair); nothing is merged.
/// </remarks>
public static class ChineseTextNormalizer
{
    private const string DigitNumerals = "零一二三四五六七八九";

    /// <summary>Normalises <paramref name="text"/> for matching.</summary>
    public static NormalizedText Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var output = new StringBuilder(text.Length);
        var map = new List<SourceSpan>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                // Outside the BMP (rare ideographs, emoji): kept unless it is a symbol.
                if (!IsDropped(CharUnicodeInfo.GetUnicodeCategory(text, i)))
                {
                    output.Append(text, i, 2);
                    map.Add(new SourceSpan(i, 2));
                    map.Add(new SourceSpan(i, 2));
                }

                i++;
                continue;
            }

            var c = Widen(text[i]);
            if (c == '.' && IsDigitAt(text, i - 1) && IsDigitAt(text, i + 1))
            {
                c = '点';
            }
            else if (char.IsWhiteSpace(c) || IsDropped(CharUnicodeInfo.GetUnicodeCategory(c)))
            {
                continue;
            }

            output.Append(Fold(c));
            map.Add(new SourceSpan(i, 1));
        }

        return new NormalizedText(text, output.ToString(), [.. map]);
    }

    /// <summary>The simplified form of <paramref name="c"/>, or <paramref name="c"/> itself.</summary>
    public static char ToSimplified(char c) => SimplifiedTable.ToSimplified(c);

    private static char Fold(char c) => c switch
    {
        >= '0' and <= '9' => DigitNumerals[c - '0'],
        '〇' => '零',
        >= 'A' and <= 'Z' => (char)(c + ('a' - 'A')),
        < '\u3400' => char.ToLowerInvariant(c),
        _ => SimplifiedTable.ToSimplified(c),
    };

    private static char Widen(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        >= '\uF900' and <= '\uFAFF' => CompatibilityIdeograph(c),
        _ => c,
    };

    private static char CompatibilityIdeograph(char c)
    {
        var unified = c.ToString().Normalize(NormalizationForm.FormC);
        return unified.Length == 1 ? unified[0] : c;
    }

    private static bool IsDigitAt(string text, int i) =>
        i >= 0 && i < text.Length && Widen(text[i]) is >= '0' and <= '9';

    private static bool IsDropped(UnicodeCategory category) => category is
        UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
        or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
        or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
        or UnicodeCategory.OtherPunctuation or UnicodeCategory.MathSymbol
        or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol
        or UnicodeCategory.OtherSymbol or UnicodeCategory.Control
        or UnicodeCategory.Format or UnicodeCategory.SpaceSeparator
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
