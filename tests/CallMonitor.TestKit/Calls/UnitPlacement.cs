namespace CallMonitor.TestKit.Calls;

/// <summary>One recorded unit (agent word, customer syllable or real sentence) as placed in the call.</summary>
public sealed record UnitPlacement(string Text, int Characters, SampleSpan Span);
