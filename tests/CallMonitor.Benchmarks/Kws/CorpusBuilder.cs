using CallMonitor.Chinese.Pinyin;
using CallMonitor.TestKit.Audio;
using CallMonitor.TestKit.Calls;
using CallMonitor.TestKit.Phrases;

namespace CallMonitor.Benchmarks.Kws;

/// <summary>
/// Writes and renders the benchmark calls: pack phrases planted in agent lines amid filler words, customer answers
/// that say no pack phrase, a long silence now and then, tempos varied a little.
/// </summary>
internal sealed class CorpusBuilder
{
    private static readonly double[] JitterTempos = [0.9, 1.0, 1.0, 1.1, 1.2];

    private readonly BenchEnvironment _environment;
    private readonly KwsBenchOptions _options;

    public CorpusBuilder(BenchEnvironment environment, KwsBenchOptions options, IEnumerable<PackPhrase> phrases)
    {
        _environment = environment;
        _options = options;
        Guard = new PhraseGuard(phrases.Select(p => p.Text), TonelessReadings);
        Voicer = new PhraseVoicer(environment.Bank, environment.Words);
    }

    public PhraseGuard Guard { get; }

    public PhraseVoicer Voicer { get; }

    /// <summary>Folder the calls are rendered into (reused across runs: same script, same file).</summary>
    public static string Folder => Path.Combine(TestKitCache.Root, "bench-kws");

    /// <summary>A call named <paramref name="name"/> whose lines <paramref name="write"/> plants.</summary>
    public BenchCall Build(string name, int seed, Action<PlantedCallBuilder> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var builder = new PlantedCallBuilder(name, _environment.Bank, Guard, seed)
        {
            Tempos = _options.TempoJitter ? JitterTempos : [1.0],
        };
        write(builder);
        var render = _options.Telephone ? new RenderOptions { SampleRate = 8000, MuLaw = true, Seed = seed } : new RenderOptions { Seed = seed };
        return new BenchCall(builder.Script.Render(Folder, render, _environment.Bank), builder.Planted);
    }

    /// <summary>
    /// Call <paramref name="index"/> of the corpus: every voicing of every phrase once, in random order; phrases of
    /// one syllable (喂) open their line, as a caller's address does.
    /// </summary>
    public BenchCall BuildCorpusCall(int index, IReadOnlyList<PhraseVoicing> voicings)
    {
        var seed = unchecked((_options.Seed * 7919) + index);
        var order = voicings.ToArray();
        new Random(seed).Shuffle(order);
        return Build($"kws-bench-{index + 1}", seed, builder =>
        {
            foreach (var voicing in order)
            {
                builder.Plant(voicing, atUtteranceStart: voicing.Phrase.Length == 1);
            }
        });
    }

    /// <summary>Every toneless reading of a character, from the project's pinyin tables.</summary>
    public static IReadOnlyList<string> TonelessReadings(char c) =>
        [.. PinyinDictionary.Default.Readings(c).Select(s => s.Toneless).Distinct(StringComparer.Ordinal)];
}
