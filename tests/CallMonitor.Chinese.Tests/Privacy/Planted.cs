using System.Text;
using CallMonitor.Chinese.Privacy;

namespace CallMonitor.Chinese.Tests.Privacy;

/// <summary>The expected masking of a number planted in a sentence, worked out from the rule, not the masker.</summary>
internal static class Planted
{
    /// <summary>What may stand between the digit groups of a planted number.</summary>
    private const string Separators = " -－,，、)）\u3000";

    /// <summary>Every digit character of <paramref name="number"/> masked except the last <paramref name="keep"/>.</summary>
    public static string Masked(string number, int keep)
    {
        var chars = number.ToCharArray();
        var kept = 0;
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            if (Separators.Contains(chars[i], StringComparison.Ordinal))
            {
                continue;
            }

            if (kept < keep)
            {
                kept++;
                continue;
            }

            chars[i] = SensitiveNumberMasker.MaskChar;
        }

        return new string(chars);
    }

    /// <summary>The digit characters of <paramref name="number"/>, separators dropped.</summary>
    public static string Digits(string number)
    {
        var digits = new StringBuilder();
        foreach (var c in number.Where(c => !Separators.Contains(c, StringComparison.Ordinal)))
        {
            digits.Append(c);
        }

        return digits.ToString();
    }
}
