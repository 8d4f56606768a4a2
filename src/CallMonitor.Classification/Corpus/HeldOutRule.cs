using System.Text;
using CallMonitor.Chinese.Normalization;

namespace CallMonitor.Classification;

/// <summary>
/// Which utterances are held out from training: those whose normalised text hashes into the first
/// <see cref="Percent"/> of 100 buckets.
/// </summary>
/// <remarks>
/// The hash is 32-bit FNV-1a over the UTF-8 bytes of the text after
/// <see cref="ChineseTextNormalizer.Normalize"/>, bucket = hash mod 100. It depends on the text alone: not on
/// the line order, the run, the process or the platform (unlike <see cref="string.GetHashCode()"/>), so a
/// sentence stays on its side when lines are added, and the traditional and simplified spellings of one
/// sentence fall on the same side. Paraphrases of one another are not kept together: the held-out figures
/// measure how the model does on sentences it has not seen, some of which resemble ones it has.
/// </remarks>
public static class HeldOutRule
{
    /// <summary>Share of the corpus held out, in percent.</summary>
    public const int Percent = 20;

    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;

    /// <summary>True when <paramref name="text"/> belongs to the held-out split.</summary>
    public static bool IsHeldOut(string text) => Bucket(text) < Percent;

    /// <summary>The bucket (0..99) of <paramref name="text"/>.</summary>
    public static int Bucket(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = ChineseTextNormalizer.Normalize(text).Text;
        var hash = FnvOffset;
        foreach (var b in Encoding.UTF8.GetBytes(normalized))
        {
            hash ^= b;
            hash *= FnvPrime;
        }

        return (int)(hash % 100);
    }
}
