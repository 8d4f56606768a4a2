namespace CallMonitor.Cli.Tests.Serve;

/// <summary>`callmonitor serve` refuses settings that cannot work before it starts anything, saying which and why.</summary>
public class ServeOptionTests
{
    [TestCase("--idle-timeout", "1e300", "at most 86400")]
    [TestCase("--idle-timeout", "-1", "0 or more")]
    [TestCase("--max-speed", "-2", "0 or more")]
    [TestCase("--max-calls-per-key", "-1", "0 or more")]
    [CancelAfter(60_000)]
    public async Task Serve_UnusableLimit_UsageErrorNamingTheOption(string option, string value, string problem, CancellationToken ct)
    {
        var result = await CliProcess.RunAsync(ct, "serve", "--urls", "http://127.0.0.1:1", "--engines", "none", option, value);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.Stderr);
            Assert.That(result.Stderr, Does.Contain(option).And.Contain(problem));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Serve_RedisWithoutPort_RefusedAtStartSayingHostPort(CancellationToken ct)
    {
        var data = Directory.CreateTempSubdirectory("callmonitor-serve-options-").FullName;
        try
        {
            var result = await CliProcess.RunAsync(ct, "serve", "--urls", "http://127.0.0.1:0", "--engines", "none", "--data", data, "--redis", "nonsense:::");

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.Not.Zero);
                Assert.That(result.Stderr, Does.Contain("host:port"));
            });
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
