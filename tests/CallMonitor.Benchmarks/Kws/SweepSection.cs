using System.Globalization;
using CallMonitor.Benchmarks.Output;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Engines.SherpaOnnx.Kws;
using CallMonitor.TestKit.Phrases;

namespace CallMonitor.Benchmarks.Kws;

/// <summary>
/// Tries thresholds for the pack's one-syllable phrases (喂 …), which fire easily on other speech: on a call where each
/// is planted at line starts (and words that sound like it, e.g. 位 for 喂, are said as decoys) and on corpus calls,
/// and picks per phrase the threshold with the best recall among those with no false alarm outside the decoys.
/// </summary>
internal static class SweepSection
{
    public static void Run(
        BenchEnvironment environment, KwsBenchOptions options, CorpusBuilder corpus, IReadOnlyList<PackPhrase> phrases,
        IReadOnlyList<BenchCall> negatives, TextWriter output)
    {
        var candidates = phrases.Where(p => p.Syllables == 1 && p.Role == SpeakerRole.Agent).ToList();
        foreach (var silent in candidates.Where(p => corpus.Voicer.Voicings(p.Text).Count == 0))
        {
            output.WriteLine($"{silent.Text}: not covered (no recording says it; missing units {corpus.Voicer.MissingUnits(silent.Text)}); listened for, not swept");
        }

        var single = candidates.Where(p => corpus.Voicer.Voicings(p.Text).Count > 0).ToList();
        if (single.Count == 0)
        {
            output.WriteLine("no one-syllable agent phrase of the pack can be said with the recordings; nothing to sweep");
            return;
        }

        var decoys = single.ToDictionary(p => p.Text, p => Decoys(environment, p), StringComparer.Ordinal);
        var call = corpus.Build("kws-sweep", unchecked((options.Seed * 7919) + 5000), builder =>
        {
            foreach (var phrase in single)
            {
                var voicings = corpus.Voicer.Voicings(phrase.Text);
                for (var i = 0; i < options.SweepPlants; i++)
                {
                    voicings.ToList().ForEach(v => builder.Plant(v, atUtteranceStart: true));
                    if (i < 2)
                    {
                        decoys[phrase.Text].ForEach(d => builder.Decoy([d]));
                    }
                }
            }
        });
        var calls = negatives.Prepend(call).ToList();
        output.WriteLine($"calls: {string.Join(", ", calls.Select(c => $"{c.Call.Name} ({c.Seconds:0} s)"))}; both channels");
        foreach (var phrase in single)
        {
            output.WriteLine($"{phrase.Text}: voicings {string.Join(", ", corpus.Voicer.Voicings(phrase.Text).Select(v => v.Source))}; "
                + $"decoys (sound alike) {(decoys[phrase.Text].Count == 0 ? "none in the voice bank" : string.Join(' ', decoys[phrase.Text]))}; "
                + $"pack threshold {phrase.Threshold?.ToString(CultureInfo.InvariantCulture) ?? "none"}");
        }

        var table = new TextTable("phrase", "threshold", "planted", "hit", "recall", "FA agent", "FA cust", "FA decoys", "FA/h", "others hit");
        var results = new List<(string Phrase, double Threshold, double Recall, int FalseAlarms, int DecoyHits)>();
        var hours = calls.Sum(c => c.Seconds) * 2 / 3600;
        foreach (var threshold in options.SweepThresholds)
        {
            var overrides = single.ToDictionary(p => p.Text, _ => (float)threshold, StringComparer.Ordinal);
            var keywords = KeywordSet.Build(environment.Model, phrases, overrides);
            using var engine = new KeywordSpotterEngine(new KeywordSpotterSettings(environment.Model, keywords.Specs) { Threshold = options.Threshold });
            var tallies = phrases.ToDictionary(p => p.Text, p => new PhraseTally(p), StringComparer.Ordinal);
            var decoyHits = single.ToDictionary(p => p.Text, _ => 0, StringComparer.Ordinal);
            foreach (var c in calls)
            {
                var agent = ChannelSpotter.Spot(engine, c, SpeakerRole.Agent);
                CallScorer.Score(c, agent, ChannelSpotter.Spot(engine, c, SpeakerRole.Customer), tallies);
                foreach (var phrase in single)
                {
                    var spans = decoys[phrase.Text].SelectMany(d => c.Said(SpeakerRole.Agent, d)).ToList();
                    decoyHits[phrase.Text] += agent.Count(h => h.Phrase == phrase.Text && spans.Any(s => Near(h, s)));
                }
            }

            var others = tallies.Values.Where(t => t.Phrase.Syllables > 1).ToList();
            var othersHit = $"{others.Sum(t => t.Found)}/{others.Sum(t => t.Planted)}";
            foreach (var phrase in single)
            {
                var t = tallies[phrase.Text];
                var general = t.AgentFalseAlarms - decoyHits[phrase.Text] + t.CustomerFalseAlarms;
                table.Add(phrase.Text, threshold, t.Planted + t.NestedPlanted, t.Found + t.NestedFound, $"{t.Recall * 100:0}%",
                    t.AgentFalseAlarms - decoyHits[phrase.Text], t.CustomerFalseAlarms, decoyHits[phrase.Text], general / hours, othersHit);
                results.Add((phrase.Text, threshold, t.Recall, general, decoyHits[phrase.Text]));
            }
        }

        table.WriteTo(output);
        output.WriteLine("FA agent/cust: hits where the phrase was not said, decoy lines excluded; FA decoys: hits on a sound-alike word;");
        output.WriteLine("others hit: plants of the longer phrases in the same calls that were hit (a one-syllable hit resets the stream and can cost one).");
        foreach (var group in results.GroupBy(r => r.Phrase, StringComparer.Ordinal))
        {
            // "About zero" false alarms: no more than the fewest any threshold reached plus one per hour of speech.
            var allowed = group.Min(r => r.FalseAlarms) + hours;
            var best = group.Where(r => r.FalseAlarms <= allowed)
                .OrderByDescending(r => r.Recall).ThenBy(r => r.FalseAlarms).ThenBy(r => r.DecoyHits).ThenByDescending(r => r.Threshold).First();
            var edge = best.Threshold <= options.SweepThresholds.Min() ? "; the lowest threshold tried: try lower ones with --sweep" : string.Empty;
            output.WriteLine($"chosen for {group.Key}: threshold {best.Threshold:0.00}{edge} (recall {best.Recall * 100:0}%, "
                + $"{best.FalseAlarms} false alarms outside decoy lines = {best.FalseAlarms / hours:0.0}/h, {best.DecoyHits} on decoys): "
                + $"the best recall among thresholds with at most {allowed:0.#} false alarms (the fewest reached + 1 per hour of speech), "
                + "ties to fewer false alarms, then the stricter threshold");
        }
    }

    /// <summary>Agent voice-bank words that sound like <paramref name="phrase"/> without being it (位 for 喂).</summary>
    private static List<string> Decoys(BenchEnvironment environment, PackPhrase phrase)
    {
        var guard = new PhraseGuard([phrase.Text], CorpusBuilder.TonelessReadings);
        return [.. environment.Bank.AgentUnits.Keys.Where(u => !u.Contains(phrase.Text, StringComparison.Ordinal) && !guard.IsClean(u)).Order(StringComparer.Ordinal)];
    }

    private static bool Near(KeywordSpotted hit, PhraseOccurrence said) =>
        hit.Span.End.TotalSeconds >= said.Start - CallScorer.Tolerance && hit.Span.Start.TotalSeconds <= said.End + CallScorer.Tolerance;
}
