namespace CallMonitor.Server.Events;

/// <summary>The shared event log cannot be read now (its server is unreachable); subscriptions should retry.</summary>
public sealed class EventFeedUnavailableException : Exception
{
    public EventFeedUnavailableException()
    {
    }

    public EventFeedUnavailableException(string message)
        : base(message)
    {
    }

    public EventFeedUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
