namespace CallMonitor.Server.Tests.Limits;

/// <summary>Polls server-side state until it holds; the test's own [CancelAfter] bounds the wait.</summary>
internal static class LimitWait
{
    public static async Task UntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(20, cancellationToken);
        }
    }
}
