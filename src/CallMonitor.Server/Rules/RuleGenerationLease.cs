namespace CallMonitor.Server.Rules;

/// <summary>
/// A call's hold on the rule pack generation it started with (<see cref="RulePackRegistry.Acquire"/>): the pack and its
/// engines stay usable until the lease is disposed, whatever is published meanwhile. Dispose it when the call ends;
/// disposing twice is harmless.
/// </summary>
public sealed class RuleGenerationLease : IDisposable
{
    private int _disposed;

    internal RuleGenerationLease(RuleGeneration generation) => Generation = generation;

    /// <summary>The generation the call runs on.</summary>
    public RuleGeneration Generation { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Generation.Release();
        }
    }
}
