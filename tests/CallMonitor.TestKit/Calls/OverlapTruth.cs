using CallMonitor.Domain.Calls;

namespace CallMonitor.TestKit.Calls;

/// <summary>A stretch where both parties speak; <paramref name="SecondSpeaker"/> started while the other was talking.</summary>
public sealed record OverlapTruth(SampleSpan Span, SpeakerRole FirstSpeaker, SpeakerRole SecondSpeaker);
