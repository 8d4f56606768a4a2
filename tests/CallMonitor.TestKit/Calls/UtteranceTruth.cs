using CallMonitor.Domain.Calls;

namespace CallMonitor.TestKit.Calls;

/// <summary>One scripted utterance as rendered: who, what, how fast, and where each unit landed.</summary>
/// <param name="Tempo">Speed factor applied (1 = as recorded, 1.5 = played in two thirds of the time).</param>
/// <param name="Span">From the first unit's first sample to the last unit's end.</param>
public sealed record UtteranceTruth(SpeakerRole Role, string Text, int Characters, double Tempo, SampleSpan Span, IReadOnlyList<UnitPlacement> Units)
{
    public double CharactersPerMinute(int sampleRate) => Characters * 60.0 / Span.Seconds(sampleRate);
}
