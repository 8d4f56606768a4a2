namespace CallMonitor.Domain.Errors;

/// <summary>
/// Base of every error CallMonitor reports to a person: its message says what is wrong and, where it can,
/// what to do. Boundaries (CLI, gRPC) print the message without a stack trace.
/// </summary>
public abstract class CallMonitorException : Exception
{
    protected CallMonitorException(string message)
        : base(message)
    {
    }

    protected CallMonitorException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
