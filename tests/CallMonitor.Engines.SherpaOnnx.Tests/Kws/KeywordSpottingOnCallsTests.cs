using System.Globalization;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Engines.SherpaOnnx.Kws;
using CallMonitor.TestKit.Calls;

namespace CallMonitor.Engines.SherpaOnnx.Tests.Kws;

/// <summary>
/// Service-standard phrases planted in a two-party call built from real recordings, spotted per channel by keywords
/// the <see cref="KeywordBuilder"/> spelled from the pinyin tables.
/// </summary>
[TestFixture(false)]
[TestFixture(true)]
[Category("Integration")]
[Category("RequiresModel")]
public sealed class KeywordSpottingOnCallsTests
{
    private const int Rate = KeywordSpotterSettings.SampleRate;
    private const double Tolerance = 0.5;

    private readonly bool _telephone;
    private CallPhraseRun? _run;

    /// <param name="telephone">Render as 8 kHz mu-law (read back at 16 kHz) instead of 16 kHz PCM.</param>
    public KeywordSpottingOnCallsTests(bool telephone)
    {
        _telephone = telephone;
    }

    private CallPhraseRun Run => _run!;

    [OneTimeSetUp]
    public void SpotPlantedPhrases()
    {
        var modelDir = KwsTestModel.RequireDirectory();
        var call = ServicePhrasesScript().Render(_telephone ? new RenderOptions { SampleRate = 8000, MuLaw = true } : null);
        var built = KeywordBuilder.For(KwsModelFiles.FromDirectory(modelDir)).Build(PlantedPhrases.Phrases);
        using var engine = new KeywordSpotterEngine(KwsTestModel.Settings(modelDir, built.Specs));
        _run = new CallPhraseRun(
            call,
            built,
            Spot(engine, call, SpeakerRole.Agent),
            Spot(engine, call, SpeakerRole.Customer));
        Run.Print(TestContext.Progress);
    }

    [Test]
    public void Build_ServicePhrases_EveryPhraseHasASpellingTheModelKnows()
    {
        Assert.That(Run.Built.Specs.Select(s => s.Phrase).Distinct(), Is.EquivalentTo(PlantedPhrases.Phrases));
    }

    [Test]
    public void Script_EveryPhrase_IsPlantedTwiceOnTheAgentChannel()
    {
        Assert.That(PlantedPhrases.Phrases.Select(p => Run.Planted(p).Count), Has.All.EqualTo(2));
    }

    [Test]
    public void Spot_AgentChannel_ReliablePhrasesFoundAtEveryPlantWithinHalfASecond()
    {
        Assert.Multiple(() =>
        {
            foreach (var phrase in PlantedPhrases.Reliable)
            {
                Assert.That(Run.Found(phrase), Is.EqualTo(Run.Planted(phrase).Count), $"{phrase}: {Run.Describe(phrase)}");
            }
        });
    }

    [Test]
    public void Spot_AgentChannel_MostPlantedPhrasesFound()
    {
        var planted = PlantedPhrases.Phrases.Sum(p => Run.Planted(p).Count);
        var found = PlantedPhrases.Phrases.Sum(Run.Found);

        Assert.That(found, Is.GreaterThanOrEqualTo(planted * 0.8), $"found {found} of {planted}");
    }

    [Test]
    public void Spot_CustomerChannel_NoAgentPhraseHeard()
    {
        Assert.That(Run.Customer.Select(e => $"{e.Phrase} at {e.Span}"), Is.Empty);
    }

