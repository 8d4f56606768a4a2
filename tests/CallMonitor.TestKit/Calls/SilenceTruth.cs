using CallMonitor.Domain.Calls;

namespace CallMonitor.TestKit.Calls;

/// <summary>A stretch between two speech intervals where neither party speaks.</summary>
/// <param name="Before">Who spoke last before it.</param>
/// <param name="After">Who speaks first after it.</param>
public sealed record SilenceTruth(SampleSpan Span, SpeakerRole Before, SpeakerRole After);
