using System.Globalization;
using CallMonitor.Server.Hosting;
using CallMonitor.Server.Tests.Support;
using Grpc.Core;
using Grpc.Health.V1;

namespace CallMonitor.Server.Tests.Fuzzing;

/// <summary>
/// Seeded hostile StreamCall bodies against the real server on loopback: each stream ends with a deliberate gRPC
/// status (never Internal or Unknown, errors explained), memory stays bounded, and the server still serves after.
/// </summary>
[Category("Integration")]
public class StreamCallFuzzTests
{
    private const int Streams = 200;
    private const int Batch = 4;
    private const long MemoryGrowthBound = 200L << 20;
    private static readonly TimeSpan PerStream = TimeSpan.FromSeconds(30);

    [Test]
    [CancelAfter(300_000)]
    public async Task StreamCall_MutatedFrames_DeliberateStatusAndServerStillServes(CancellationToken ct)
    {
        await using var server = await LoopbackServer.StartAsync(ct, new ServerOptions { Engines = ["none"] });
        using var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
        using var http = new HttpClient(handler) { BaseAddress = server.Address, Timeout = Timeout.InfiniteTimeSpan };
        await RawStreamCall.SendAsync(http, CallStreamMutator.Body(0, out _), ct); // warm up before measuring memory
        long memoryBefore = GC.GetTotalMemory(forceFullCollection: true);

        var problems = new List<string>();
        var statuses = new Dictionary<string, int>();
        for (int first = 0; first < Streams; first += Batch)
        {
            var results = await Task.WhenAll(Enumerable.Range(first, Batch).Select(seed => RunOneAsync(http, seed, ct)));
            foreach (var (seed, kind, status, message, failure) in results)
            {
                statuses[status ?? "none"] = statuses.GetValueOrDefault(status ?? "none") + 1;
                if (failure is not null)
                {
                    problems.Add($"seed {seed} ({kind}): {failure}");
                }
            }
        }

        long growth = GC.GetTotalMemory(forceFullCollection: true) - memoryBefore;
        var neighbour = await TextCalls.StreamAsync(server.Calls, TextCalls.Rude("after-fuzz", "n1", "fuzz"), ct);
        var health = await new Health.HealthClient(server.Channel).CheckAsync(new HealthCheckRequest(), cancellationToken: ct);
        await TestContext.Out.WriteLineAsync(
            $"{Streams} streams; statuses {string.Join(", ", statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}:{s.Value}"))}; managed memory growth {growth / 1024.0 / 1024.0:0.0} MB");

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty, $"{problems.Count} of {Streams} streams mishandled:\n" + string.Join('\n', problems.Take(15)));
            Assert.That(statuses.GetValueOrDefault("3"), Is.GreaterThan(Streams / 4), "too few InvalidArgument: the mutations reached nothing");
            Assert.That(growth, Is.LessThan(MemoryGrowthBound), "managed memory grew beyond the bound");
            Assert.That(neighbour.Any(u => u.Report is not null), Is.True, "a good call after the fuzzing got no report");
            Assert.That(health.Status, Is.EqualTo(HealthCheckResponse.Types.ServingStatus.Serving));
        });
    }

    private static async Task<(int Seed, string Kind, string? Status, string Message, string? Failure)> RunOneAsync(HttpClient http, int seed, CancellationToken ct)
    {
        byte[] body = CallStreamMutator.Body(seed, out string kind);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(PerStream);
        try
        {
            var (status, message) = await RawStreamCall.SendAsync(http, body, bounded.Token);
            return (seed, kind, status, message, Judge(status, message));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (seed, kind, null, string.Empty, $"no status within {PerStream.TotalSeconds} s (hang)");
        }
        catch (HttpRequestException ex)
        {
            return (seed, kind, null, string.Empty, $"connection failed: {ex.Message}");
        }
    }

    private static string? Judge(string? status, string message)
    {
        if (status is null)
        {
            return "the stream ended without a grpc-status";
        }

        var code = (StatusCode)int.Parse(status, CultureInfo.InvariantCulture);
        return code switch
        {
            StatusCode.OK => null,
            StatusCode.Internal or StatusCode.Unknown => $"{code}: '{message}'",
            _ when string.IsNullOrWhiteSpace(message) => $"{code} without a message",
            _ => null,
        };
    }
}
