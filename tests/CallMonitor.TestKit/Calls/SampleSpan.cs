using CallMonitor.Domain.Timeline;

namespace CallMonitor.TestKit.Calls;

/// <summary>A half-open range [Start, End) of sample positions in a rendered call.</summary>
public readonly record struct SampleSpan(long Start, long End)
{
    public long Length => End - Start;

    public double StartSeconds(int sampleRate) => (double)Start / sampleRate;

    public double EndSeconds(int sampleRate) => (double)End / sampleRate;

    public double Seconds(int sampleRate) => (double)Length / sampleRate;

    public AudioInterval ToInterval(int sampleRate) => AudioInterval.FromSamples(Start, End, sampleRate);

    public bool Overlaps(SampleSpan other) => Start < other.End && other.Start < End;

    public override string ToString() => $"[{Start}, {End})";
}
