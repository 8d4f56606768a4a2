using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.TestKit.Phrases;

namespace CallMonitor.Benchmarks.Kws;

/// <summary>
/// Matches a call's hits to where each phrase was truly said: a hit counts when its start and its end both lie
/// within <see cref="Tolerance"/> of a plant's; each hit serves one plant. Unmatched hits are false alarms.
/// </summary>
internal static class CallScorer
{
    public const double Tolerance = 0.5;

    /// <summary>Adds one call's results to the tallies; returns one line per miss and per agent false alarm.</summary>
    public static IReadOnlyList<string> Score(
        BenchCall call, IReadOnlyList<KeywordSpotted> agent, IReadOnlyList<KeywordSpotted> customer, IReadOnlyDictionary<string, PhraseTally> tallies)
    {
        var notes = new List<string>();
        var texts = tallies.Keys.ToList();
        foreach (var (text, tally) in tallies)
        {
            var said = call.Said(SpeakerRole.Agent, text);
            var longer = texts.Where(t => t.Length > text.Length && t.Contains(text, StringComparison.Ordinal))
                .SelectMany(t => call.Said(SpeakerRole.Agent, t)).ToList();
            var hits = agent.Where(h => h.Phrase == text).ToList();
            foreach (var occurrence in said)
            {
                var nested = longer.Any(l => l.Start <= occurrence.Start + 0.01 && l.End >= occurrence.End - 0.01);
                var match = hits.Where(h => Matches(h, occurrence)).MinBy(h => Math.Abs(h.Span.Start.TotalSeconds - occurrence.Start));
                if (match is not null)
                {
                    hits.Remove(match);
                }
                else if (!nested)
                {
                    var late = hits.Any(h => h.Span.End.TotalSeconds > occurrence.Start && h.Span.Start.TotalSeconds < occurrence.End) ? " (a hit of it overlaps, off by more than the tolerance)" : string.Empty;
                    notes.Add($"miss  {text} at {occurrence.Start:0.00}-{occurrence.End:0.00} s in {call.Call.Name}; heard there: {Near(agent, occurrence)}{late}");
                }

                tally.AddPlant(nested, match is null ? null : match.Span.Start.TotalSeconds - occurrence.Start);
            }

            foreach (var stray in hits)
            {
                notes.Add($"false {text} at {stray.Span.Start.TotalSeconds:0.00}-{stray.Span.End.TotalSeconds:0.00} s in {call.Call.Name} ({stray.Tokens}); said: {SaidAround(call, stray, SpeakerRole.Agent)}");
            }

            tally.AddFalseAlarms(hits.Count, customer.Count(h => h.Phrase == text));
        }

        return notes;
    }

    private static bool Matches(KeywordSpotted hit, PhraseOccurrence occurrence) =>
        Math.Abs(hit.Span.Start.TotalSeconds - occurrence.Start) <= Tolerance
        && Math.Abs(hit.Span.End.TotalSeconds - occurrence.End) <= Tolerance;

    private static string Near(IReadOnlyList<KeywordSpotted> hits, PhraseOccurrence occurrence)
    {
        var near = hits.Where(h => h.Span.End.TotalSeconds >= occurrence.Start - 1 && h.Span.Start.TotalSeconds <= occurrence.End + 1)
            .Select(h => $"{h.Phrase} {h.Span.Start.TotalSeconds:0.00}-{h.Span.End.TotalSeconds:0.00}")
            .ToList();
        return near.Count == 0 ? "nothing" : string.Join(", ", near);
    }

    /// <summary>The <paramref name="role"/>'s line nearest to <paramref name="hit"/>, with its times.</summary>
    public static string SaidAround(BenchCall call, KeywordSpotted hit, SpeakerRole role)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(hit);
        var rate = call.Call.Truth.SampleRate;
        var line = call.Call.Truth.Utterances
            .Where(u => u.Role == role)
            .MinBy(u => Math.Max(0, Math.Max(u.Span.StartSeconds(rate) - hit.Span.End.TotalSeconds, hit.Span.Start.TotalSeconds - u.Span.EndSeconds(rate))));
        return line is null ? "nothing" : $"'{line.Text}' {line.Span.StartSeconds(rate):0.00}-{line.Span.EndSeconds(rate):0.00}";
    }
}
