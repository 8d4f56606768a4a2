using CallMonitor.TestKit.Services;

// In the root namespace on purpose: a [SetUpFixture] covers its namespace and those below it.
namespace CallMonitor.Storage.Postgres.Tests;

/// <summary>One private PostgreSQL cluster for the whole test assembly (starting one costs seconds); tests get their own databases.</summary>
[SetUpFixture]
public sealed class PostgresAssembly
{
    private static PostgresServer? _server;

    public static PostgresServer Server =>
        _server ?? throw new InvalidOperationException("The test PostgreSQL server is not running (PostgresAssembly.StartServer did not run or failed).");

    [OneTimeSetUp]
    public async Task StartServer()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        _server = await PostgresServer.StartNewAsync(limit.Token);
        await TestContext.Progress.WriteLineAsync($"Test PostgreSQL cluster on port {_server.Port} initialised and started in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }
    }
}
