using CallMonitor.Contracts.V1;

namespace CallMonitor.Cli.Client;

/// <summary>
/// Where a supervisor's subscription stands in the event log: the position of the last event printed. Every
/// (re)subscription asks for what comes after it, and an event at or before it (a server replaying on resume) is
/// refused, so across drops and fall-behinds nothing is printed twice and nothing is skipped.
/// </summary>
public sealed class SubscriptionCursor
{
    private readonly SubscribeRequest _filters;
    private bool _sinceStart;

    /// <param name="filters">Teams, agent, call, severity and types; its positions are ignored.</param>
    /// <param name="afterPosition">Start after this position (0: from now on, unless <paramref name="sinceStart"/>).</param>
    /// <param name="sinceStart">Replay the whole log first.</param>
    public SubscriptionCursor(SubscribeRequest filters, long afterPosition, bool sinceStart)
    {
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        _filters = filters;
        LastPosition = afterPosition > 0 ? afterPosition : null;
        _sinceStart = sinceStart && LastPosition is null;
    }

    /// <summary>Position of the last event taken (or the start position); null when none is known yet.</summary>
    public long? LastPosition { get; private set; }

    /// <summary>Events refused as already taken.</summary>
    public long Duplicates { get; private set; }

    /// <summary>The request for the next (re)subscription.</summary>
    public SubscribeRequest NextRequest()
    {
        var request = _filters.Clone();
        request.AfterPosition = LastPosition ?? 0;
        request.SinceStart = LastPosition is null && _sinceStart;
        return request;
    }

    /// <summary>True when <paramref name="e"/> is new (and is now the last taken); false for one at or before the last.</summary>
    public bool Take(ViolationEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (LastPosition is { } last && e.Position <= last)
        {
            Duplicates++;
            return false;
        }

        LastPosition = e.Position;
        _sinceStart = false;
        return true;
    }

    /// <summary>
    /// The server said where the stream starts (its <c>callmonitor-start-after</c> header). Before any event that is the
    /// place to resume from, so a subscription "from now" that breaks early misses nothing published meanwhile.
    /// </summary>
    public void Started(long startAfter)
    {
        if (LastPosition is null && startAfter > 0)
        {
            LastPosition = startAfter;
            _sinceStart = false;
        }
    }

    /// <summary>
    /// The server dropped events for this subscriber. Resumes after the last event taken; when none was taken yet,
    /// after the server's <see cref="FellBehind.ResumeAfter"/>. (The server's value equals the last taken when both
    /// are known; where they differ, the last taken is what neither skips nor repeats an event.)
    /// </summary>
    /// <returns>The position the next subscription resumes after.</returns>
    public long FellBehind(FellBehind notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (LastPosition is null && notice.ResumeAfter > 0)
        {
            LastPosition = notice.ResumeAfter;
            _sinceStart = false;
        }

        return LastPosition ?? 0;
    }
}
