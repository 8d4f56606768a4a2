using CallMonitor.Acoustics.Vad;
using CallMonitor.Compliance.Engine;
using CallMonitor.Compliance.Judging;
using CallMonitor.Compliance.Rules;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Domain.Timeline;
using CallMonitor.Hosting.Calls;
using CallMonitor.Pipeline.Sessions;
using CallMonitor.TestKit.Assets;
using CallMonitor.TestKit.Calls;

namespace CallMonitor.Hosting.Tests.Calls;

/// <summary>A call judged while its audio arrives: real recordings, Silero VAD, the default rule pack.</summary>
public class LiveCallTests
{
    private static readonly ComplianceEngine Compliance = new(RulePack.Default);

    [Test]
    [CancelAfter(120_000)]
    public async Task ReadAsync_ForbiddenPhraseEarlyInTheCall_AlertArrivesWhileTheCallIsStillStreaming(CancellationToken ct)
    {
        var call = StandardCalls.Acceptance();
        await using var live = LiveCall.Start(Options(call));
        // The agent's second line, as the centre's own recognizer would send it, with a forbidden phrase in it.
        await live.AddEventsAsync([Said(SpeakerRole.Agent, 4.0, 6.5, "这个我不清楚")], ct);

        var alertAt = (TimeSpan?)null;
        var reading = Task.Run(
            async () =>
            {
                await foreach (var e in live.ReadAsync(ct))
                {
                    if (e is ViolationDetected { Type: "forbidden_phrase", State: ViolationState.Confirmed } && alertAt is null)
                    {
                        alertAt = live.Received;
                    }
                }
            },
            ct);
        await FeedAsync(live, call, ct);
        await live.CompleteAsync();
        await reading;

        Assert.That(alertAt, Is.Not.Null, "the forbidden phrase was never reported");
        Assert.That(alertAt!.Value.TotalSeconds, Is.LessThan(call.Truth.DurationSeconds - 30), "reported long before the call ended");
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Judgement_LiveCall_SameViolationsAsTheRecordingJudgedAfterwards(CancellationToken ct)
    {
        var call = StandardCalls.Acceptance();
        var transcript = call.Truth.Utterances
            .Select(u => Said(u.Role, u.Span.StartSeconds(call.Truth.SampleRate), u.Span.EndSeconds(call.Truth.SampleRate), u.Text))
            .ToList();
        await using var live = LiveCall.Start(Options(call));
        await live.AddEventsAsync(transcript, ct);
        var draining = Task.Run(async () => { await foreach (var _ in live.ReadAsync(ct)) { } }, ct);
        await FeedAsync(live, call, ct);
        await live.CompleteAsync();
        await draining;

        var afterwards = RecordedCallJudge.Judge(Compliance, "live", CallContext.None, live.Events, call.Duration);
        Assert.That(
            live.Judgement.Violations.Select(v => (v.RuleId, v.Span)),
            Is.EquivalentTo(afterwards.Violations.Select(v => (v.RuleId, v.Span))));
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task DisposeAsync_CallCutOffMidway_EndOfCallRulesNotJudged(CancellationToken ct)
    {
        var call = StandardCalls.Acceptance();
        var live = LiveCall.Start(Options(call));
        // Greeted, then cut off: nobody said goodbye, but the call did not end, so there is no closing to miss.
        await live.AddEventsAsync([Said(SpeakerRole.Agent, 0.8, 3.5, "您好很高兴为您服务"), Said(SpeakerRole.Customer, 4.0, 6.0, "我想问一下")], ct);
        var draining = Task.Run(async () => { await foreach (var _ in live.ReadAsync(ct)) { } }, ct);
        var agent = call.ReadTrack16k(SpeakerRole.Agent);
        var customer = call.ReadTrack16k(SpeakerRole.Customer);
        await live.WriteAsync(SpeakerRole.Agent, agent.AsMemory(0, CallPipeline.SampleRate * 10), ct);
        await live.WriteAsync(SpeakerRole.Customer, customer.AsMemory(0, CallPipeline.SampleRate * 10), ct);

        await live.DisposeAsync();
        await draining;

        Assert.That(live.Judgement.Updates.Select(v => v.Type), Has.None.EqualTo("missing_closing"));
    }

    private static LiveCallOptions Options(RenderedCall call)
    {
        var cache = Environment.GetEnvironmentVariable("CALLMONITOR_MODEL_CACHE");
        var cached = string.IsNullOrEmpty(cache) ? null : Path.Combine(cache, "silero-vad-v5", "silero_vad.onnx");
        var silero = cached is not null && File.Exists(cached) ? cached : SharedAssets.RequireFile("models/silero-vad-v5/silero_vad.onnx");
        var pipeline = new CallPipelineOptions { CallId = "live", Layout = call.Layout, Detectors = new VoiceActivityDetectorFactory(silero) };
        return new LiveCallOptions(pipeline, Compliance, CallContext.None);
    }

    private static async Task FeedAsync(LiveCall live, RenderedCall call, CancellationToken ct)
    {
        var agent = call.ReadTrack16k(SpeakerRole.Agent);
        var customer = call.ReadTrack16k(SpeakerRole.Customer);
        const int block = CallPipeline.SampleRate / 5;
        for (var at = 0; at < agent.Length; at += block)
        {
            var n = Math.Min(block, agent.Length - at);
            await live.WriteAsync(SpeakerRole.Agent, agent.AsMemory(at, n), ct);
            await live.WriteAsync(SpeakerRole.Customer, customer.AsMemory(at, Math.Min(n, customer.Length - at)), ct);
        }
    }

    private static UtteranceRecognized Said(SpeakerRole role, double start, double end, string text) =>
        new("live", role, AudioInterval.FromSeconds(start, end), text, [], "transcript", []);
}
