using CallMonitor.Cli.Tests.Client;

namespace CallMonitor.Cli.Tests.Serve;

/// <summary><c>callmonitor health</c> against the real <c>serve</c> process, and against a port where nothing listens.</summary>
[Category("Integration")]
public class HealthCommandTests
{
    [Test]
    [CancelAfter(180_000)]
    public async Task Health_ServingAndNothingListening_ExitCodesTellThemApart(CancellationToken ct)
    {
        int port;
        CliResult serving;
        await using (var server = await ServeProcess.StartAsync(ct, "--engines", "none"))
        {
            port = server.Address.Port;
            serving = await CliProcess.RunAsync(ct, "health", "--server", server.Address.ToString());
        }

        var gone = await CliProcess.RunAsync(ct, "health", "--server", $"http://127.0.0.1:{port}", "--timeout", "2");

        Assert.Multiple(() =>
        {
            Assert.That(serving.ExitCode, Is.Zero, serving.Stderr);
            Assert.That(serving.Stdout.Trim(), Is.EqualTo("SERVING"));
            Assert.That(gone.ExitCode, Is.EqualTo(6), "a service that is down is 'unavailable' (6)");
            Assert.That(gone.Stderr, Does.Contain($"127.0.0.1:{port}"));
        });
    }
}
