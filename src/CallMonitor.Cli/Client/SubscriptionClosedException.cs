namespace CallMonitor.Cli.Client;

/// <summary>The server ended a subscription normally before it delivered anything; <c>watch</c> subscribes again after a pause.</summary>
public sealed class SubscriptionClosedException : Exception
{
    public SubscriptionClosedException()
    {
    }

    public SubscriptionClosedException(string message)
        : base(message)
    {
    }

    public SubscriptionClosedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
