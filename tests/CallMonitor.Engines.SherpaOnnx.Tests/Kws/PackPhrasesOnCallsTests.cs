using CallMonitor.Chinese.Pinyin;
using CallMonitor.Compliance.Rules;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Engines.SherpaOnnx.Kws;
using CallMonitor.TestKit.Calls;
using CallMonitor.TestKit.Phrases;

namespace CallMonitor.Engines.SherpaOnnx.Tests.Kws;

/// <summary>
/// The rule pack's greeting, closing and forbidden phrases planted in a call built from real recordings (amid filler
/// words, customer answers that say no pack phrase), spotted with the pack's full keyword list. Left out of the
/// plants, but listened for: one-syllable phrases (喂; see the benchmark's threshold sweep) and exception phrases
/// (有什么不清楚的: the spotter reports the forbidden phrase inside them and resets, measured with ./bench.sh kws).
/// Greeting and closing phrases must each be hit, except those holding the sound of a one-syllable pack phrase
/// (为您服务 holds 为 wèi = 喂): that keyword may fire first, and the stream's reset after a detection loses the longer
/// phrase. Those and the forbidden phrases, a few of which are missed now and then, are held to a recall floor.
/// </summary>
[TestFixture]
public sealed class PackPhrasesOnCallsTests
{
    private const double Tolerance = 0.5;

    /// <summary>Least share of plants hit (./bench.sh kws, 3 calls: 94 % of forbidden phrases, 92 % of greeting and closing phrases).</summary>
    private const double RecallFloor = 0.85;

    /// <summary>Most hits where nothing of the kind was said, per minute of call (this call: 1 in 10 minutes).</summary>
    private const double StrayHitsPerMinute = 0.2;
    private static readonly string[] PlantedTypes = ["forbidden_phrase", "missing_greeting", "missing_closing"];

    private Run? _run;

    private Run Spotted => _run!;

    [OneTimeSetUp]
    public void SpotPlantedPackPhrases()
    {
        var modelDir = KwsTestModel.RequireDirectory();
        var bank = VoiceBank.Require();
        var spoken = RulePack.Default.SpokenPhrases();
        var texts = spoken.Select(p => p.Text).Distinct().ToList();
        var voicer = new PhraseVoicer(bank, RealWords.Load(bank.AudioRoot));
        var planted = spoken
            .Where(p => p.Role == SpeakerRole.Agent && PlantedTypes.Contains(p.RuleType) && p.Set != "exceptions" && p.Text.Length > 1)
            .GroupBy(p => p.Text)
            .Select(g => (Phrase: g.First(), Voicings: voicer.Voicings(g.Key)))
            .Where(x => x.Voicings.Count > 0)
            .ToList();
        var guard = new PhraseGuard(texts, c => [.. PinyinDictionary.Default.Readings(c).Select(s => s.Toneless).Distinct()]);
        var shadowing = new PhraseGuard(
            texts.Where(t => t.Length == 1), c => [.. PinyinDictionary.Default.Readings(c).Select(s => s.Toneless).Distinct()]);
        var builder = new PlantedCallBuilder("kws-pack-phrases", bank, guard, seed: 11) { LongSilenceChance = 0.1 };
        planted.ForEach(p => builder.Plant(p.Voicings[0]));
        var call = builder.Script.Render();

        var keywords = KeywordBuilder.For(KwsModelFiles.FromDirectory(modelDir))
            .Build(spoken.Select(p => new KeywordPhrase(p.Text, p.KwsThreshold, p.KwsBoost)));
        using var engine = new KeywordSpotterEngine(KwsTestModel.Settings(modelDir, keywords.Specs));
        _run = new Run(call, planted.Select(p => p.Phrase).ToList(), texts, Spot(engine, call, SpeakerRole.Agent), Spot(engine, call, SpeakerRole.Customer))
        {
            Shadowed = [.. planted.Select(p => p.Phrase.Text).Where(t => !shadowing.IsClean(t))],
        };
        foreach (var line in _run.Describe())
        {
            TestContext.Progress.WriteLine(line);
        }
    }

    [Test]
    public void Build_PackPhrases_SomeOfEachPlantedTypeCanBeSaidWithTheRecordings()
    {
        Assert.That(PlantedTypes, Is.SubsetOf(Spotted.Planted.Select(p => p.RuleType)), "no greeting, closing or forbidden phrase could be planted");
    }

