namespace CallMonitor.Cli.Client;

/// <summary>
/// Releases audio at real-time pace: the chunk that starts at audio offset T is released at start + T on the
/// wall clock. Every due time is measured from the one start, never from the previous release, so time lost to a slow
/// send is caught up (no sleep while behind) and the pace never drifts.
/// </summary>
public sealed class PacingClock
{
    private readonly TimeProvider _time;
    private long _start;
    private bool _started;

    public PacingClock(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <summary>Wall-clock time since <see cref="Start"/>.</summary>
    public TimeSpan Elapsed => _started ? _time.GetElapsedTime(_start) : TimeSpan.Zero;

    /// <summary>Audio offset zero is now.</summary>
    public void Start()
    {
        _start = _time.GetTimestamp();
        _started = true;
    }

    /// <summary>Waits until <paramref name="audioOffset"/> after <see cref="Start"/>; returns at once when that time has passed.</summary>
    /// <exception cref="InvalidOperationException">The clock was not started.</exception>
    public async Task WaitUntilAsync(TimeSpan audioOffset, CancellationToken cancellationToken)
    {
        if (!_started)
        {
            throw new InvalidOperationException("start the pacing clock before waiting on it");
        }

        TimeSpan left;
        while ((left = audioOffset - _time.GetElapsedTime(_start)) > TimeSpan.Zero)
        {
            await Task.Delay(left, _time, cancellationToken).ConfigureAwait(false);
        }
    }
}
