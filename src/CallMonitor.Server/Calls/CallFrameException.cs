namespace CallMonitor.Server.Calls;

/// <summary>A frame of a call stream the service cannot accept; the message says what to send instead.</summary>
public sealed class CallFrameException : Exception
{
    public CallFrameException()
    {
    }

    public CallFrameException(string message)
        : base(message)
    {
    }

    public CallFrameException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
