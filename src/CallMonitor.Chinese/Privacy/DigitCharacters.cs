using System.Buffers;

namespace CallMonitor.Chinese.Privacy;

/// <summary>The characters a spoken or written digit string is made of, and the separators allowed between its groups.</summary>
internal static class DigitCharacters
{
    /// <summary><see cref="DigitUnit.Value"/> of the X check character.</summary>
    public const byte CheckLetterValue = 10;

    /// <summary>
    /// Digits read one by one: 幺 and 么 are the 1 of phone numbers, 两 the 2; 〇 and 零 are 0. Positional numerals
    /// (十百千万亿) are not here: 一百二十 is a quantity, not a digit string, and they break a run.
    /// </summary>
    private const string ChineseDigits = "零〇一幺么二两三四五六七八九";

    private static readonly byte[] ChineseValues = [0, 0, 1, 1, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9];

    /// <summary>Characters after which 么 is a word ending (什么, 怎么, 这么, 那么, 多么, 要么, 甚么), not the digit 1.</summary>
    private const string MeWordStarts = "什怎这那多要甚";

    /// <summary>Every character that can start a digit run, for a fast "nothing to do" check.</summary>
    public static SearchValues<char> Starts { get; } = SearchValues.Create("0123456789０１２３４５６７８９" + ChineseDigits);

    /// <summary>Reads the digit at <paramref name="index"/>.</summary>
    /// <param name="afterDigit">The character before is a digit of the current run (an X counts only there).</param>
    public static bool TryRead(string text, int index, bool afterDigit, out byte value, out DigitScript script)
    {
        var c = text[index];
        if (TryReadDigit(text, index, out value, out script))
        {
            return true;
        }

        // X ends an identity number: it follows a digit and is not followed by another letter or digit.
        if (afterDigit && c is 'X' or 'x' or 'Ｘ' or 'ｘ'
            && (index + 1 == text.Length || (!IsLatinLetter(text[index + 1]) && !TryReadDigit(text, index + 1, out _, out _))))
        {
            value = CheckLetterValue;
            script = DigitScript.CheckLetter;
            return true;
        }

        return false;
    }

    /// <summary>The kind of separator <paramref name="c"/> is between two digit groups, or <see cref="GapKind.None"/> if it is none.</summary>
    public static GapKind SeparatorKind(char c) => c switch
    {
        ' ' or '\t' or '\u00A0' or '\u3000' => GapKind.Tight,
        '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\uFF0D' => GapKind.Tight,
        ')' or '\uFF09' => GapKind.Tight,
        ',' or '\uFF0C' or '\u3001' => GapKind.List,
        _ => GapKind.None,
    };

    /// <summary>ASCII or full-width Latin letter.</summary>
    public static bool IsLatinLetter(char c) => char.IsAsciiLetter(c) || c is (>= 'Ａ' and <= 'Ｚ') or (>= 'ａ' and <= 'ｚ');

    private static bool TryReadDigit(string text, int index, out byte value, out DigitScript script)
    {
        var c = text[index];
        script = DigitScript.Arabic;
        if (c is >= '0' and <= '9')
        {
            value = (byte)(c - '0');
            return true;
        }

        if (c is >= '０' and <= '９')
        {
            value = (byte)(c - '０');
            return true;
        }

        script = DigitScript.Chinese;
        var at = ChineseDigits.IndexOf(c, StringComparison.Ordinal);
        if (at >= 0 && !(c == '么' && index > 0 && MeWordStarts.Contains(text[index - 1], StringComparison.Ordinal)))
        {
            value = ChineseValues[at];
            return true;
        }

        value = 0;
        return false;
    }
}
