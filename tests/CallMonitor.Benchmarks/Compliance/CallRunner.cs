using CallMonitor.Acoustics.Vad;
using CallMonitor.Audio.Sources;
using CallMonitor.Compliance.Engine;
using CallMonitor.Compliance.Judging;
using CallMonitor.Domain.Calls;
using CallMonitor.Pipeline.Recordings;
using CallMonitor.Pipeline.Sessions;
using CallMonitor.Speech.Transcripts;
using CallMonitor.TestKit.Audio;
using CallMonitor.TestKit.Calls;

namespace CallMonitor.Benchmarks.Compliance;

/// <summary>
/// Runs one corpus call through the compliance engine exactly as <c>callmonitor analyze --transcript</c> would: the
/// transcript's events, plus (for rendered calls) the audio through the acoustic pipeline with the given detectors.
/// </summary>
internal sealed class CallRunner(ComplianceEngine engine, VoiceBank? bank, VoiceActivityDetectorFactory? detectors)
{
    /// <summary>The engine's violations for <paramref name="call"/>, in their final state.</summary>
    /// <exception cref="InvalidOperationException">A rendered call without the shared recordings, or a call with no transcript.</exception>
    public async Task<IReadOnlyList<FoundViolation>> RunAsync(CorpusCall call, CancellationToken cancellationToken)
    {
        CallJudgement judgement;
        if (call.RenderScript is { } name)
        {
            judgement = await RunRenderedAsync(name, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var document = TranscriptReader.Read(call.TranscriptPath
                ?? throw new InvalidOperationException($"corpus call {call.Name} has neither a transcript nor an \"audio\" render script"));
            var events = TranscriptEvents.ToEvents(document);
            var end = TimeSpan.FromTicks(events.Select(e => e.Span.End.Ticks).DefaultIfEmpty(0).Max());
            judgement = RecordedCallJudge.Judge(engine, document.CallId, new CallContext(document.StartedAt), events, end);
        }

        return [.. judgement.Violations.Select(v => new FoundViolation(
            v.Type, Speaker(v.Role), v.Span.Start.TotalSeconds, v.Span.End.TotalSeconds, v.RuleId, v.Evidence))];
    }

    /// <summary>Renders a corpus script and returns the call with its transcript (for <c>--refresh-rendered</c>).</summary>
    public (RenderedCall Call, TranscriptDocument Transcript) Render(string name)
    {
        var voiceBank = bank ?? throw new InvalidOperationException(
            $"rendered corpus call '{name}' needs the shared recordings (pass --shared DIR or set CALLMONITOR_SHARED)");
        var (script, customerText) = RenderedCorpus.Script(name);
        var call = script.Render(Path.Combine(TestKitCache.Root, "calls"), new RenderOptions(), voiceBank);
        return (call, RenderedCorpus.Transcript(name, call, customerText));
    }

    private async Task<CallJudgement> RunRenderedAsync(string name, CancellationToken cancellationToken)
    {
        var (call, transcript) = Render(name);
        var options = new CallPipelineOptions { CallId = transcript.CallId, Layout = call.Layout, Detectors = detectors };
        using var reader = AudioSource.Open(call.WavPath);
        var analysis = await RecordingAnalyzer.AnalyzeAsync(
            reader, options, TranscriptEvents.ToEvents(transcript), call.WavPath, cancellationToken: cancellationToken).ConfigureAwait(false);
        return RecordedCallJudge.Judge(engine, transcript.CallId, CallContext.None, analysis.Events, analysis.Duration);
    }

    private static string Speaker(SpeakerRole role) => role switch
    {
        SpeakerRole.Agent => "agent",
        SpeakerRole.Customer => "customer",
        _ => role.ToString().ToLowerInvariant(),
    };
}
