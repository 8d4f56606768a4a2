namespace CallMonitor.TestKit.Calls;

/// <summary>A real recorded sentence from <c>shared/audio/real-cmn</c> with its transcript.</summary>
/// <param name="Path">Full path of the WAV file.</param>
/// <param name="Transcript">What is said (Chinese characters, no punctuation).</param>
public sealed record RealUtterance(string Path, string Transcript)
{
    /// <summary>File name without folders, e.g. <c>funasr_asr_example.wav</c>.</summary>
    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>Chinese characters in the transcript: Mandarin speaks one syllable per character.</summary>
    public int Characters => Hanzi.Count(Transcript);

    /// <summary>True for the spontaneous (internet, meeting) recordings rather than read or prompted speech.</summary>
    public bool IsSpontaneous => Name.Contains("TEST_NET", StringComparison.Ordinal) || Name.Contains("TEST_MEETING", StringComparison.Ordinal);
}
