using System.Diagnostics;
using CallMonitor.Contracts.V1;
using CallMonitor.Server.Tests.Support;
using CallMonitor.TestKit.Assets;
using CallMonitor.TestKit.Calls;
using Grpc.Core;

namespace CallMonitor.Server.Tests.Calls;

/// <summary>
/// The acceptance scenario of the live service: a stereo call streamed at real-time pace (100 ms chunks on the wall
/// clock) by an agent desktop while a supervisor is subscribed to the team; both see the violations while the call
/// goes on, the same ones in the same order, and QA reads the stored report afterwards.
/// </summary>
[Category("Integration")]
public class RealTimeCallTests
{
    [Test]
    [CancelAfter(240_000)]
    public async Task StreamCall_StereoCallAtRealTimePace_AgentAndSupervisorSeeTheSameViolationsLive(CancellationToken ct)
    {
        SharedAssets.RequireAudio();
        var wav = WavData.Read(StandardCalls.Acceptance(new RenderOptions { SampleRate = 8000, MuLaw = true }).WavPath);
        await using var server = await LoopbackServer.StartAsync(ct);
        var head = await server.Storage.Events.GetHeadPositionAsync(ct);
        await using var supervisor = Subscription.Open(server.Supervision, new SubscribeRequest { Teams = { "t1" }, SinceStart = head == 0, AfterPosition = head }, ct);

        using var call = server.Calls.StreamCall(cancellationToken: ct);
        var clock = Stopwatch.StartNew();
        var agent = new List<(CallUpdate Update, double At)>();
        var reading = Task.Run(async () =>
        {
            await foreach (var update in call.ResponseStream.ReadAllAsync(ct))
            {
                agent.Add((update, clock.Elapsed.TotalSeconds));
            }
        }, ct);
        await call.RequestStream.WriteAsync(CallFrames.Start("realtime-1"), ct);
        var chunk = wav.BytesPerFrame * wav.SampleRate / 10;
        var saidSent = false;
        for (var k = 0; k * chunk < wav.Data.Length; k++)
        {
            var due = TimeSpan.FromMilliseconds(100 * k) - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, ct);
            }

            await call.RequestStream.WriteAsync(CallFrames.Audio(wav.Data.AsSpan(k * chunk, Math.Min(chunk, wav.Data.Length - (k * chunk)))), ct);
            if (!saidSent && k >= 66)
            {
                // The centre's own recognizer finalises the agent's line as its audio passes (6.6 s).
                await call.RequestStream.WriteAsync(CallFrames.Said(Speaker.Agent, 4.0, 6.5, "这个我不清楚"), ct);
                saidSent = true;
            }
        }

        var audioSent = clock.Elapsed.TotalSeconds;
        await call.RequestStream.WriteAsync(CallFrames.End(), ct);
        await call.RequestStream.CompleteAsync();
        await reading;
        var seen = await supervisor.UntilAsync(e => e.Lifecycle is { Kind: "report_ready", CallId: "realtime-1" }, ct);

        var sent = agent.Where(u => u.Update.Violation is not null).ToList();
        var alert = sent.FirstOrDefault(u => u.Update.Violation is { Type: "forbidden_phrase", State: ViolationState.Confirmed });
        var live = sent.Where(u => u.At < audioSent).ToList();
        await TestContext.Out.WriteLineAsync(string.Join(
            "\n", sent.Select(u => $"{u.Update.Violation.Type} {u.Update.Violation.State} audio end {u.Update.Violation.Span.End:0.0} s, arrived at {u.At:0.0} s wall")));
        var report = await server.Reports.GetReportAsync(new GetReportRequest { CallId = "realtime-1", Format = ReportFormat.Html }, cancellationToken: ct);
        Assert.Multiple(() =>
        {
            Assert.That(audioSent, Is.GreaterThan(wav.Seconds - 1), "the call was not streamed at real-time pace");
            Assert.That(alert.Update, Is.Not.Null, "no confirmed forbidden_phrase on the agent's stream");
            Assert.That(alert.At, Is.LessThan(audioSent), "the forbidden phrase was reported only after the call");
            Assert.That(live.Select(u => u.Update.Violation.Type).Distinct().Count(), Is.GreaterThanOrEqualTo(2), "violations of more than one kind arrive while the call goes on");
            Assert.That(
                seen.Where(e => e.Violation is not null).Select(e => (e.Violation.ViolationId, e.Violation.State)),
                Is.EqualTo(sent.Select(u => (u.Update.Violation.ViolationId, u.Update.Violation.State))),
                "the supervisor saw what the agent was sent");
            Assert.That(report.Content, Does.Contain("<html").IgnoreCase);
            Assert.That(report.Partial, Is.False);
        });
    }
}
