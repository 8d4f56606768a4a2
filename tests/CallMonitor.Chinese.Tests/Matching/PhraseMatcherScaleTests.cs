using CallMonitor.Chinese.Matching;

namespace CallMonitor.Chinese.Tests.Matching;

public class PhraseMatcherScaleTests
{
    // Common characters to build many distinct phrases from.
    private const string Characters =
        "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坐集编宝谈府拉黑且随格尽剑讲布杀微怕母调局根曾准团段终乐切级克精哪官示冷域读";

    [Test]
    public void Compile_FiveThousandSoundPatterns_FindsEachPlantedPhrase()
    {
        var random = new Random(7);
        var phrases = new HashSet<string>(StringComparer.Ordinal);
        while (phrases.Count < 5000)
        {
            phrases.Add(new string([.. Enumerable.Range(0, random.Next(2, 7)).Select(_ => Characters[random.Next(Characters.Length)])]));
        }

        var list = phrases.ToList();
        var tolerances = new[] { PinyinTolerance.Exact, PinyinTolerance.Homophone, PinyinTolerance.Near };
        var matcher = PhraseMatcher.Compile(list.Select((p, i) => new PhrasePattern($"p{i}", p, tolerances[i % 3])));

        var planted = new[] { 17, 1234, 4999 };
        var text = "喂，" + string.Join("，嗯嗯，", planted.Select(i => list[i])) + "。";
        var ids = matcher.Find(text).Select(m => m.PatternId).ToHashSet();

        Assert.Multiple(() =>
        {
            Assert.That(matcher.Patterns, Has.Count.EqualTo(5000));
            foreach (var i in planted)
            {
                Assert.That(ids, Does.Contain($"p{i}"), list[i]);
            }
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Find_ManyThreadsAtOnce_SameResultsAsOneThread(CancellationToken cancellationToken)
    {
        var matcher = PhraseMatcher.Compile(
        [
            new PhrasePattern("unclear", "不清楚", PinyinTolerance.Homophone) { Exceptions = ["还有什么不清楚"] },
            new PhrasePattern("dunno", "不知道", PinyinTolerance.Near),
            new PhrasePattern("wei", "喂") { Anchor = PhraseAnchor.TextStart },
            new PhrasePattern("who", "你问我我问谁"),
        ]);
        var random = new Random(11);
        string[] pieces = ["不清楚", "不青楚", "您还有什么不清楚的", "不资道", "不知道", "喂", "你问我，我问谁", "好的", "请稍等", "谢谢"];
        var texts = Enumerable.Range(0, 300)
            .Select(_ => string.Concat(Enumerable.Range(0, random.Next(1, 8)).Select(_ => pieces[random.Next(pieces.Length)])))
            .ToArray();
        static string Describe(PhraseMatches m) =>
            string.Join(";", m.Select(h => $"{h.PatternId}@{h.Start}/{h.Kind}"))
            + "|" + string.Join(";", m.Suppressed.Select(s => $"{s.Match.PatternId}@{s.Match.Start}"));
        var expected = texts.Select(t => Describe(matcher.Find(t))).ToArray();

        var workers = Enumerable.Range(0, 8).Select(w => Task.Run(
            () =>
            {
                var mismatches = 0;
                for (var round = 0; round < 20; round++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    for (var i = 0; i < texts.Length; i++)
                    {
                        var k = (i + (w * 37)) % texts.Length;
                        mismatches += Describe(matcher.Find(texts[k])) == expected[k] ? 0 : 1;
                    }
                }

                return mismatches;
            },
            cancellationToken));
        var results = await Task.WhenAll(workers);

        Assert.Multiple(() =>
        {
            Assert.That(expected.Count(e => e.Length > 1), Is.GreaterThan(200), "the texts must produce hits to compare");
            Assert.That(results, Is.All.Zero);
        });
    }
}
