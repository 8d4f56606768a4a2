using System.Globalization;
using CallMonitor.Compliance.Rules;
using CallMonitor.Domain.Calls;
using CallMonitor.Engines.SherpaOnnx.Kws;
using CallMonitor.Engines.SherpaOnnx.Native;
using CallMonitor.TestKit.Phrases;

namespace CallMonitor.Benchmarks.Kws;

/// <summary>
/// <c>callmonitor-bench kws</c>: the keyword spotter on calls built from the shared recordings with the rule pack's
/// phrases planted at known times. Prints figures; asserts nothing.
/// </summary>
internal static class KwsBenchmark
{
    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var options = KwsBenchOptions.Parse(args);
        var environment = BenchEnvironment.Find(options);
        var pack = RulePack.Default;
        var (phrases, notes) = PackPhrases.From(pack);
        var keywords = KeywordSet.Build(environment.Model, phrases);
        var settings = new KeywordSpotterSettings(environment.Model, keywords.Specs) { Threshold = options.Threshold };
        var before = CpuClock.Memory().Now;
        using var engine = new KeywordSpotterEngine(settings);
        var loaded = CpuClock.Memory().Now;

        output.WriteLine($"# callmonitor-bench kws {string.Join(' ', args)}");
        output.WriteLine($"engine: {engine.Description}; sherpa-onnx {SherpaOnnxLibrary.Version.Version}, onnxruntime {SherpaOnnxLibrary.Version.OnnxRuntimeVersion}");
        output.WriteLine($"rule pack {pack.Id} {pack.Version}: {pack.SpokenPhrases().Count} spoken phrase entries, {phrases.Count} distinct texts, "
            + $"{keywords.Specs.Count} keyword spellings; default threshold {options.Threshold.ToString(CultureInfo.InvariantCulture)} "
            + $"(phrases with a pack threshold keep it), boost {settings.Boost.ToString(CultureInfo.InvariantCulture)}");
        var dropped = keywords.Warnings.Count(w => w.Contains("dropped", StringComparison.Ordinal));
        notes.Concat(keywords.Unspellable.Select(u => $"not spellable, left out of the keyword list: {u}"))
            .Concat(keywords.Warnings.Where(w => !w.Contains("dropped", StringComparison.Ordinal)).Select(w => $"keyword builder: {w}"))
            .Append($"{dropped} spelling variants dropped by the keyword builder (tokens the model lacks, mostly toneless finals such as ai, ao, ing)")
            .ToList().ForEach(n => output.WriteLine($"  note: {n}"));

        output.WriteLine($"memory: RSS {before:0} MiB before the engine, {loaded:0} MiB with the model and keyword graph loaded");
        var corpus = new CorpusBuilder(environment, options, phrases);
        var (voicings, plantable) = Coverage(phrases, keywords, corpus, output);

        if (options.Runs("realtime"))
        {
            Header(output, "real-time factor and channels per core (one thread)");
            var call = corpus.BuildCorpusCall(0, voicings);
            var track = call.Call.ReadTrack16k(SpeakerRole.Agent);
            GC.Collect();
            output.WriteLine($"memory: RSS {CpuClock.Memory().Now:0} MiB after rendering and reading one call (the test kit's clip caches)");
            RealTimeSection.Run(engine, track[..Math.Min(track.Length, (int)(options.RealTimeSeconds * KeywordSpotterSettings.SampleRate))], output);
            var memory = CpuClock.Memory();
            output.WriteLine($"memory: RSS {memory.Now:0} MiB now, peak {memory.Peak:0} MiB (whole process: runtime, model, streams, one rendered call)");
        }

        var calls = new List<BenchCall>();
        if (options.Runs("recall") || options.Runs("sweep"))
        {
            var clock = CpuClock.Wall();
            calls.AddRange(Enumerable.Range(0, options.Calls).Select(i => corpus.BuildCorpusCall(i, voicings)));
            output.WriteLine();
            output.WriteLine($"corpus: {calls.Count} calls, {string.Join(", ", calls.Select(c => $"{c.Seconds / 60:0.0} min"))}; each plants "
                + $"{voicings.Count} voicings of {plantable} phrases; {(options.Telephone ? "8 kHz mu-law" : "16 kHz PCM")}, "
                + $"{(options.TempoJitter ? "tempos 0.9-1.2x" : "recorded tempo")}; seed {options.Seed}; rendered/read in {clock.Elapsed.TotalSeconds:0} s "
                + $"into {CorpusBuilder.Folder}");
        }

        if (options.Runs("recall"))
        {
            Header(output, "recall and false alarms");
            var clock = CpuClock.Wall();
            RecallSection.Run(engine, calls, phrases, output);
            output.WriteLine($"(spotting took {clock.Elapsed.TotalSeconds:0} s wall)");
        }

        if (options.Runs("sweep"))
        {
            Header(output, "threshold sweep for one-syllable phrases");
            SweepSection.Run(environment, options, corpus, phrases, calls, output);
        }

        output.WriteLine();
        output.WriteLine($"peak RSS {CpuClock.Memory().Peak:0} MiB");
        return 0;
    }

    /// <summary>What can be planted: agent phrases with a spelling and a voicing; prints what cannot and why.</summary>
    private static (List<PhraseVoicing> Voicings, int Phrases) Coverage(IReadOnlyList<PackPhrase> phrases, KeywordSet keywords, CorpusBuilder corpus, TextWriter output)
    {
        var spelled = keywords.Specs.Select(s => s.Phrase).ToHashSet(StringComparer.Ordinal);
        var voicings = new List<PhraseVoicing>();
        var planted = 0;
        var notCovered = new List<string>();
        foreach (var phrase in phrases)
        {
            var found = corpus.Voicer.Voicings(phrase.Text);
            if (phrase.Role != SpeakerRole.Agent)
            {
                notCovered.Add($"{phrase.Text} [{string.Join(',', phrase.Categories)}]: {phrase.Role} phrase, listened for on both channels but not planted");
            }
            else if (!spelled.Contains(phrase.Text))
            {
                notCovered.Add($"{phrase.Text} [{string.Join(',', phrase.Categories)}]: no keyword spelling");
            }
            else if (found.Count == 0)
            {
                notCovered.Add($"{phrase.Text} [{string.Join(',', phrase.Categories)}]: missing units {corpus.Voicer.MissingUnits(phrase.Text)}");
            }
            else
            {
                planted++;
                voicings.AddRange(found);
            }
        }

        output.WriteLine($"planted: {planted} of {phrases.Count} phrases ({voicings.Count} voicings: voice-bank units joined, or a real-cmn word recording)");
        output.WriteLine($"not covered ({notCovered.Count}):");
        notCovered.ForEach(n => output.WriteLine($"  {n}"));
        return (voicings, planted);
    }

    private static void Header(TextWriter output, string title)
    {
        output.WriteLine();
        output.WriteLine($"== {title} ==");
    }
}
