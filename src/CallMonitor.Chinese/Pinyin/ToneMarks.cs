using System.Globalization;
using System.Text;

namespace CallMonitor.Chinese.Pinyin;

/// <summary>Reads and places pinyin tone marks (macron, acute, caron, grave) on a syllable.</summary>
internal static class ToneMarks
{
    private const char Macron = '\u0304';
    private const char Acute = '\u0301';
    private const char Caron = '\u030C';
    private const char Grave = '\u0300';

    /// <summary>Splits a tone-marked spelling into its unmarked spelling (NFC) and its tone (1-4, 5 = neutral).</summary>
    internal static (string Bare, int Tone) Strip(string marked)
    {
        var tone = 5;
        var builder = new StringBuilder(marked.Length + 2);
        foreach (var c in marked.Normalize(NormalizationForm.FormD))
        {
            var t = c switch
            {
                Macron => 1,
                Acute => 2,
                Caron => 3,
                Grave => 4,
                _ => 0,
            };
            if (t == 0)
            {
                builder.Append(c);
            }
            else
            {
                tone = t;
            }
        }

        return (builder.ToString().Normalize(NormalizationForm.FormC), tone);
    }

    /// <summary>
    /// Puts the mark for <paramref name="tone"/> on an unmarked final by the standard rule: on a or e
    /// when present, on the o of "ou", otherwise on the last vowel; a final without vowels (m, n, ng)
    /// carries it on its first letter. Tone 5 leaves the final unmarked.
    /// </summary>
    internal static string Place(string bare, int tone)
    {
        if (tone == 5 || bare.Length == 0)
        {
            return bare;
        }

        var mark = tone switch
        {
            1 => Macron,
            2 => Acute,
            3 => Caron,
            4 => Grave,
            _ => throw new ArgumentOutOfRangeException(nameof(tone), tone, "A pinyin tone is 1-5."),
        };
        var at = MarkPosition(bare);
        return bare.Insert(at + 1, mark.ToString()).Normalize(NormalizationForm.FormC);
    }

    internal static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'ü' or 'ê' or 'v';

    private static int MarkPosition(string bare)
    {
        var a = bare.IndexOf('a', StringComparison.Ordinal);
        if (a >= 0)
        {
            return a;
        }

        var e = bare.IndexOfAny(['e', 'ê']);
        if (e >= 0)
        {
            return e;
        }

        var ou = bare.IndexOf("ou", StringComparison.Ordinal);
        if (ou >= 0)
        {
            return ou;
        }

        for (var i = bare.Length - 1; i >= 0; i--)
        {
            if (IsVowel(bare[i]))
            {
                return i;
            }
        }

        return 0;
    }

    /// <summary>ASCII spelling used for homophone keys: ü -> v, ê -> e, lower case.</summary>
    internal static string ToAscii(string bare)
    {
        var builder = new StringBuilder(bare.Length);
        foreach (var c in bare)
        {
            builder.Append(c switch
            {
                'ü' => 'v',
                'ê' => 'e',
                _ => char.ToLower(c, CultureInfo.InvariantCulture),
            });
        }

        return builder.ToString();
    }
}
