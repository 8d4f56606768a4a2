namespace CallMonitor.Chinese.Pinyin;

/// <summary>
/// Mandarin tone sandhi on a spelled phrase: 不 bù -> bú before a fourth tone; 一 yī -> yí before a
/// fourth tone and yì before a first, second or third tone (not at the end, not after 第, not next
/// to another numeral); then every third tone directly followed by a third tone becomes second
/// (a run 3-3-3 becomes 2-2-3, the common simplification). A break (punctuation) stops all rules.
/// Before a neutral-tone syllable, 不 and 一 follow that character's citation tone (一个 yí ge, 不是 bú shi).
/// </summary>
internal static class ToneSandhi
{
    private const string Numerals = "零〇一二两三四五六七八九十百千万亿";

    /// <param name="chars">The character of each syllable.</param>
    /// <param name="syllables">The citation spelling.</param>
    /// <param name="breakBefore">True where a pause (punctuation) precedes the syllable.</param>
    /// <param name="citationTones">The tone of each character's primary reading.</param>
    internal static PinyinSyllable[] Apply(char[] chars, PinyinSyllable[] syllables, bool[] breakBefore, int[] citationTones)
    {
        var result = (PinyinSyllable[])syllables.Clone();
        for (var i = 0; i + 1 < result.Length; i++)
        {
            if (breakBefore[i + 1])
            {
                continue;
            }

            var next = syllables[i + 1].Tone == 5 ? citationTones[i + 1] : syllables[i + 1].Tone;
            if (chars[i] == '不' && syllables[i].Text == "bù" && next == 4)
            {
                result[i] = syllables[i].WithTone(2);
            }
            else if (chars[i] == '一' && syllables[i].Text == "yī" && next != 5 && !InNumber(chars, i))
            {
                result[i] = syllables[i].WithTone(next == 4 ? 2 : 4);
            }
        }

        for (var i = 0; i + 1 < result.Length; i++)
        {
            if (result[i].Tone == 3 && result[i + 1].Tone == 3 && !breakBefore[i + 1])
            {
                result[i] = result[i].WithTone(2);
            }
        }

        return result;
    }

    private static bool InNumber(char[] chars, int i) =>
        (i > 0 && (chars[i - 1] == '第' || Numerals.Contains(chars[i - 1], StringComparison.Ordinal)))
        || Numerals.Contains(chars[i + 1], StringComparison.Ordinal);
}
