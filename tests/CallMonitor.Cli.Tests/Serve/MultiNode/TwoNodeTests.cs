using System.Text.Json;
using CallMonitor.Cli.Tests.Client;
using CallMonitor.Contracts.V1;
using CallMonitor.TestKit.Services;
using Grpc.Net.Client;

namespace CallMonitor.Cli.Tests.Serve.MultiNode;

/// <summary>
/// Two <c>callmonitor serve</c> processes sharing one redis-server and one PostgreSQL on loopback, as behind a load
/// balancer: a call streamed to node A is seen by a supervisor subscribed on node B; Redis is killed for 10 s in the
/// middle of the call and every violation still arrives once it is back; the supervisor then moves to node A and
/// resumes after the last position B sent, with nothing lost and nothing twice; reports are read on either node.
/// </summary>
[Category("Integration")]
public class TwoNodeTests
{
    private const string Team = "north";
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);

    [Test]
    [CancelAfter(300_000)]
    public async Task TwoNodes_RedisKilledMidCall_EveryEventReachesBothNodesOnceInOrder(CancellationToken ct)
    {
        await using var redis = await RedisServer.StartAsync(ct);
        await using var postgres = await PostgresServer.StartNewAsync(ct);
        var store = postgres.ConnectionStringFor(await postgres.CreateDatabaseAsync("callmonitor", ct));
        await using var nodeA = await ServeProcess.StartAsync(ct, "--engines", "kws", "--redis", redis.Configuration, "--shared-store", store);
        await using var nodeB = await ServeProcess.StartAsync(ct, "--engines", "kws", "--redis", redis.Configuration, "--shared-store", store);
        var onB = NodeSubscription.Open(nodeB.Address, new SubscribeRequest { Teams = { Team } }, ct);
        var firstCall = "two-node-" + Guid.NewGuid().ToString("N")[..8];
        var secondCall = firstCall + "-b";

        // The agent's desktop streams at real-time pace to node A (54 s call).
        var agentOnA = CliProcess.RunAsync(ct, "stream", Samples.Wav, "--server", nodeA.Address.ToString(), "--realtime", "--agent", "a7", "--team", Team, "--call-id", firstCall);
        Assert.That(await onB.WaitForAsync(e => IsLifecycle(e, firstCall, "call_started"), TimeSpan.FromSeconds(20), ct), Is.True, $"node B never saw the call started on node A\nA:\n{nodeA.Log}\nB:\n{nodeB.Log}");

        // Redis down from about 20 s into the call (the long silence ends at 26.5 s), for at least 10 s and until
        // node A has held an event in its outbox, so the outage is known to have mattered.
        await Task.Delay(TimeSpan.FromSeconds(18), ct);
        await redis.KillAsync();
        var killedAt = DateTime.UtcNow;
        while (DateTime.UtcNow - killedAt < Outage || (!HeldAnEvent(nodeA) && DateTime.UtcNow - killedAt < TimeSpan.FromSeconds(40)))
        {
            await Task.Delay(200, ct);
        }

        var down = DateTime.UtcNow - killedAt;
        await redis.RestartAsync(ct);

        // The supervisor moves to node A a little after Redis returned, resuming after the last position B sent.
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        await onB.DisposeAsync();
        var fromB = onB.Events;
        var resumeAfter = fromB[^1].Position;
        await using var onA = NodeSubscription.Open(nodeA.Address, new SubscribeRequest { Teams = { Team }, AfterPosition = resumeAfter }, ct);

        var agent = await agentOnA;
        var second = await CliProcess.RunAsync(ct, "stream", Samples.Wav, "--server", nodeB.Address.ToString(), "--agent", "a8", "--team", Team, "--call-id", secondCall);
        var bothReported = await onA.WaitForAsync(e => IsLifecycle(e, secondCall, "report_ready"), TimeSpan.FromSeconds(60), ct)
            && await onA.WaitForAsync(e => IsLifecycle(e, firstCall, "report_ready"), TimeSpan.FromSeconds(5), ct);
        await using var everything = NodeSubscription.Open(nodeA.Address, new SubscribeRequest { Teams = { Team }, SinceStart = true }, ct);
        await everything.WaitForAsync(e => IsLifecycle(e, secondCall, "report_ready"), TimeSpan.FromSeconds(30), ct);

        var again = await CliProcess.RunAsync(ct, "stream", Samples.Wav, "--server", nodeB.Address.ToString(), "--agent", "a7", "--team", Team, "--call-id", firstCall);
        using var channelB = GrpcChannel.ForAddress(nodeB.Address);
        var reportOnB = await new Reports.ReportsClient(channelB).GetReportAsync(new GetReportRequest { CallId = firstCall }, cancellationToken: ct);
        var moved = fromB.Concat(onA.Events).ToList();
        var log = everything.Events;
        Assert.Multiple(() =>
        {
            Assert.That(agent.ExitCode, Is.Zero, $"the call on node A failed while Redis was down: {agent.Stderr}");
            Assert.That(second.ExitCode, Is.Zero, second.Stderr);
            Assert.That(down, Is.GreaterThanOrEqualTo(Outage));
            Assert.That(HeldAnEvent(nodeA), Is.True, "node A never held an event while Redis was down: the outage fell between events");
            Assert.That(bothReported, Is.True, $"the resumed subscription on A did not see both reports\nA:\n{nodeA.Log}\nB:\n{nodeB.Log}");
            Assert.That(onB.Error, Is.Null, "node B's subscription broke during the outage");
            Assert.That(moved.Select(e => e.Position), Is.EqualTo(log.Select(e => e.Position)), "B then A = the whole log: nothing lost, nothing twice");
            Assert.That(moved.Select(e => e.EventId), Is.Unique);
            Assert.That(ViolationIds(log, firstCall), Is.SupersetOf(AgentViolationIds(agent.Stdout)).And.Not.Empty, "every violation the agent got on A reached the supervisors");
            Assert.That(ViolationIds(log, secondCall), Is.SupersetOf(AgentViolationIds(second.Stdout)).And.Not.Empty, "every violation of the call on B too");
            Assert.That(reportOnB.Partial, Is.False, "node B serves the report of the call node A analysed");
            Assert.That(JsonDocument.Parse(reportOnB.Content).RootElement.GetProperty("callId").GetString(), Is.EqualTo(firstCall));
            Assert.That(again.ExitCode, Is.EqualTo(3), $"a call id taken on node A is refused on node B: {again.Stderr}");
            Assert.That(again.Stderr, Does.Contain(firstCall));
        });
    }

    private static bool HeldAnEvent(ServeProcess node) => node.Log.Contains("held in the local outbox", StringComparison.Ordinal);

    private static bool IsLifecycle(ViolationEvent e, string callId, string kind) =>
        e.Lifecycle is { } lifecycle && lifecycle.CallId == callId && lifecycle.Kind == kind;

    private static HashSet<string> ViolationIds(IEnumerable<ViolationEvent> events, string callId) =>
        [.. events.Where(e => e.Violation?.CallId == callId).Select(e => e.Violation.ViolationId)];

    private static HashSet<string> AgentViolationIds(string jsonLines) =>
        [.. jsonLines.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(e => e.TryGetProperty("violationId", out _))
            .Select(e => e.GetProperty("violationId").GetString()!)];
}
