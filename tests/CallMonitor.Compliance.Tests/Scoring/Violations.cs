using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Domain.Timeline;

namespace CallMonitor.Compliance.Tests.Scoring;

/// <summary>Hand-built violation events for scoring tests.</summary>
internal static class Violations
{
    private static int _next;

    /// <summary>A violation of <paramref name="ruleId"/>; a fresh id unless <paramref name="id"/> is given.</summary>
    public static ViolationDetected Of(string ruleId, ViolationState state = ViolationState.Confirmed, string? id = null, double at = 1) =>
        new(
            "call-1",
            SpeakerRole.Agent,
            AudioInterval.FromSeconds(at, at + 1),
            ruleId,
            "forbidden_phrase",
            "major",
            null,
            "evidence",
            ["transcript"],
            0.9,
            "test.pack",
            "1.0.0",
            state,
            id ?? $"v{Interlocked.Increment(ref _next)}");

    /// <summary><paramref name="count"/> distinct confirmed violations of one rule.</summary>
    public static IEnumerable<ViolationDetected> Many(string ruleId, int count) =>
        Enumerable.Range(0, count).Select(i => Of(ruleId, at: i * 2));
}
