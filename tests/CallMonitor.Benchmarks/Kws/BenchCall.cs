using CallMonitor.Domain.Calls;
using CallMonitor.TestKit.Calls;
using CallMonitor.TestKit.Phrases;

namespace CallMonitor.Benchmarks.Kws;

/// <summary>A rendered benchmark call and the phrase voicings planted in it.</summary>
internal sealed record BenchCall(RenderedCall Call, IReadOnlyList<PhraseVoicing> Planted)
{
    public double Seconds => Call.Truth.DurationSeconds;

    /// <summary>Where <paramref name="phrase"/> was said on <paramref name="role"/>'s channel (planted or inside a planted phrase).</summary>
    public IReadOnlyList<PhraseOccurrence> Said(SpeakerRole role, string phrase) => PhraseOccurrences.Find(Call.Truth, role, phrase);
}
