using System.Diagnostics;

namespace CallMonitor.Benchmarks.Live;

/// <summary>
/// When each chunk of a call's audio was handed to the stream (Stopwatch ticks), and when it was due, so the wall time
/// at which any point of the audio was sent is known.
/// </summary>
internal sealed class SentAudioLog
{
    private readonly long[] _sent;
    private readonly long[] _due;
    private readonly double _chunkSeconds;

    public SentAudioLog(int chunks, double chunkSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunks, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(chunkSeconds, 0);
        _sent = new long[chunks];
        _due = new long[chunks];
        _chunkSeconds = chunkSeconds;
    }

    public int Chunks => _sent.Length;

    /// <summary>When the first chunk was sent, or 0 before that.</summary>
    public long FirstSent => _sent[0];

    /// <summary>When the last chunk was sent, or 0 before that.</summary>
    public long LastSent => _sent[^1];

    /// <summary>The longest a single chunk's write waited (the service not taking audio: HTTP/2 flow control), seconds.</summary>
    public double MaxWriteStallSeconds { get; private set; }

    public void Record(int chunk, long due, long sent)
    {
        _due[chunk] = due;
        _sent[chunk] = sent;
    }

    /// <summary>A chunk's write, started at <paramref name="started"/>, returned at <paramref name="returned"/>.</summary>
    public void RecordWrite(long started, long returned) =>
        MaxWriteStallSeconds = Math.Max(MaxWriteStallSeconds, (double)(returned - started) / Stopwatch.Frequency);

    /// <summary>When the chunk holding audio time <paramref name="audioSeconds"/> was sent; null when it was not.</summary>
    public long? SentAt(double audioSeconds)
    {
        var chunk = Math.Clamp((int)Math.Floor(audioSeconds / _chunkSeconds), 0, _sent.Length - 1);
        return _sent[chunk] == 0 ? null : _sent[chunk];
    }

    /// <summary>The most any chunk was sent after it was due (the client not keeping its own pace), seconds.</summary>
    public double MaxLagSeconds()
    {
        var worst = 0L;
        for (var i = 0; i < _sent.Length && _sent[i] != 0; i++)
        {
            worst = Math.Max(worst, _sent[i] - _due[i]);
        }

        return (double)worst / Stopwatch.Frequency;
    }
}
