namespace CallMonitor.Chinese.Matching;

/// <summary>How a hit matched its phrase.</summary>
public enum MatchKind
{
    /// <summary>Character for character after normalisation.</summary>
    Exact,

    /// <summary>Some characters differ but sound the same when tones are ignored.</summary>
    Homophone,

    /// <summary>At least one character only sounds close (a <see cref="PinyinTolerance.Near"/> confusion).</summary>
    Near,
}
