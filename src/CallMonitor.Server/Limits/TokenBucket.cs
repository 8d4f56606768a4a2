namespace CallMonitor.Server.Limits;

/// <summary>
/// A token bucket that may go into debt: it holds up to <c>capacity</c> tokens, refills at <c>rate</c> tokens per second
/// of <see cref="TimeProvider"/> time, and <see cref="Take"/> always takes what is asked (work already received is never
/// refused) and says how long the taker should wait before taking again: the time until the debt is paid. Taken from
/// several streams at once, every taker waits out the debt they all made together, so what is taken over any stretch
/// of time is at most capacity + rate × time, plus what was taken just before the waits.
/// </summary>
internal sealed class TokenBucket
{
    private readonly double _baseRate;
    private double _rate;
    private readonly double _capacity;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private double _tokens;
    private long _updated;
    private double _taken;

    /// <param name="rate">Tokens per second, more than 0.</param>
    /// <param name="capacity">Most tokens held, more than 0; the bucket starts full.</param>
    public TokenBucket(double rate, double capacity, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentNullException.ThrowIfNull(time);
        _baseRate = rate;
        _rate = rate;
        _capacity = capacity;
        _time = time;
        _tokens = capacity;
        _updated = time.GetTimestamp();
    }

    /// <summary>Everything taken since the bucket was made.</summary>
    public double Taken
    {
        get
        {
            lock (_gate)
            {
                return _taken;
            }
        }
    }

    /// <summary>Tokens now: negative while in debt.</summary>
    public double Tokens
    {
        get
        {
            lock (_gate)
            {
                Refill();
                return _tokens;
            }
        }
    }

    /// <summary>True when the bucket is full: forgetting it now loses nothing.</summary>
    public bool IsFull => Tokens >= _capacity;

    /// <summary>Takes <paramref name="amount"/> tokens (0 or more); returns how long to wait until the debt is paid (zero when there is none).</summary>
    public TimeSpan Take(double amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        lock (_gate)
        {
            Refill();
            _tokens -= amount;
            _taken += amount;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _rate);
        }
    }

    /// <summary>
    /// Raises (or, negative, lowers) the refill rate from now on; it never drops below the rate the bucket was made
    /// with. What accrued so far accrued at the old rate.
    /// </summary>
    public void AdjustRate(double delta)
    {
        lock (_gate)
        {
            Refill();
            _rate = Math.Max(_baseRate, _rate + delta);
        }
    }

    /// <summary>How long until the debt is paid, without taking anything.</summary>
    public TimeSpan Debt()
    {
        lock (_gate)
        {
            Refill();
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _rate);
        }
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_updated, now).TotalSeconds;
        _updated = now;
        if (elapsed > 0)
        {
            _tokens = Math.Min(_capacity, _tokens + (elapsed * _rate));
        }
    }
}
