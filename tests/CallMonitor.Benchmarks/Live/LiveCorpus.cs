using CallMonitor.Benchmarks.Kws;
using CallMonitor.Compliance.Rules;
using CallMonitor.Domain.Calls;
using CallMonitor.TestKit.Phrases;

namespace CallMonitor.Benchmarks.Live;

/// <summary>
/// The calls the live benchmark streams, built like <c>kws</c>'s (<see cref="CorpusBuilder"/>: the shared recordings,
/// agent lines amid filler words, customer answers): only the pack's forbidden phrases the keyword spotter can spell
/// are planted, one per agent line, cycling through them in a seeded order until the call is long enough; then the
/// call is cut to the length asked for.
/// </summary>
internal static class LiveCorpus
{
    private const double MergeSeconds = 1.0;

    /// <summary>Builds <see cref="LiveBenchOptions.Audios"/> distinct calls; prints what was planted.</summary>
    /// <exception cref="Cli.BenchUsageException">The shared recordings or the KWS model are missing.</exception>
    public static IReadOnlyList<LiveCallAudio> Build(LiveBenchOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var kwsOptions = new KwsBenchOptions
        {
            Seed = options.Seed,
            Telephone = options.Telephone,
            TempoJitter = false,
            SharedDirectory = options.SharedDirectory,
            ModelDirectory = options.ModelDirectory,
        };
        var environment = BenchEnvironment.Find(kwsOptions);
        var (phrases, _) = PackPhrases.From(RulePack.Default);
        var spelled = KeywordSet.Build(environment.Model, phrases).Specs.Select(s => s.Phrase).ToHashSet(StringComparer.Ordinal);
        var forbidden = phrases.Where(p => p.Role == SpeakerRole.Agent && p.Categories.Contains("forbidden")).ToList();
        var corpus = new CorpusBuilder(environment, kwsOptions, phrases);
        var voicings = forbidden.Where(p => spelled.Contains(p.Text)).SelectMany(p => corpus.Voicer.Voicings(p.Text)).ToList();
        if (voicings.Count == 0)
        {
            throw new LiveBenchException("none of the pack's forbidden phrases can be both spelled for the spotter and said with the shared recordings");
        }

        output.WriteLine($"calls: {options.Audios} distinct {(options.Telephone ? "8 kHz mu-law" : "16 kHz PCM16")} stereo calls (agent, customer) of "
            + $"{options.Seconds:0} s from {environment.SharedDirectory}; planting {voicings.Count} voicings of "
            + $"{voicings.Select(v => v.Phrase).Distinct(StringComparer.Ordinal).Count()} of the pack's {forbidden.Count} forbidden phrases");
        var calls = new List<LiveCallAudio>();
        for (var a = 0; a < options.Audios; a++)
        {
            var seed = unchecked((options.Seed * 7919) + a);
            var order = voicings.ToArray();
            new Random(seed).Shuffle(order);
            var call = Render(corpus, $"live-bench-{a + 1}", seed, order, options.Seconds);
            var truth = call.Call.Truth;
            var speech = truth.SpeechOf(SpeakerRole.Agent).Select(s => (Start: s.StartSeconds(truth.SampleRate), End: s.EndSeconds(truth.SampleRate))).ToList();
            var planted = Merge(forbidden.SelectMany(p => call.Said(SpeakerRole.Agent, p.Text)), speech);
            var audio = LiveCallAudio.FromWav($"call{a + 1}", call.Call.WavPath, options.Seconds, planted);
            output.WriteLine($"  {audio.Name}: {audio.Seconds:0.0} s, {audio.Planted.Count} forbidden phrases at "
                + string.Join(", ", audio.Planted.Take(6).Select(p => $"{p.Phrase}@{p.End:0.0}")) + (audio.Planted.Count > 6 ? ", ..." : string.Empty));
            calls.Add(audio);
        }

        return calls;
    }

    /// <summary>Renders with more plants until the call reaches <paramref name="seconds"/>.</summary>
    private static BenchCall Render(CorpusBuilder corpus, string name, int seed, PhraseVoicing[] order, double seconds)
    {
        var count = (int)Math.Ceiling(seconds / 5) + 2;
        for (var attempt = 0; ; attempt++)
        {
            var plants = count;
            var call = corpus.Build(name, seed, builder =>
            {
                for (var i = 0; i < plants; i++)
                {
                    builder.Plant(order[i % order.Length], atUtteranceStart: order[i % order.Length].Phrase.Length == 1);
                }
            });
            if (call.Seconds >= seconds + 1 || attempt >= 4)
            {
                return call;
            }

            count = (int)Math.Ceiling(count * (seconds + 2) / call.Seconds) + 1;
        }
    }

    /// <summary>One entry per place: occurrences whose ends lie within a second of each other (nested phrases) are one alert.</summary>
    private static List<PlantedAlert> Merge(IEnumerable<PhraseOccurrence> occurrences, IReadOnlyList<(double Start, double End)> speech)
    {
        var merged = new List<PlantedAlert>();
        foreach (var o in occurrences.OrderBy(o => o.End))
        {
            if (merged.Count > 0 && o.End - merged[^1].End <= MergeSeconds)
            {
                if (o.Phrase.Length > merged[^1].Phrase.Length)
                {
                    merged[^1] = merged[^1] with { Phrase = o.Phrase, Start = o.Start, End = o.End, SpeechEnd = SpeechEnd(o.End, speech) };
                }

                continue;
            }

            merged.Add(new PlantedAlert(merged.Count, o.Phrase, o.Start, o.End, SpeechEnd(o.End, speech)));
        }

        return merged;
    }

    private static double SpeechEnd(double at, IReadOnlyList<(double Start, double End)> speech) =>
        speech.Where(s => s.Start <= at && at <= s.End + 0.01).Select(s => s.End).DefaultIfEmpty(at).First();
}