    [TestCase("missing_greeting")]
    [TestCase("missing_closing")]
    public void Spot_AgentChannel_EveryPlantedPhraseOfTypeHitWithinHalfASecond(string ruleType)
    {
        var planted = Spotted.Planted.Where(p => p.RuleType == ruleType && !Spotted.Shadowed.Contains(p.Text)).ToList();

        Assert.That(planted, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var phrase in planted)
            {
                var said = Spotted.Said(phrase.Text);
                Assert.That(said, Is.Not.Empty, $"{phrase.Text} is not in the call's truth");
                foreach (var occurrence in said)
                {
                    Assert.That(Spotted.HitNear(occurrence), Is.Not.Null, $"{phrase.Text} ({phrase.RuleId}) said at {occurrence.Start:0.00}-{occurrence.End:0.00} s");
                }
            }
        });
    }

    [TestCase("forbidden_phrase")]
    [TestCase("missing_greeting", "missing_closing")]
    public void Spot_AgentChannel_NearlyEveryPlantedPhraseHitWithinHalfASecond(params string[] ruleTypes)
    {
        var said = Spotted.Planted.Where(p => ruleTypes.Contains(p.RuleType)).SelectMany(p => Spotted.Said(p.Text)).ToList();
        var missed = said.Where(o => Spotted.HitNear(o) is null).ToList();

        Assert.That(said, Has.Count.GreaterThanOrEqualTo(5));
        Assert.That(
            said.Count - missed.Count,
            Is.GreaterThanOrEqualTo(said.Count * RecallFloor),
            $"missed: {string.Join(", ", missed.Select(o => $"{o.Phrase} at {o.Start:0.00} s"))}");
    }

    [Test]
    public void Spot_AgentChannel_FewHitsWhereNoPackPhraseWasSaid()
    {
        var stray = Spotted.Agent.Where(h => Spotted.Said(h.Phrase).All(o => !Matches(h, o))).ToList();

        Assert.That(
            stray.Count,
            Is.LessThanOrEqualTo(StrayHitsPerMinute * Spotted.Call.Truth.DurationSeconds / 60),
            string.Join(", ", stray.Select(h => $"{h.Phrase} ({h.Tokens}) at {h.Span}")));
    }

    [Test]
    public void Spot_CustomerChannel_NoPackPhraseHeard()
    {
        Assert.That(Spotted.Customer.Select(h => $"{h.Phrase} ({h.Tokens}) at {h.Span}"), Is.Empty);
    }

    private static List<KeywordSpotted> Spot(KeywordSpotterEngine engine, RenderedCall call, SpeakerRole role)
    {
        const int piece = KeywordSpotterSettings.SampleRate / 10;
        var track = call.ReadTrack16k(role);
        using var recognizer = engine.CreateRecognizer(call.Name, role);
        for (var offset = 0; offset < track.Length; offset += piece)
        {
            recognizer.Accept(track.AsSpan(offset, Math.Min(piece, track.Length - offset)));
        }

        recognizer.Complete();
        return [.. recognizer.TakeEvents().OfType<KeywordSpotted>()];
    }

    private static bool Matches(KeywordSpotted hit, PhraseOccurrence said) =>
        Math.Abs(hit.Span.Start.TotalSeconds - said.Start) <= Tolerance && Math.Abs(hit.Span.End.TotalSeconds - said.End) <= Tolerance;

    private sealed record Run(RenderedCall Call, List<SpokenPhrase> Planted, List<string> Texts, List<KeywordSpotted> Agent, List<KeywordSpotted> Customer)
    {
        /// <summary>Planted phrases holding the sound of a one-syllable pack phrase, which may fire first.</summary>
        public HashSet<string> Shadowed { get; init; } = [];

        /// <summary>Where the agent said <paramref name="phrase"/>: planted, or inside a longer planted phrase.</summary>
        public IReadOnlyList<PhraseOccurrence> Said(string phrase) => PhraseOccurrences.Find(Call.Truth, SpeakerRole.Agent, phrase);

        /// <summary>
        /// A hit within the tolerance of <paramref name="said"/>: of the phrase itself, or of a longer pack phrase
        /// said there that contains it (the spotter reports one phrase per stretch of speech).
        /// </summary>
        public KeywordSpotted? HitNear(PhraseOccurrence said) =>
            Agent.FirstOrDefault(h => h.Phrase == said.Phrase && Matches(h, said))
            ?? Agent.FirstOrDefault(h => h.Phrase.Length > said.Phrase.Length && h.Phrase.Contains(said.Phrase, StringComparison.Ordinal)
                && h.Span.Start.TotalSeconds <= said.Start + Tolerance && h.Span.End.TotalSeconds >= said.End - Tolerance);

        public IEnumerable<string> Describe()
        {
            yield return $"{Call}: {Planted.Count} pack phrases planted, {Texts.Count} listened for; shadowed: {string.Join(' ', Shadowed)}";
            foreach (var phrase in Planted)
            {
                var said = Said(phrase.Text);
                yield return $"  {phrase.Text} [{phrase.RuleType}]: said {string.Join(", ", said.Select(s => $"{s.Start:0.00}-{s.End:0.00}"))}; "
                    + $"hits {string.Join(", ", Agent.Where(h => h.Phrase == phrase.Text).Select(h => h.Span.ToString()))}";
            }

            foreach (var hit in Customer)
            {
                yield return $"  customer-channel hit: {hit.Phrase} ({hit.Tokens}) at {hit.Span}";
            }
        }
    }
}
