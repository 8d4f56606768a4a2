namespace CallMonitor.Server.Limits;

/// <summary>
/// What one caller may hold and send. A caller is its API key (by the key's name); when the service runs without a key
/// file every caller is anonymous and the limits apply per client IP address instead (so clients behind one proxy or
/// NAT share them). 0 (or <see cref="TimeSpan.Zero"/>) turns a limit off.
/// </summary>
public sealed record CallLimitOptions
{
    /// <summary>CallAnalysis.StreamCall streams one key may have open at once (<c>--max-calls-per-key</c>); beyond it a new stream is refused with ResourceExhausted.</summary>
    public int MaxCallsPerKey { get; init; } = 64;

    /// <summary>Supervision.Subscribe streams one key may have open at once (<c>--max-subscriptions-per-key</c>), counted apart from calls.</summary>
    public int MaxSubscriptionsPerKey { get; init; } = 16;

    /// <summary>A call stream that has not sent its CallStart this long after opening is ended with DeadlineExceeded.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A call that sends no frame for this long after its CallStart is ended with DeadlineExceeded (<c>--idle-timeout</c>);
    /// what was analysed is kept as a partial report. Only the time the service waits for the client counts, never the
    /// time it holds the stream back itself (see <see cref="MaxSpeed"/>).
    /// </summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Seconds of call time one key may send per wall-clock second beyond real time for each of its open calls
    /// (<c>--max-speed</c>): a key with N calls open may send N + MaxSpeed seconds of call time per second, so live calls
    /// (a telephony gateway's hundreds of them on one key) are never slowed, and uploads of recordings share MaxSpeed.
    /// Call time is the audio received, or for text-only calls how far the transcript has reached.
    /// <para>
    /// Over this budget the service is not refusing anything: it stops reading that key's streams until the budget has
    /// refilled, so HTTP/2 flow control holds the client's writes back. A client that uploads too fast is slowed and
    /// still gets its whole call analysed; refusing or dropping audio instead would lose calls that a client had every
    /// right to upload, and real-time calls are owed their pace. Other keys are not slowed.
    /// </para>
    /// </summary>
    public double MaxSpeed { get; init; } = 32;

    /// <summary>Call time a key may send ahead of <see cref="MaxSpeed"/> before it is slowed (the token bucket's size).</summary>
    public TimeSpan SpeedBurst { get; init; } = TimeSpan.FromSeconds(60);

    /// <exception cref="ArgumentOutOfRangeException">A negative limit, a speed that is not a finite number, or a speed limit without a burst.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MaxCallsPerKey);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxSubscriptionsPerKey);
        ArgumentOutOfRangeException.ThrowIfLessThan(StartTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(IdleTimeout, TimeSpan.Zero);
        if (!double.IsFinite(MaxSpeed) || MaxSpeed < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxSpeed), MaxSpeed, "the speed limit is seconds of call time per second, 0 for none (--max-speed)");
        }

        if (MaxSpeed > 0 && SpeedBurst <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(SpeedBurst), SpeedBurst, "a speed limit needs a burst of more than 0 s of call time");
        }
    }
}
