using CallMonitor.Benchmarks.Live;

namespace CallMonitor.Benchmarks.Load;

/// <summary>
/// The calls of one step. Stream s of N (its agent) lives on node s mod nodes and places one call after the other,
/// each the stream's rendered audio from the start, a short gap apart, until the step's time is up; the streams'
/// first calls start spread over the stagger. So N calls are live at any moment, and a long step churns calls as a
/// shift does (a call's state is kept until its report: a single call looping for 30 minutes would grow by design).
/// </summary>
internal static class LoadSchedule
{
    /// <summary>Time between one call's last chunk and the next call's start on the same stream.</summary>
    public const double GapSeconds = 0.5;

    public static IReadOnlyList<ScheduledCall> Build(LoadBenchOptions options, IReadOnlyList<LiveCallAudio> audios, int streams, int nodes, string runId)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(audios);
        var team = $"bench-{runId}-n{streams}";
        var calls = new List<ScheduledCall>();
        for (var s = 0; s < streams; s++)
        {
            var audio = audios[s % audios.Count];
            var each = audio.Seconds + GapSeconds;
            var count = Math.Max(1, (int)Math.Round(options.StepSeconds / each));
            for (var k = 0; k < count; k++)
            {
                var start = TimeSpan.FromSeconds((options.StaggerSeconds * s / streams) + (k * each));
                calls.Add(new ScheduledCall(s % nodes, s, new CallPlan($"{runId}-n{streams}-s{s + 1}-c{k + 1}", $"agent-{s + 1}", team, audio, start)));
            }
        }

        return calls;
    }
}
