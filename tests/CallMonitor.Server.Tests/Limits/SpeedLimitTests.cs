using System.Buffers.Binary;
using System.Diagnostics;
using System.Text.Json;
using CallMonitor.Contracts.V1;
using CallMonitor.Server.Hosting;
using CallMonitor.Server.Limits;
using CallMonitor.Server.Security;
using CallMonitor.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CallMonitor.Server.Tests.Limits;

/// <summary>
/// A client that sends as fast as it can, on the real server with a small speed budget: the call time the server takes
/// in, sampled on the server side against the wall clock, stays within burst + budget × time (slack for the frames in
/// flight and sampling), the client is held back accordingly, and the whole call is still analysed.
/// </summary>
[Category("Integration")]
public class SpeedLimitTests
{
    [Test]
    [CancelAfter(120_000)]
    public async Task StreamCall_TextAtFullSpeedOverBudget_SlowedToTheBudgetAndCompletes(CancellationToken ct)
    {
        // 200 one-second transcript segments: 200 s of call time.
        var frames = new List<CallFrame> { CallFrames.TextCallStart("fast-text", "a1", "t1") };
        frames.AddRange(Enumerable.Range(0, 200).Select(s => CallFrames.Said(s % 2 == 0 ? Speaker.Agent : Speaker.Customer, s, s + 1, s % 2 == 0 ? "您好，请问有什么可以帮您" : "我想查一下我的订单")));
        frames.Add(CallFrames.End());

        await RunAsync(frames, callSeconds: 200, largestFrame: 1, new CallLimitOptions { MaxSpeed = 40, SpeedBurst = TimeSpan.FromSeconds(5) }, ct);
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task StreamCall_AudioAtFullSpeedOverBudget_SlowedToTheBudgetNothingDropped(CancellationToken ct)
    {
        // 60 s of a 440 Hz tone, 8 kHz 16-bit mono, in 100 ms chunks.
        const int rate = 8000, seconds = 60;
        var pcm = new byte[rate * seconds * 2];
        for (var i = 0; i < rate * seconds; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(pcm.AsSpan(i * 2), (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / rate)));
        }

        var frames = new List<CallFrame> { CallFrames.Start("fast-audio", AudioEncoding.Pcm16, rate, 1, Speaker.Mixed) };
        frames.AddRange(pcm.Chunk(rate / 10 * 2).Select(chunk => CallFrames.Audio(chunk)));
        frames.Add(CallFrames.End());

        await RunAsync(frames, callSeconds: seconds, largestFrame: 0.1, new CallLimitOptions { MaxSpeed = 10, SpeedBurst = TimeSpan.FromSeconds(3) }, ct);
    }

    private static async Task RunAsync(IReadOnlyList<CallFrame> frames, double callSeconds, double largestFrame, CallLimitOptions limits, CancellationToken ct)
    {
        await using var server = await LoopbackServer.StartAsync(ct, new ServerOptions { Engines = ["none"], Limits = limits });
        var limiter = server.Services.GetRequiredService<CallLimiter>();
        var here = LimitKey.For(CallerIdentity.Open, "ipv4:127.0.0.1:1").Id;
        var burst = limits.SpeedBurst.TotalSeconds;
        var samples = new List<(double Wall, double Charged)>();
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var clock = Stopwatch.StartNew();
        var sampler = Task.Run(
            async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    var charged = limiter.Charged(here);
                    samples.Add((clock.Elapsed.TotalSeconds, charged));
                    await Task.Delay(10, CancellationToken.None);
                }
            },
            CancellationToken.None);

        var updates = await TextCalls.StreamAsync(server.Calls, frames, ct);
        var wall = clock.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;

        // Every frame but the one being read is charged; allow two frames and 10 % for scheduling and sampling.
        // One call open: the key is owed its real time on top of the budget.
        var rate = limits.MaxSpeed + 1;
        var excess = samples.Select(s => s.Charged - (1.1 * (burst + (rate * s.Wall))) - (2 * largestFrame)).Max();
        var rawExcess = samples.Select(s => s.Charged - burst - (rate * s.Wall)).Max();
        var report = updates.LastOrDefault(u => u.Report is not null)?.Report;
        using var json = report is null ? null : JsonDocument.Parse(report.ReportJson);
        await TestContext.Out.WriteLineAsync(
            $"{callSeconds} s of call time in {wall:0.00} s wall: {callSeconds / wall:0.0}x (budget {rate}x, burst {burst} s); "
            + $"most charged beyond burst + budget × time {rawExcess:+0.00;-0.00} s over {samples.Count} samples");

        Assert.Multiple(() =>
        {
            Assert.That(excess, Is.LessThanOrEqualTo(0), "the server took in more call time than the budget allows");
            Assert.That(wall, Is.GreaterThanOrEqualTo((callSeconds - burst - largestFrame) / rate), "the client was not held back");
            Assert.That(report, Is.Not.Null, "the slowed call got no report");
            Assert.That(json?.RootElement.GetProperty("durationSec").GetDouble(), Is.EqualTo(callSeconds).Within(0.05), "call time was lost");
            Assert.That(samples.Max(s => s.Charged), Is.GreaterThan(callSeconds - (2 * largestFrame)), "the call time was not charged");
        });
    }
}
