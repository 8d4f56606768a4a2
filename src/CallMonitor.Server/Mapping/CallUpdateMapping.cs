using CallMonitor.Contracts.V1;
using CallMonitor.Domain.Events;
using DomainViolationState = CallMonitor.Domain.Events.ViolationState;
using WireEngineStatus = CallMonitor.Contracts.V1.EngineStatus;
using WireViolationState = CallMonitor.Contracts.V1.ViolationState;

namespace CallMonitor.Server.Mapping;

/// <summary>Domain events out to the wire as CallUpdates.</summary>
public static class CallUpdateMapping
{
    /// <summary>The update a client sees for <paramref name="e"/>, or null for events it is not sent (acoustic detail).</summary>
    public static CallUpdate? ToWire(CallEvent e) => e switch
    {
        ViolationDetected v => new CallUpdate { Violation = ToWire(v) },
        UtteranceRecognized u => new CallUpdate { Transcript = Transcript(u.Role, u.Span, u.Text, final: true, u.Source) },
        PartialTranscriptUpdated p => new CallUpdate { Transcript = Transcript(p.Role, p.Span, p.Text, final: false, p.Source) },
        _ => null,
    };

    public static Violation ToWire(ViolationDetected v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var wire = new Violation
        {
            ViolationId = v.ViolationId,
            CallId = v.CallId,
            RuleId = v.RuleId,
            Type = v.Type,
            Severity = Severity(v.Severity),
            Speaker = SpeakerMapping.ToWire(v.Role),
            Span = Span(v.Span),
            Phrase = v.Phrase ?? string.Empty,
            Evidence = v.Evidence,
            Confidence = v.Confidence,
            State = v.State switch
            {
                DomainViolationState.Provisional => WireViolationState.Provisional,
                DomainViolationState.Confirmed => WireViolationState.Confirmed,
                DomainViolationState.Retracted => WireViolationState.Retracted,
                _ => WireViolationState.Unspecified,
            },
            PackId = v.PackId,
            PackVersion = v.PackVersion,
        };
        wire.Sources.AddRange(v.Sources);
        return wire;
    }

    public static CallUpdate Status(TimeSpan backlog, IEnumerable<Pipeline.Engines.EngineStatus> engines, string message)
    {
        ArgumentNullException.ThrowIfNull(engines);
        var status = new CallStatus { BacklogSeconds = Math.Round(backlog.TotalSeconds, 3), Message = message };
        status.Engines.AddRange(engines.Select(e => new WireEngineStatus
        {
            Name = e.Name,
            State = e.State.ToString().ToLowerInvariant(),
            Error = e.Error ?? string.Empty,
        }));
        return new CallUpdate { Status = status };
    }

    public static CallUpdate Report(string callId, double score, double maxScore, int violationCount, string json) =>
        new() { Report = new ReportReady { CallId = callId, Score = score, MaxScore = maxScore, ViolationCount = violationCount, ReportJson = json } };

    private static TranscriptUpdate Transcript(Domain.Calls.SpeakerRole role, Domain.Timeline.AudioInterval span, string text, bool final, string source) =>
        new() { Speaker = SpeakerMapping.ToWire(role), Span = Span(span), Text = text, Final = final, Source = source };

    private static AudioSpan Span(Domain.Timeline.AudioInterval span) =>
        new() { Start = span.Start.TotalSeconds, End = span.End.TotalSeconds };

    private static Severity Severity(string severity) => severity switch
    {
        "info" => Contracts.V1.Severity.Info,
        "minor" => Contracts.V1.Severity.Minor,
        "major" => Contracts.V1.Severity.Major,
        "critical" => Contracts.V1.Severity.Critical,
        _ => Contracts.V1.Severity.Unspecified,
    };
}