    [Test]
    public void Spot_AgentChannel_HitsCarryTheAgentRoleAndLieInsideTheCall()
    {
        Assert.That(Run.Agent, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(Run.Agent.Select(e => e.Role), Has.All.EqualTo(SpeakerRole.Agent));
            Assert.That(Run.Agent.Select(e => e.Span.End.TotalSeconds), Has.All.LessThanOrEqualTo(Run.Call.Truth.DurationSeconds));
        });
    }

    /// <summary>Each phrase twice in agent lines, with answers from the customer bank in between.</summary>
    internal static CallScript ServicePhrasesScript() => new CallScript("kws-service-phrases")
        .At(0.8).Agent("您 好 请问 有 什么 可以 帮 您")
        .Pause(0.7).Customer("wo3 xiang3 wen4 yi2 xia4 wo3 de1 ka3 bu4 neng2 yong4 le1")
        .Pause(0.8).Agent("抱歉 我 不 清楚 这个 情况")
        .Pause(0.7).Customer("na4 zen3 me1 ban4")
        .Pause(0.8).Agent("我 知道 了 我们 马上 处理")
        .Pause(0.7).Customer("hao3 de1")
        .Pause(0.8).Agent("明白 我 帮 您 查 一下 办法")
        .Pause(0.7).Customer("yi1 er4 san1 si4 wu3 liu4 qi1 ba1 jiu3")
        .Pause(0.8).Agent("感谢 您 使用 我们 的 服务 再见")
        .Pause(1.5).Agent("您 好 请问 您 需要 什么 服务")
        .Pause(0.7).Customer("wo3 xiang3 wen4 yi2 xia4")
        .Pause(0.8).Agent("非常 抱歉 这个 问题 我 不 知道")
        .Pause(0.7).Customer("mei2 you3 le1")
        .Pause(0.8).Agent("您 说 的 我 明白 了 我们 有 办法 处理")
        .Pause(0.7).Customer("hao3 de1 xie4 xie4")
        .Pause(0.8).Agent("请 您 说 清楚 一些")
        .Pause(0.8).Agent("感谢 您 的 耐心 等待 再见");

    private static List<KeywordSpotted> Spot(KeywordSpotterEngine engine, RenderedCall call, SpeakerRole role)
    {
        var track = call.ReadTrack16k(role);
        using var recognizer = engine.CreateRecognizer(call.Name, role);
        for (var offset = 0; offset < track.Length; offset += Rate / 10)
        {
            recognizer.Accept(track.AsSpan(offset, Math.Min(Rate / 10, track.Length - offset)));
        }

        recognizer.Complete();
        return [.. recognizer.TakeEvents().OfType<KeywordSpotted>()];
    }

    /// <summary>The run's truth and hits, with matching within <see cref="Tolerance"/>.</summary>
    private sealed record CallPhraseRun(RenderedCall Call, KeywordBuildResult Built, List<KeywordSpotted> Agent, List<KeywordSpotted> Customer)
    {
        public IReadOnlyList<(double Start, double End)> Planted(string phrase) =>
            PlantedPhrases.Find(Call.Truth, phrase, Call.Truth.SampleRate);

        /// <summary>Planted occurrences with an agent hit of that phrase within the tolerance at both ends.</summary>
        public int Found(string phrase) => Planted(phrase).Count(p => Hits(phrase).Any(h => Matches(h, p)));

        /// <summary>Agent hits of the phrase matching no planted occurrence.</summary>
        public int FalseAlarms(string phrase) => Hits(phrase).Count(h => !Planted(phrase).Any(p => Matches(h, p)));

        public string Describe(string phrase) =>
            $"planted {string.Join(", ", Planted(phrase).Select(p => $"{p.Start:0.00}-{p.End:0.00}"))}; "
            + $"hits {string.Join(", ", Hits(phrase).Select(h => h.Span.ToString()))}";

        public void Print(TextWriter output)
        {
            output.WriteLine($"{Call}: {Built.Specs.Count} keyword spellings for {PlantedPhrases.Phrases.Count} phrases");
            foreach (var warning in Built.Warnings)
            {
                output.WriteLine($"  build warning: {warning}");
            }

            foreach (var phrase in PlantedPhrases.Phrases)
            {
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"  {phrase}: hits {Found(phrase)}/{Planted(phrase).Count}, false alarms agent {FalseAlarms(phrase)}, "
                    + $"customer {Customer.Count(e => e.Phrase == phrase)} | {Describe(phrase)}"));
            }

            foreach (var hit in Customer)
            {
                output.WriteLine($"  customer-channel hit: {hit.Phrase} ({hit.Tokens}) at {hit.Span}");
            }
        }

        private IEnumerable<KeywordSpotted> Hits(string phrase) => Agent.Where(e => e.Phrase == phrase);

        private static bool Matches(KeywordSpotted hit, (double Start, double End) planted) =>
            Math.Abs(hit.Span.Start.TotalSeconds - planted.Start) <= Tolerance
            && Math.Abs(hit.Span.End.TotalSeconds - planted.End) <= Tolerance;
    }
}
