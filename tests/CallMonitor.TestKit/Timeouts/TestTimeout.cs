namespace CallMonitor.TestKit.Timeouts;

/// <summary>
/// Bounds every await in a test, so a hang fails fast with a message naming what was awaited instead of
/// stalling the run. Use with NUnit's <c>[CancelAfter]</c> on the test itself.
/// </summary>
public static class TestTimeout
{
    /// <summary>Default bound for one await: generous for a loaded 2-core CI machine, short next to a CI job.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(30);

    /// <summary>A token that cancels after <paramref name="timeout"/> (default <see cref="Default"/>).</summary>
    public static CancellationTokenSource CreateCancellation(TimeSpan? timeout = null) => new(timeout ?? Default);

    public static async Task WithTimeout(this Task task, TimeSpan? timeout = null, string? what = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        var limit = timeout ?? Default;
        try
        {
            await task.WaitAsync(limit).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{what ?? "awaited task"} did not finish within {limit.TotalSeconds:0.#} s", ex);
        }
    }

    public static async Task<T> WithTimeout<T>(this Task<T> task, TimeSpan? timeout = null, string? what = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        var limit = timeout ?? Default;
        try
        {
            return await task.WaitAsync(limit).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{what ?? "awaited task"} did not finish within {limit.TotalSeconds:0.#} s", ex);
        }
    }

    /// <summary>
    /// Collects a whole stream, failing with <see cref="TimeoutException"/> if it takes longer than the bound, even when
    /// the stream ignores its cancellation token (each <c>MoveNextAsync</c> is raced against the time left).
    /// </summary>
    public static async Task<List<T>> ToListWithTimeout<T>(this IAsyncEnumerable<T> source, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var limit = timeout ?? Default;
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        linked.CancelAfter(limit);
        var items = new List<T>();
        var enumerator = source.GetAsyncEnumerator(linked.Token);
        var hung = false;
        try
        {
            while (true)
            {
                var left = limit - started.Elapsed;
                bool more;
                try
                {
                    more = await enumerator.MoveNextAsync().AsTask().WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    hung = ex is TimeoutException;
                    throw new TimeoutException($"stream did not complete within {limit.TotalSeconds:0.#} s ({items.Count} items so far)", ex);
                }

                if (!more)
                {
                    return items;
                }

                items.Add(enumerator.Current);
            }
        }
        finally
        {
            // An enumerator still inside MoveNextAsync cannot be disposed; it is abandoned to its cancelled token.
            if (!hung)
            {
                await enumerator.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
