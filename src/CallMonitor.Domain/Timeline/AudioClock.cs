namespace CallMonitor.Domain.Timeline;

/// <summary>Conversions between sample counts and positions on the audio timeline.</summary>
public static class AudioClock
{
    public static TimeSpan ToTime(long samples, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        return TimeSpan.FromTicks((long)Math.Round(samples * (double)TimeSpan.TicksPerSecond / sampleRate));
    }

    public static long ToSamples(TimeSpan time, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        return (long)Math.Round(time.Ticks * (double)sampleRate / TimeSpan.TicksPerSecond);
    }
}
