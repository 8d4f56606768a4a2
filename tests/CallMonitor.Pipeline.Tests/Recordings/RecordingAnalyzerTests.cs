using CallMonitor.Acoustics.Analysis;
using CallMonitor.Audio.Sources;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Domain.Timeline;
using CallMonitor.Pipeline.Engines;
using CallMonitor.Pipeline.Recordings;
using CallMonitor.Pipeline.Sessions;
using CallMonitor.Pipeline.Tests.Support;
using CallMonitor.TestKit.Calls;
using CallMonitor.TestKit.Phrases;

namespace CallMonitor.Pipeline.Tests.Recordings;

/// <summary>Real engines (Silero VAD, the sherpa-onnx keyword spotter) on a call built from real recordings.</summary>
public class RecordingAnalyzerTests
{
    [Test]
    [CancelAfter(120_000)]
    public async Task AnalyzeAsync_AcceptanceCallWithSileroAndKws_AcousticsAsAloneAndPhrasesOnTheAgentChannel(CancellationToken ct)
    {
        var call = StandardCalls.Acceptance();
        var detectors = RealEngines.Silero();
        using var kws = RealEngines.KeywordSpotter("请您稍等", "感谢", "再见");
        var options = new CallPipelineOptions { CallId = "acceptance", Layout = call.Layout, Detectors = detectors, Engines = [kws] };

        RecordingAnalysis analysis;
        using (var reader = AudioSource.Open(call.WavPath))
        {
            analysis = await RecordingAnalyzer.AnalyzeAsync(reader, options, [], call.WavPath, cancellationToken: ct);
        }

        AcousticAnalysis alone;
        using (var reader = AudioSource.Open(call.WavPath))
        {
            alone = CallAudioAnalyzer.Analyze(reader, "acceptance", call.Layout, detectors, cancellationToken: ct);
        }

        var hits = analysis.Events.OfType<KeywordSpotted>().ToList();
        var hold = PhraseOccurrences.Find(call.Truth, SpeakerRole.Agent, "请您稍等").Single();
        Assert.Multiple(() =>
        {
            // The pipeline runs the same acoustic session as the acoustic analyzer: nothing lost or changed on the way.
            Assert.That(Intervals(analysis.Acoustics!.Events), Is.EqualTo(Intervals(alone.Events)));
            Assert.That(analysis.Events.Select(e => e.Span.Start), Is.Ordered);
            Assert.That(analysis.Engines.Select(e => (e.Name, e.State)), Is.EquivalentTo(new[] { ("vad", EngineState.Ok), ("kws", EngineState.Ok) }));
            Assert.That(hits.Where(h => h.Phrase == "请您稍等" && h.Role == SpeakerRole.Agent).Select(h => h.Span.Start.TotalSeconds),
                Has.Some.EqualTo(hold.Start).Within(0.5), "hold announcement heard where it was said");
            Assert.That(hits.Where(h => h.Phrase == "再见").Select(h => h.Role), Is.SupersetOf(new[] { SpeakerRole.Agent }));
            Assert.That(analysis.Duration.TotalSeconds, Is.EqualTo(call.Truth.DurationSeconds).Within(0.01));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task AnalyzeAsync_TranscriptWithoutAudio_EventsInOrderAndDurationFromTheTranscript(CancellationToken ct)
    {
        CallEvent[] supplied =
        [
            new UtteranceRecognized("t1", SpeakerRole.Customer, AudioInterval.FromSeconds(4, 6), "我想问一下", [], "transcript", []),
            new UtteranceRecognized("t1", SpeakerRole.Agent, AudioInterval.FromSeconds(0.5, 3), "您好", [], "transcript", []),
            new CallHungUp("t1", SpeakerRole.Customer, AudioInterval.FromSeconds(9.5, 9.5)),
        ];
        var options = new CallPipelineOptions { CallId = "t1", Layout = ChannelLayout.AgentCustomer };

        var analysis = await RecordingAnalyzer.AnalyzeAsync(null, options, supplied, "t1.json", cancellationToken: ct);

        Assert.Multiple(() =>
        {
            Assert.That(analysis.Events.Select(e => e.Span.Start.TotalSeconds), Is.EqualTo(new[] { 0.5, 4, 9.5 }));
            Assert.That(analysis.Duration.TotalSeconds, Is.EqualTo(9.5));
            Assert.That(analysis.Acoustics, Is.Null);
            Assert.That(analysis.Engines, Is.Empty);
        });
    }

    private static IEnumerable<(Type, SpeakerRole, AudioInterval)> Intervals(IEnumerable<CallEvent> events) =>
        events.Select(e => (e.GetType(), e.Role, e.Span)).OrderBy(x => x.Span.Start).ThenBy(x => x.Span.End).ThenBy(x => x.Role);
}
