using CallMonitor.Acoustics.Session;
using CallMonitor.Acoustics.Timeline;
using CallMonitor.Acoustics.Vad;
using CallMonitor.Audio.Sources;
using CallMonitor.Cli.Infrastructure;
using CallMonitor.Compliance.Engine;
using CallMonitor.Compliance.Judging;
using CallMonitor.Compliance.Rules;
using CallMonitor.Compliance.Scoring;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Hosting.Classification;
using CallMonitor.Hosting.Engines;
using CallMonitor.Hosting.Models;
using CallMonitor.Pipeline.Recordings;
using CallMonitor.Pipeline.Sessions;
using CallMonitor.Reporting.Reports;
using CallMonitor.Speech.Transcripts;

namespace CallMonitor.Cli.Commands;

/// <summary>Runs one call through the pipeline; shared by <c>analyze</c>, <c>transcribe</c> and <c>demo</c>.</summary>
public static class AnalysisRunner
{
    public static async Task<CallReport> RunAsync(AnalysisRequest request, IProgress<TimeSpan>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var transcript = request.TranscriptPath is { } transcriptPath ? TranscriptReader.Read(transcriptPath) : null;
        if (request.Path is null && transcript is null)
        {
            throw new UsageException("give a call recording, a transcript (--transcript FILE), or both");
        }

        var callId = request.CallId ?? transcript?.CallId ?? System.IO.Path.GetFileNameWithoutExtension(request.Path!);
        var supplied = transcript is null ? [] : Rebase(TranscriptEvents.ToEvents(transcript), callId);
        var startedAt = request.StartedAt ?? transcript?.StartedAt;

        using var reader = request.Path is { } path ? AudioSource.Open(path, new AudioOpenOptions { RawFormat = request.RawFormat }) : null;
        var layout = request.Layout ?? (reader is { WaveFormat.Channels: 1 } ? ChannelLayout.Mono : ChannelLayout.AgentCustomer);
        if (reader is not null && !layout.IsMono && reader.WaveFormat.Channels < layout.Roles.Count)
        {
            throw new UsageException(
                $"{request.Path}: --channels {layout} needs a stereo recording but the audio has {reader.WaveFormat.Channels} channel; use --channels mono");
        }

        var rules = request.RulesPath is { } rulesPath ? RulePackLoader.Load(rulesPath) : RulePack.Default;
        using var engines = reader is null
            ? SpeechEngineCatalog.Open([SpeechEngineCatalog.None], rules)
            : SpeechEngineCatalog.Open(EffectiveEngines(request.Engines, transcript is not null), rules, request.RequireEngines);
        foreach (var warning in engines.Warnings)
        {
            await Console.Error.WriteLineAsync(warning).ConfigureAwait(false);
        }

        foreach (var missing in engines.Unavailable)
        {
            await Console.Error.WriteLineAsync($"{missing.Name} unavailable: {missing.Error}").ConfigureAwait(false);
        }

        var options = new CallPipelineOptions
        {
            CallId = callId,
            Layout = layout,
            Detectors = reader is null ? null : CreateDetectors(request.Vad),
            Acoustics = new AcousticOptions { Timeline = new TimelineOptions { MinSilence = request.MinSilence } },
            Engines = engines.Engines,
        };
        var analysis = await RecordingAnalyzer.AnalyzeAsync(
            reader, options, supplied, request.Path ?? request.TranscriptPath!, progress, cancellationToken).ConfigureAwait(false);
        analysis = analysis with { Engines = [.. analysis.Engines, .. engines.Unavailable] };
        using var judge = RudeUtteranceJudge.TryLoadDefault();
        var compliance = new ComplianceEngine(rules, new ComplianceEngineOptions(judge));
        var judgement = RecordedCallJudge.Judge(compliance, callId, new CallContext(startedAt), analysis.Events, analysis.Duration);
        var pack = new RulePackInfo(rules.Id, rules.Version, [.. compliance.UnevaluatedRules.Select(r => r.Id)]);
        var score = rules.Scoring is { } form ? CallScorer.Score(form, judgement.Updates) : null;
        return CallReportFactory.FromRecording(analysis, startedAt, judgement, pack, score);
    }

    public static VoiceActivityDetectorFactory CreateDetectors(string vad)
    {
        var model = InstalledModels.SileroVadModel();
        switch (vad)
        {
            case "auto":
                return new VoiceActivityDetectorFactory(model);
            case "energy":
                return new VoiceActivityDetectorFactory(null, preferEnergy: true);
            case "silero":
                var silero = new VoiceActivityDetectorFactory(model);
                return silero.FallbackReason is null
                    ? silero
                    : throw new Domain.Errors.EngineUnavailableException("silero-vad-v5", silero.FallbackReason);
            default:
                throw new UsageException($"--vad '{vad}' is not one of auto, silero, energy");
        }
    }

    /// <summary>With a supplied transcript, <c>auto</c> runs no recognizer: the transcript is the text of record.</summary>
    private static IReadOnlyList<string> EffectiveEngines(IReadOnlyList<string> engines, bool haveTranscript) =>
        haveTranscript && engines.SequenceEqual([SpeechEngineCatalog.Auto]) ? [SpeechEngineCatalog.None] : engines;

    /// <summary>The transcript's events under the call id of the run (a --call-id may differ from the file's).</summary>
    private static CallEvent[] Rebase(IReadOnlyList<CallEvent> events, string callId) =>
        [.. events.Select(e => e with { CallId = callId })];
}
