using CallMonitor.Domain.Calls;

namespace CallMonitor.Benchmarks.Kws;

/// <summary>
/// One distinct phrase text of the rule pack with everything the pack says about it: the categories it is spoken
/// for (a phrase can serve several rules), whose channel, and the spotter threshold and boost the pack gives.
/// </summary>
/// <param name="Categories">Short names from the rule type and phrase set, e.g. "forbidden", "closing", "forbidden/exceptions".</param>
internal sealed record PackPhrase(
    string Text, IReadOnlyList<string> Categories, IReadOnlyList<string> RuleIds, SpeakerRole Role, float? Threshold, float? Boost)
{
    /// <summary>Spoken syllables: one per Chinese character.</summary>
    public int Syllables => Text.Length;

    /// <summary>The first category, for sorting and per-phrase rows.</summary>
    public string Category => Categories[0];
}
