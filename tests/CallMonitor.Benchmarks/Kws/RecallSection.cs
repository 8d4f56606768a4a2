using CallMonitor.Benchmarks.Output;
using CallMonitor.Domain.Calls;
using CallMonitor.Engines.SherpaOnnx.Kws;

namespace CallMonitor.Benchmarks.Kws;

/// <summary>Runs the spotter over both channels of every corpus call and prints recall and false alarms.</summary>
internal static class RecallSection
{
    private const int MaxNotes = 60;

    public static void Run(KeywordSpotterEngine engine, IReadOnlyList<BenchCall> calls, IReadOnlyList<PackPhrase> phrases, TextWriter output)
    {
        var tallies = phrases.ToDictionary(p => p.Text, p => new PhraseTally(p), StringComparer.Ordinal);
        var notes = new List<string>();
        foreach (var call in calls)
        {
            var agent = ChannelSpotter.Spot(engine, call, SpeakerRole.Agent);
            var customer = ChannelSpotter.Spot(engine, call, SpeakerRole.Customer);
            notes.AddRange(CallScorer.Score(call, agent, customer, tallies));
            foreach (var hit in customer)
            {
                notes.Add($"customer {hit.Phrase} at {hit.Span.Start.TotalSeconds:0.00}-{hit.Span.End.TotalSeconds:0.00} s in {call.Call.Name} ({hit.Tokens}); said: {CallScorer.SaidAround(call, hit, SpeakerRole.Customer)}");
            }
        }

        var hours = calls.Sum(c => c.Seconds) / 3600;
        var defaultThreshold = engine.Settings.Threshold;
        var planted = tallies.Values.Where(t => t.Planted > 0).OrderBy(t => t.Phrase.Category, StringComparer.Ordinal).ThenBy(t => t.Phrase.Text, StringComparer.Ordinal).ToList();
        var perPhrase = new TextTable("category", "phrase", "thr", "planted", "hit", "recall", "FA agent", "FA cust", "med |err| s", "max |err| s");
        foreach (var t in planted)
        {
            var errors = t.StartErrors.Select(Math.Abs).ToList();
            perPhrase.Add(
                string.Join(',', t.Phrase.Categories), t.Phrase.Text, t.Phrase.Threshold ?? defaultThreshold, t.Planted, t.Found, Percent(t.Recall),
                t.AgentFalseAlarms, t.CustomerFalseAlarms, Median(errors), errors.Count == 0 ? double.NaN : errors.Max());
        }

        output.WriteLine($"per phrase (hit = a hit of the phrase whose start and end are within {CallScorer.Tolerance} s of the plant's; "
            + "FA = hits where it was not said; err = hit start - true start):");
        perPhrase.WriteTo(output);

        output.WriteLine();
        output.WriteLine($"totals per category ({calls.Count} calls, {hours * 60:0.0} min of audio per channel; FA/h per hour of that channel's audio):");
        Totals(tallies.Values, hours).WriteTo(output);

        var listening = tallies.Values.Where(t => t.Planted == 0 && t.NestedPlanted == 0 && (t.AgentFalseAlarms + t.CustomerFalseAlarms) > 0).ToList();
        output.WriteLine();
        output.WriteLine($"phrases listened for but never said in these calls, with hits: {(listening.Count == 0 ? "none" : string.Empty)}");
        foreach (var t in listening)
        {
            output.WriteLine($"  {t.Phrase.Text} [{string.Join(',', t.Phrase.Categories)}, {t.Phrase.Role}]: agent {t.AgentFalseAlarms}, customer {t.CustomerFalseAlarms}");
        }

        output.WriteLine();
        output.WriteLine($"misses and false alarms ({notes.Count}{(notes.Count > MaxNotes ? $", first {MaxNotes}" : string.Empty)}):");
        foreach (var note in notes.Take(MaxNotes))
        {
            output.WriteLine($"  {note}");
        }
    }

    private static TextTable Totals(IEnumerable<PhraseTally> tallies, double hours)
    {
        var table = new TextTable("category", "phrases", "planted", "hit", "recall", "nested hit", "FA agent", "FA cust", "FA/h agent", "FA/h cust");
        var all = tallies.ToList();
        var top = all.SelectMany(t => t.Phrase.Categories.Select(c => (Category: c.Split('/')[0], Tally: t)));
        var sub = all.SelectMany(t => t.Phrase.Categories.Where(c => c.Contains('/', StringComparison.Ordinal)).Select(c => (Category: c, Tally: t)));
        foreach (var group in top.Concat(sub).GroupBy(x => x.Category, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Where(g => g.Any(x => x.Tally.Planted + x.Tally.NestedPlanted + x.Tally.AgentFalseAlarms + x.Tally.CustomerFalseAlarms > 0)))
        {
            AddRow(table, group.Key, [.. group.Select(x => x.Tally).Distinct()], hours);
        }

        table.Separator();
        AddRow(table, "all", all, hours);
        return table;
    }

    private static void AddRow(TextTable table, string name, List<PhraseTally> tallies, double hours)
    {
        var planted = tallies.Sum(t => t.Planted);
        var found = tallies.Sum(t => t.Found);
        var nested = tallies.Sum(t => t.NestedPlanted);
        var agent = tallies.Sum(t => t.AgentFalseAlarms);
        var customer = tallies.Sum(t => t.CustomerFalseAlarms);
        table.Add(
            name, tallies.Count(t => t.Planted > 0), planted, found, Percent(planted == 0 ? double.NaN : (double)found / planted),
            nested == 0 ? "-" : $"{tallies.Sum(t => t.NestedFound)}/{nested}", agent, customer, agent / hours, customer / hours);
    }

    private static string Percent(double fraction) => double.IsNaN(fraction) ? "-" : $"{fraction * 100:0}%";

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
