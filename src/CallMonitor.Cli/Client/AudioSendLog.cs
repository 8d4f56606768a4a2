namespace CallMonitor.Cli.Client;

/// <summary>
/// When each chunk of audio went out, so an alert about audio time T can be given its latency: arrival minus the
/// moment the chunk holding T was sent. Written by the sending task, read by the receiving one.
/// </summary>
public sealed class AudioSendLog
{
    private const double Tolerance = 1e-6;

    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly List<double> _ends = [];
    private readonly List<long> _sentAt = [];

    public AudioSendLog(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <summary>Audio sent so far (the end of the last chunk recorded).</summary>
    public TimeSpan Sent
    {
        get
        {
            lock (_gate)
            {
                return _ends.Count == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(_ends[^1]);
            }
        }
    }

    /// <summary>Records that the chunk ending at <paramref name="chunkEnd"/> is being sent now (call it just before the write).</summary>
    /// <exception cref="ArgumentException">Chunks out of order.</exception>
    public void Sending(TimeSpan chunkEnd)
    {
        var now = _time.GetTimestamp();
        lock (_gate)
        {
            if (_ends.Count > 0 && chunkEnd.TotalSeconds < _ends[^1])
            {
                throw new ArgumentException($"chunk ending at {chunkEnd} recorded after one ending at {_ends[^1]} s: record chunks in order", nameof(chunkEnd));
            }

            _ends.Add(chunkEnd.TotalSeconds);
            _sentAt.Add(now);
        }
    }

    /// <summary>
    /// Wall-clock time from the sending of the chunk that holds <paramref name="audioTime"/> (the first chunk whose
    /// end is at or after it; the last chunk sent for a time past it) to <paramref name="arrivalTimestamp"/>
    /// (a <see cref="TimeProvider.GetTimestamp"/> value). Null before any chunk was sent.
    /// </summary>
    public TimeSpan? LatencyOf(TimeSpan audioTime, long arrivalTimestamp)
    {
        long sentAt;
        lock (_gate)
        {
            if (_ends.Count == 0)
            {
                return null;
            }

            var index = _ends.BinarySearch(audioTime.TotalSeconds - Tolerance);
            index = index >= 0 ? index : ~index;
            sentAt = _sentAt[Math.Min(index, _sentAt.Count - 1)];
        }

        return _time.GetElapsedTime(sentAt, arrivalTimestamp);
    }
}
