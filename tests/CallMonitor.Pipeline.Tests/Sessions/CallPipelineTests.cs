using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Domain.Timeline;
using CallMonitor.Pipeline.Engines;
using CallMonitor.Pipeline.Sessions;
using CallMonitor.Pipeline.Tests.Support;

namespace CallMonitor.Pipeline.Tests.Sessions;

public class CallPipelineTests
{
    private const int Rate = CallPipeline.SampleRate;

    [Test]
    [CancelAfter(20_000)]
    public async Task ReadEvents_TwoEnginesOnTwoChannels_MergedInOrderOfEnd(CancellationToken ct)
    {
        var options = Options(new ScriptedEngine("a", 1.0), new ScriptedEngine("b", 0.7));
        var pipeline = CallPipeline.Start(options);
        await using var _ = pipeline;
        var reading = ReadAllAsync(pipeline, ct);
        await FeedStereoAsync(pipeline, seconds: 6, ct);
        await pipeline.CompleteAsync();
        var events = await reading;

        var ends = events.Select(e => e.Span.End).ToList();
        Assert.Multiple(() =>
        {
            // a: 6 per channel, b: 8 per channel (0.7 s steps up to 5.6 s).
            Assert.That(events, Has.Count.EqualTo((6 + 8) * 2));
            Assert.That(ends, Is.Ordered);
            Assert.That(pipeline.LateEvents, Is.Zero);
            Assert.That(pipeline.Engines().Select(e => e.State), Is.All.EqualTo(EngineState.Ok));
        });
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Engines_OneEngineThrowsMidCall_ReportedFailedAndTheOtherRunsToTheEnd(CancellationToken ct)
    {
        var pipeline = CallPipeline.Start(Options(new ScriptedEngine("good", 1.0), new ScriptedEngine("bad", 1.0, failAfterSeconds: 2.5)));
        await using var _ = pipeline;
        var reading = ReadAllAsync(pipeline, ct);
        await FeedStereoAsync(pipeline, seconds: 8, ct);
        await pipeline.CompleteAsync();
        var events = await reading;

        var bad = pipeline.Engines().Single(e => e.Name == "bad");
        Assert.Multiple(() =>
        {
            Assert.That(events.OfType<UtteranceRecognized>().Count(u => u.Source == "good"), Is.EqualTo(16));
            Assert.That(events.OfType<UtteranceRecognized>().Where(u => u.Source == "bad").Max(u => u.Span.End.TotalSeconds), Is.LessThanOrEqualTo(2.5));
            Assert.That(bad.State, Is.EqualTo(EngineState.Failed));
            Assert.That(bad.Error, Does.Contain("channel").And.Contain("scripted failure"));
            Assert.That(pipeline.Engines().Single(e => e.Name == "good").State, Is.EqualTo(EngineState.Ok));
        });
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Engines_EngineCannotMakeRecognizer_UnavailableAndCallGoesOn(CancellationToken ct)
    {
        var pipeline = CallPipeline.Start(Options(new ScriptedEngine("ok", 1.0), new ScriptedEngine("missing", 1.0, unavailable: true)));
        await using var _ = pipeline;
        var reading = ReadAllAsync(pipeline, ct);
        await FeedStereoAsync(pipeline, seconds: 3, ct);
        await pipeline.CompleteAsync();
        var events = await reading;

        var missing = pipeline.Engines().Single(e => e.Name == "missing");
        Assert.Multiple(() =>
        {
            Assert.That(events, Has.Count.EqualTo(6));
            Assert.That(missing.State, Is.EqualTo(EngineState.Unavailable));
            Assert.That(missing.Error, Does.Contain("model missing"));
        });
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task AddEvents_SuppliedEventsMergeWithEngineEventsByAudioTime(CancellationToken ct)
    {
        var pipeline = CallPipeline.Start(Options(new ScriptedEngine("a", 1.0)));
        await using var _ = pipeline;
        var reading = ReadAllAsync(pipeline, ct);
        await pipeline.AddEventsAsync([new CallHungUp("c1", SpeakerRole.Customer, AudioInterval.FromSeconds(2.2, 2.2))], ct);
        await FeedStereoAsync(pipeline, seconds: 4, ct);
        await pipeline.CompleteAsync();
        var events = await reading;

        var hangupIndex = events.FindIndex(e => e is CallHungUp);
        Assert.Multiple(() =>
        {
            Assert.That(events.Take(hangupIndex).Select(e => e.Span.End.TotalSeconds), Is.All.LessThanOrEqualTo(2.2));
            Assert.That(events.Skip(hangupIndex + 1).Select(e => e.Span.End.TotalSeconds), Is.All.GreaterThanOrEqualTo(2.2));
        });
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task WriteAsync_PerRoleChunksOfUnequalSize_EveryChannelHeard(CancellationToken ct)
    {
        var pipeline = CallPipeline.Start(Options(new ScriptedEngine("a", 1.0)));
        await using var _ = pipeline;
        var reading = ReadAllAsync(pipeline, ct);
        await pipeline.WriteAsync(SpeakerRole.Agent, new float[Rate * 3], ct);
        for (var i = 0; i < 30; i++)
        {
            await pipeline.WriteAsync(SpeakerRole.Customer, new float[Rate / 10], ct);
        }

        Assert.That(pipeline.Received, Is.EqualTo(TimeSpan.FromSeconds(3)));
        await pipeline.CompleteAsync();
        var events = await reading;
        Assert.That(events.GroupBy(e => e.Role).Select(g => g.Count()), Is.EqualTo(new[] { 3, 3 }));
    }

    [Test]
    public void WriteAsync_RoleTheLayoutLacks_NamesTheRole()
    {
        var pipeline = CallPipeline.Start(Options());
        var ex = Assert.ThrowsAsync<ArgumentException>(async () => await pipeline.WriteAsync(SpeakerRole.Mixed, new float[10]));
        Assert.That(ex!.Message, Does.Contain("mixed").And.Contain("agent,customer"));
    }

    [Test]
    public void WriteInterleavedAsync_PartialFrame_Rejected()
    {
        var pipeline = CallPipeline.Start(Options());
        var ex = Assert.ThrowsAsync<ArgumentException>(async () => await pipeline.WriteInterleavedAsync(new float[3], 2));
        Assert.That(ex!.Message, Does.Contain("whole frames"));
    }

    [Test]
    public void Start_SameEngineTwice_Rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => CallPipeline.Start(Options(new ScriptedEngine("a", 1), new ScriptedEngine("a", 2))));
        Assert.That(ex!.Message, Does.Contain("twice"));
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task DisposeAsync_AbandonedMidCall_RecognizersReleased(CancellationToken ct)
    {
        var engine = new ScriptedEngine("a", 1.0);
        var pipeline = CallPipeline.Start(Options(engine));
        await FeedStereoAsync(pipeline, seconds: 2, ct);
        await pipeline.DisposeAsync();

        Assert.That(engine.Disposed, Is.EqualTo(2));
    }

    private static CallPipelineOptions Options(params ScriptedEngine[] engines) => new()
    {
        CallId = "c1",
        Layout = ChannelLayout.AgentCustomer,
        Engines = engines,
        QueueCapacity = 4,
    };

    private static async Task FeedStereoAsync(CallPipeline pipeline, double seconds, CancellationToken ct)
    {
        var block = new float[Rate / 5 * 2];
        for (var i = 0; i < seconds * 5; i++)
        {
            await pipeline.WriteInterleavedAsync(block, 2, ct);
        }
    }

    private static async Task<List<CallEvent>> ReadAllAsync(CallPipeline pipeline, CancellationToken ct)
    {
        var events = new List<CallEvent>();
        await foreach (var e in pipeline.ReadEventsAsync(ct))
        {
            events.Add(e);
        }

        return events;
    }
}
