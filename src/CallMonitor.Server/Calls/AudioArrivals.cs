namespace CallMonitor.Server.Calls;

/// <summary>
/// When each stretch of a call's audio arrived (wall clock), so the latency of an alert can be measured from the
/// arrival of the audio it refers to. Written by the frame reader, read by the event pump.
/// </summary>
internal sealed class AudioArrivals
{
    private readonly Lock _gate = new();
    private readonly List<(TimeSpan AudioEnd, long Timestamp)> _arrivals = [];

    /// <summary>Audio up to <paramref name="audioEnd"/> had arrived at <paramref name="timestamp"/> (Stopwatch ticks).</summary>
    public void Arrived(TimeSpan audioEnd, long timestamp)
    {
        lock (_gate)
        {
            if (_arrivals.Count == 0 || audioEnd > _arrivals[^1].AudioEnd)
            {
                _arrivals.Add((audioEnd, timestamp));
            }
        }
    }

    /// <summary>When the audio at <paramref name="audioTime"/> arrived, or null when it has not (yet) arrived.</summary>
    public long? ArrivalOf(TimeSpan audioTime)
    {
        lock (_gate)
        {
            // First arrival whose audio reaches audioTime.
            int low = 0, high = _arrivals.Count;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (_arrivals[middle].AudioEnd < audioTime)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return low < _arrivals.Count ? _arrivals[low].Timestamp : null;
        }
    }
}
