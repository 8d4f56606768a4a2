using CallMonitor.Compliance.Engine;
using CallMonitor.Compliance.Rules;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Domain.Timeline;

namespace CallMonitor.Compliance.Tests.Engine;

/// <summary>Hand-built call events for engine tests, all on call "c1", times in seconds.</summary>
internal static class Calls
{
    public const string Id = "c1";

    private static readonly Lazy<ComplianceEngine> DefaultEngine = new(() => new ComplianceEngine(RulePack.Default));

    /// <summary>The default pack, compiled once for the whole test run (as a host would).</summary>
    public static ComplianceEngine Default => DefaultEngine.Value;

    public static AudioInterval At(double start, double end) => AudioInterval.FromSeconds(start, end);

    public static UtteranceRecognized Say(SpeakerRole role, double start, double end, string text, params string[] alternatives) =>
        new(Id, role, At(start, end), text, [], "transcript", alternatives);

    public static UtteranceRecognized Agent(double start, double end, string text) => Say(SpeakerRole.Agent, start, end, text);

    public static UtteranceRecognized Customer(double start, double end, string text) => Say(SpeakerRole.Customer, start, end, text);

    /// <summary>A Vosk-style final: one word per given token, spread evenly over the span, text without spaces.</summary>
    public static UtteranceRecognized Words(SpeakerRole role, double start, double end, params string[] words)
    {
        var step = (end - start) / words.Length;
        var timed = words.Select((w, i) => new RecognizedWord(w, At(start + (i * step), start + ((i + 1) * step)), null)).ToArray();
        return new UtteranceRecognized(Id, role, At(start, end), string.Concat(words), timed, "vosk", []);
    }

    public static PartialTranscriptUpdated Partial(SpeakerRole role, double start, double end, string text) =>
        new(Id, role, At(start, end), text, "vosk");

    public static KeywordSpotted Kws(SpeakerRole role, double start, double end, string phrase, double? score = null) =>
        new(Id, role, At(start, end), phrase, string.Empty, score, "sherpa-onnx");

    public static SilenceDetected Silence(double start, double end, SpeakerRole? before, SpeakerRole? after) =>
        new(Id, At(start, end), before, after);

    public static CallHungUp HangUp(SpeakerRole role, double at) => new(Id, role, At(at, at));

    public static OverlapDetected Overlap(double start, double end, SpeakerRole starter, SpeakerRole interrupted) =>
        new(Id, starter, At(start, end), interrupted);

    /// <summary>A speech segment found by the acoustic stage, with a syllable-rate estimate over its whole span.</summary>
    public static SpeechSegmentDetected Segment(SpeakerRole role, double start, double end, double perMinute = 0, double uncertainty = 0)
    {
        var seconds = end - start;
        var rate = perMinute > 0
            ? new SpeakingRateEstimate((int)Math.Round(perMinute * seconds / 60), seconds, perMinute, uncertainty)
            : null;
        return new SpeechSegmentDetected(Id, role, At(start, end), new SegmentLoudness(-20, -6, 0), rate);
    }

    /// <summary>A final with the given words at the given times (seconds); text is the words without spaces.</summary>
    public static UtteranceRecognized Timed(SpeakerRole role, double start, double end, params (string Text, double Start, double End)[] words) =>
        new(Id, role, At(start, end), string.Concat(words.Select(w => w.Text)), [.. words.Select(w => new RecognizedWord(w.Text, At(w.Start, w.End), null))], "vosk", []);

    /// <summary>Runs every event through a new session, completes it at <paramref name="end"/>, returns all it emitted.</summary>
    public static List<ViolationDetected> Run(ComplianceEngine engine, double end, CallContext? context, params CallEvent[] events)
    {
        var session = engine.CreateSession(Id, context);
        var all = new List<ViolationDetected>();
        foreach (var e in events)
        {
            all.AddRange(session.Accept(e));
        }

        all.AddRange(session.Complete(TimeSpan.FromSeconds(end)));
        return all;
    }

    public static List<ViolationDetected> Run(params CallEvent[] events) => Run(Default, 600, null, events);

    /// <summary>The final state of each violation (the last event per id), in order of first appearance.</summary>
    public static List<ViolationDetected> Settled(IEnumerable<ViolationDetected> emitted) =>
        [.. emitted.GroupBy(v => v.ViolationId).Select(g => g.Last()).Where(v => v.State != ViolationState.Retracted)];

    public static List<ViolationDetected> OfType(IEnumerable<ViolationDetected> emitted, string type) =>
        [.. Settled(emitted).Where(v => v.Type == type)];

    public static ComplianceEngine Inline(string yaml) => new(RulePackLoader.Parse(yaml, "inline.yaml"));
}
