namespace CallMonitor.Benchmarks.Cli;

/// <summary>The command line is wrong; the message says what to type instead.</summary>
internal sealed class BenchUsageException : Exception
{
    public BenchUsageException(string message)
        : base(message)
    {
    }
}
