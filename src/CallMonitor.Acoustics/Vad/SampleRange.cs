namespace CallMonitor.Acoustics.Vad;

/// <summary>A half-open range of sample offsets [Start, End).</summary>
public readonly record struct SampleRange(long Start, long End)
{
    public long Length => End - Start;
}
