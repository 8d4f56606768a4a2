using System.Globalization;
using CallMonitor.Compliance.Rules;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Domain.Timeline;

namespace CallMonitor.Compliance.Engine;

/// <summary>
/// Writes the violations of one call: fills in the pack id and version, the rule's type and severity, and gives each
/// new violation an id that its later updates (confirmation, retraction, fusion) reuse.
/// </summary>
internal sealed class ViolationFactory(string callId, RulePack pack)
{
    private readonly List<ViolationDetected> _emitted = [];
    private readonly Dictionary<string, ViolationDetected> _latest = new(StringComparer.Ordinal);
    private int _next;

    /// <summary>The pack the violations name.</summary>
    public RulePack Pack => pack;

    /// <summary>Violations written since the last <see cref="Drain"/>.</summary>
    public IReadOnlyList<ViolationDetected> Drain()
    {
        if (_emitted.Count == 0)
        {
            return [];
        }

        var result = _emitted.ToArray();
        _emitted.Clear();
        return result;
    }

    /// <summary>A fresh id for a new violation of <paramref name="rule"/>.</summary>
    public string NewId(CompiledRule rule) => string.Create(CultureInfo.InvariantCulture, $"{callId}/{rule.Id}/{++_next}");

    public ViolationDetected Emit(
        CompiledRule rule,
        SpeakerRole role,
        AudioInterval span,
        string? phrase,
        string evidence,
        IEnumerable<string> sources,
        double confidence,
        ViolationState state,
        string? id = null)
    {
        var violation = new ViolationDetected(
            callId,
            role,
            span,
            rule.Id,
            rule.Rule.TypeName,
            rule.Rule.Severity.ToString().ToLowerInvariant(),
            phrase,
            evidence,
            [.. sources.Distinct(StringComparer.Ordinal)],
            Math.Clamp(confidence, 0, 1),
            pack.Id,
            pack.Version,
            state,
            id ?? NewId(rule));
        Record(violation);
        return violation;
    }

    /// <summary>Writes <paramref name="earlier"/> again in <paramref name="state"/> (same id, same place).</summary>
    public ViolationDetected Update(ViolationDetected earlier, ViolationState state)
    {
        var violation = earlier with { State = state };
        Record(violation);
        return violation;
    }

    /// <summary>Whether a confirmed violation of type <paramref name="type"/> on <paramref name="role"/>'s speech overlaps <paramref name="span"/>.</summary>
    public bool HasConfirmed(string type, SpeakerRole role, AudioInterval span) => _latest.Values.Any(v =>
        v.State == ViolationState.Confirmed
        && v.Role == role
        && string.Equals(v.Type, type, StringComparison.Ordinal)
        && v.Span.Start <= span.End
        && span.Start <= v.Span.End);

    private void Record(ViolationDetected violation)
    {
        _emitted.Add(violation);
        _latest[violation.ViolationId] = violation;
    }
}
