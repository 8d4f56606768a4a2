namespace CallMonitor.Benchmarks.Live;

/// <summary>
/// The live benchmark cannot go on: the service did not start or become ready, a warm-up call failed, or no call
/// can be built. The message says why and what to do.
/// </summary>
internal sealed class LiveBenchException : Exception
{
    public LiveBenchException(string message)
        : base(message)
    {
    }
}
