using CallMonitor.Compliance.Engine;
using CallMonitor.Compliance.Rules;
using CallMonitor.Compliance.Scoring;
using CallMonitor.Hosting.Calls;
using CallMonitor.Pipeline.Engines;
using CallMonitor.Pipeline.Recordings;
using CallMonitor.Reporting.Reports;
using CallMonitor.Server.Calls;

namespace CallMonitor.Server.Reports;

/// <summary>The report of a live call, from what its <see cref="LiveCall"/> saw and judged (as a recording's would be).</summary>
public static class LiveReportBuilder
{
    /// <summary>Call after the call completed or was disposed (its events and judgement no longer change).</summary>
    public static CallReport Build(
        LiveCall call, CallStartInfo start, RulePack rules, ComplianceEngine compliance, string? detectorFallback, IReadOnlyList<EngineStatus> unavailable, TimeSpan wallTime)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(compliance);
        ArgumentNullException.ThrowIfNull(unavailable);
        var events = call.Events.OrderBy(e => e.Span.Start).ThenBy(e => e.Span.End).ToList();
        var end = events.Count == 0 ? TimeSpan.Zero : events.Max(e => e.Span.End);
        var analysis = new RecordingAnalysis(
            call.CallId,
            $"grpc stream (agent {start.AgentId}, team {start.Team})",
            start.Format.ToString(),
            call.Layout,
            call.Received > end ? call.Received : end,
            events,
            [.. call.Engines(), .. unavailable],
            detectorFallback,
            wallTime,
            TimeSpan.Zero);
        var judgement = call.Judgement;
        var pack = new RulePackInfo(rules.Id, rules.Version, [.. compliance.UnevaluatedRules.Select(r => r.Id)]);
        var score = rules.Scoring is { } form ? CallScorer.Score(form, judgement.Updates) : null;
        return CallReportFactory.FromRecording(analysis, start.LocalStart, judgement, pack, score);
    }
}
