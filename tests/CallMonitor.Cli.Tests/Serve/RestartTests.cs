using System.Text.Json;
using CallMonitor.Cli.Tests.Client;
using CallMonitor.Contracts.V1;
using Grpc.Net.Client;

namespace CallMonitor.Cli.Tests.Serve;

/// <summary>
/// The service as an operator runs it: <c>callmonitor serve</c> processes on one data folder, killed (SIGKILL, no
/// shutdown) and started again. Stored reports survive, and a supervisor console (<c>callmonitor watch</c>) resumes
/// from its last position on the new process with nothing lost and nothing twice.
/// </summary>
[Category("Integration")]
public class RestartTests
{
    [Test]
    [CancelAfter(300_000)]
    public async Task Serve_KilledAndRestarted_KeepsReportsAndWatchResumesWithoutLossOrDuplicates(CancellationToken ct)
    {
        var data = Directory.CreateTempSubdirectory("callmonitor-restart-").FullName;
        try
        {
            string firstWatch;
            await using (var first = await ServeProcess.StartAsync(ct, "--engines", "kws", "--data", data))
            {
                await StreamAsync(first, "before-kill", ct);
                firstWatch = (await CliProcess.RunAsync(ct, "watch", "--server", first.Address.ToString(), "--team", "north", "--since", "start", "--count", "3")).Stdout;
            }

            // DisposeAsync killed the process tree: no graceful shutdown, whatever was not on disk is gone.
            await using var second = await ServeProcess.StartAsync(ct, "--engines", "kws", "--data", data);
            using var channel = GrpcChannel.ForAddress(second.Address);
            var reports = new Reports.ReportsClient(channel);
            var kept = await reports.GetReportAsync(new GetReportRequest { CallId = "before-kill" }, cancellationToken: ct);
            await StreamAsync(second, "after-restart", ct);

            var seen = Positions(firstWatch);
            var resumed = await CliProcess.RunAsync(ct, "watch", "--server", second.Address.ToString(), "--team", "north", "--since", seen[^1].ToString(System.Globalization.CultureInfo.InvariantCulture), "--until-idle", "3");
            var everything = await CliProcess.RunAsync(ct, "watch", "--server", second.Address.ToString(), "--team", "north", "--since", "start", "--until-idle", "3");
            var all = Positions(everything.Stdout);

            Assert.Multiple(() =>
            {
                Assert.That(kept.Partial, Is.False);
                Assert.That(JsonDocument.Parse(kept.Content).RootElement.GetProperty("violations").GetArrayLength(), Is.GreaterThan(0));
                Assert.That(seen, Has.Count.EqualTo(3));
                Assert.That(all.Take(3), Is.EqualTo(seen), "the log kept its positions across the kill");
                Assert.That(Positions(resumed.Stdout), Is.EqualTo(all.Skip(3)), "resumed exactly after the last position seen");
                Assert.That(CallIds(everything.Stdout), Is.EquivalentTo(new[] { "before-kill", "after-restart" }));
            });
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task StreamAsync(ServeProcess server, string callId, CancellationToken ct)
    {
        var result = await CliProcess.RunAsync(ct, "stream", Samples.Wav, "--server", server.Address.ToString(), "--agent", "a7", "--team", "north", "--call-id", callId);
        Assert.That(result.ExitCode, Is.Zero, $"{result.Stderr}\nserver:\n{server.Log}");
    }

    private static List<long> Positions(string jsonLines) =>
        [.. Lines(jsonLines).Where(e => e.TryGetProperty("position", out _)).Select(e => e.GetProperty("position").GetInt64())];

    private static IEnumerable<string> CallIds(string jsonLines) =>
        Lines(jsonLines).Select(e => e.TryGetProperty("callId", out var id) ? id.GetString()! : string.Empty).Where(id => id.Length > 0).Distinct();

    private static IEnumerable<JsonElement> Lines(string jsonLines) =>
        jsonLines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement);
}
