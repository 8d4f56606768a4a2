using System.Text.Json;
using CallMonitor.Contracts.V1;
using Grpc.Core;

namespace CallMonitor.Cli.Tests.Client;

/// <summary><c>callmonitor watch</c> as a process against <see cref="SupervisionDouble"/>: options on the wire, API key, output, exit codes.</summary>
[Category("Integration")]
public class WatchCommandTests
{
    [Test]
    [CancelAfter(120_000)]
    public async Task Watch_FiltersAndKeyOnTheCommandLine_SentInTheRequestAndEventsPrintedAsJsonLines(CancellationToken token)
    {
        var server = new SupervisionDouble(logLength: 6, []);
        await using var host = await LoopbackGrpcHost.StartAsync(server, token);

        var result = await CliProcess.RunWithEnvironmentAsync(
            new Dictionary<string, string?> { ["CALLMONITOR_API_KEY"] = null },
            token,
            "watch", "--server", host.Address.ToString(), "--team", "north,south", "--team", "east", "--agent", "a7", "--call", "call-2",
            "--min-severity", "major", "--type", "forbidden_phrase", "--since", "2", "--count", "3", "--api-key", "k-123");

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        var (request, authorization) = server.Requests.Single();
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(request.Teams, Is.EqualTo(new[] { "north", "south", "east" }));
            Assert.That((request.AgentId, request.CallId, request.MinSeverity), Is.EqualTo(("a7", "call-2", Severity.Major)));
            Assert.That(request.Types_, Is.EqualTo(new[] { "forbidden_phrase" }));
            Assert.That((request.AfterPosition, request.SinceStart), Is.EqualTo((2L, false)));
            Assert.That(authorization, Is.EqualTo("Bearer k-123"));
            Assert.That(lines.Select(l => l.GetProperty("position").GetInt64()), Is.EqualTo(new[] { 3L, 4L, 5L }));
            var violation = lines.Single(l => l.GetProperty("kind").GetString() == "violation");
            Assert.That(violation.GetProperty("ruleId").GetString(), Is.EqualTo("forbidden.shirking"));
            Assert.That(violation.GetProperty("phrase").GetString(), Is.EqualTo("我没办法"), "Chinese written as is");
            Assert.That(violation.GetProperty("recordedAt").GetDateTimeOffset(), Is.EqualTo(new DateTimeOffset(2026, 11, 23, 9, 0, 4, TimeSpan.Zero)));
            Assert.That(lines[0].GetProperty("lifecycle").GetString(), Is.EqualTo("started"));
        });
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Watch_KeyFromTheEnvironmentAndSinceStart_BearerHeaderAndWholeLogReplayed(CancellationToken token)
    {
        var server = new SupervisionDouble(logLength: 2, []);
        await using var host = await LoopbackGrpcHost.StartAsync(server, token);

        var result = await CliProcess.RunWithEnvironmentAsync(
            new Dictionary<string, string?> { ["CALLMONITOR_API_KEY"] = "k-env" }, token, "watch", "--server", host.Address.ToString(), "--since", "start", "--count", "2");

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        var (request, authorization) = server.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(authorization, Is.EqualTo("Bearer k-env"));
            Assert.That(request.SinceStart, Is.True);
            Assert.That(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(2));
        });
    }

    [TestCase(StatusCode.PermissionDenied, 5)]
    [TestCase(StatusCode.Unauthenticated, 5)]
    [TestCase(StatusCode.InvalidArgument, 3)]
    [CancelAfter(120_000)]
    public async Task Watch_ServerRefuses_StatusOnStderrAndItsExitCode(StatusCode status, int exitCode, CancellationToken token)
    {
        var server = new SupervisionDouble(logLength: 2, [SubscriptionScript.Fail(status)]);
        await using var host = await LoopbackGrpcHost.StartAsync(server, token);

        var result = await CliProcess.RunAsync(token, "watch", "--server", host.Address.ToString(), "--count", "1");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(exitCode));
            Assert.That(result.Stderr, Does.Contain($"error: {status}: scripted failure"));
            Assert.That(result.Stdout, Is.Empty);
        });
    }

    [TestCase("--since", "yesterday")]
    [TestCase("--count", "0")]
    [TestCase("--min-severity", "huge")]
    [CancelAfter(60_000)]
    public async Task Watch_BadOption_UsageError(string option, string value, CancellationToken token)
    {
        var result = await CliProcess.RunAsync(token, "watch", "--server", "http://127.0.0.1:1", option, value);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.Stderr);
            Assert.That(result.Stderr, Does.Contain(option));
        });
    }
}
