using CallMonitor.Domain.Calls;

namespace CallMonitor.TestKit.Calls;

/// <summary>
/// What a rendered call really contains, from the script and the exact sample positions of every placed unit.
/// A role's speech intervals are its units merged where the gap between them is under
/// <see cref="MergeGapSeconds"/>; silences and overlaps are computed from those intervals, so they are what the
/// audio holds, whatever the script intended. All positions are at <see cref="SampleRate"/>.
/// </summary>
public sealed class CallTruth
{
    /// <summary>Units closer than this belong to one speech interval (the pause inside a phrase).</summary>
    public const double MergeGapSeconds = 0.3;

    private readonly Dictionary<SpeakerRole, IReadOnlyList<SampleSpan>> _speech;

    internal CallTruth(int sampleRate, long totalSamples, IReadOnlyList<UtteranceTruth> utterances)
    {
        SampleRate = sampleRate;
        TotalSamples = totalSamples;
        Utterances = utterances;
        var mergeGap = (long)Math.Round(MergeGapSeconds * sampleRate);
        _speech = new Dictionary<SpeakerRole, IReadOnlyList<SampleSpan>>
        {
            [SpeakerRole.Agent] = Merge(UnitSpans(SpeakerRole.Agent), mergeGap),
            [SpeakerRole.Customer] = Merge(UnitSpans(SpeakerRole.Customer), mergeGap),
        };
        Silences = FindSilences();
        Overlaps = FindOverlaps();
    }

    public int SampleRate { get; }

    public long TotalSamples { get; }

    public double DurationSeconds => (double)TotalSamples / SampleRate;

    /// <summary>Every scripted utterance in start order.</summary>
    public IReadOnlyList<UtteranceTruth> Utterances { get; }

    /// <summary>Stretches between speech (leading and trailing silence excluded) where nobody speaks, any length.</summary>
    public IReadOnlyList<SilenceTruth> Silences { get; }

    /// <summary>Stretches where both roles speak.</summary>
    public IReadOnlyList<OverlapTruth> Overlaps { get; }

    /// <summary>Speech intervals of <paramref name="role"/> (agent or customer), merged, in time order.</summary>
    public IReadOnlyList<SampleSpan> SpeechOf(SpeakerRole role) =>
        _speech.TryGetValue(role, out var spans) ? spans : throw new ArgumentOutOfRangeException(nameof(role), role, "truth is kept per agent and customer");

    /// <summary>Silences of at least <paramref name="seconds"/>.</summary>
    public IReadOnlyList<SilenceTruth> SilencesAtLeast(double seconds) =>
        Silences.Where(s => s.Span.Seconds(SampleRate) >= seconds).ToList();

    public int CharactersOf(SpeakerRole role) => Utterances.Where(u => u.Role == role).Sum(u => u.Characters);

    /// <summary>Total length of the role's merged speech intervals.</summary>
    public double SpeechSecondsOf(SpeakerRole role) => SpeechOf(role).Sum(s => s.Seconds(SampleRate));

    /// <summary>True speaking rate of the role: its characters over its speech seconds.</summary>
    public double CharactersPerMinute(SpeakerRole role) => CharactersOf(role) * 60.0 / SpeechSecondsOf(role);

    private IEnumerable<SampleSpan> UnitSpans(SpeakerRole role) =>
        Utterances.Where(u => u.Role == role).SelectMany(u => u.Units).Select(p => p.Span);

    private static List<SampleSpan> Merge(IEnumerable<SampleSpan> spans, long mergeGap)
    {
        var merged = new List<SampleSpan>();
        foreach (var span in spans.OrderBy(s => s.Start))
        {
            if (merged.Count > 0 && span.Start - merged[^1].End < mergeGap)
            {
                merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, span.End) };
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }

    private List<SilenceTruth> FindSilences()
    {
        var all = _speech.SelectMany(kv => kv.Value.Select(span => (Role: kv.Key, Span: span))).OrderBy(x => x.Span.Start).ToList();
        var silences = new List<SilenceTruth>();
        if (all.Count == 0)
        {
            return silences;
        }

        var (lastRole, reach) = (all[0].Role, all[0].Span.End);
        foreach (var (role, span) in all.Skip(1))
        {
            if (span.Start > reach)
            {
                silences.Add(new SilenceTruth(new SampleSpan(reach, span.Start), lastRole, role));
            }

            if (span.End >= reach)
            {
                (lastRole, reach) = (role, span.End);
            }
        }

        return silences;
    }

    private List<OverlapTruth> FindOverlaps()
    {
        var overlaps = new List<OverlapTruth>();
        foreach (var agent in _speech[SpeakerRole.Agent])
        {
            foreach (var customer in _speech[SpeakerRole.Customer].Where(c => c.Overlaps(agent)))
            {
                var span = new SampleSpan(Math.Max(agent.Start, customer.Start), Math.Min(agent.End, customer.End));
                var (first, second) = customer.Start >= agent.Start
                    ? (SpeakerRole.Agent, SpeakerRole.Customer)
                    : (SpeakerRole.Customer, SpeakerRole.Agent);
                overlaps.Add(new OverlapTruth(span, first, second));
            }
        }

        return [.. overlaps.OrderBy(o => o.Span.Start)];
    }
}
