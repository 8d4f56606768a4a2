namespace CallMonitor.Chinese.Matching;

/// <summary>How far the sound of a hit may stray from the phrase of a <see cref="PhrasePattern"/>.</summary>
public enum PinyinTolerance
{
    /// <summary>Only the phrase itself, after normalisation (traditional, full-width and spacing folded).</summary>
    Exact,

    /// <summary>Also any characters with the same syllables when tones are ignored (不青楚 for 不清楚).</summary>
    Homophone,

    /// <summary>
    /// Also the confusions common in regional accents and in recognisers: initials z/zh, c/ch, s/sh,
    /// n/l, f/h, r/l, and finals an/ang (so ian/iang, uan/uang), en/eng, in/ing. One syllable may carry
    /// one initial and one final confusion; confusions do not chain (r~l and l~n, but not r~n).
    /// </summary>
    Near,
}
