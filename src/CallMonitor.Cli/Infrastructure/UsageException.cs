namespace CallMonitor.Cli.Infrastructure;

/// <summary>The command line asks for something impossible (an unknown engine, a bad --raw format...).</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException()
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
