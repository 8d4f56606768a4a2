using CallMonitor.Domain.Calls;
using CallMonitor.Speech.Transcripts;
using CallMonitor.TestKit.Calls;

namespace CallMonitor.Benchmarks.Compliance;

/// <summary>
/// The corpus calls that need audio: the hold, dead-air and barge-in rules judge the silences and overlaps the
/// acoustic stage measures, which a transcript cannot carry. Each is a <see cref="CallScript"/> of voice-bank units;
/// its transcript is written from the rendered truth (agent text as the units say it, customer text the Chinese of
/// the pinyin syllables). An expected file names its script as <c>"audio": "render:&lt;name&gt;"</c>.
/// </summary>
internal static class RenderedCorpus
{
    private const string Greeting = "您 好 很 高兴 为 您 服务 请问 有 什么 可以 帮 您";
    private const string HoldAnnouncement = "好 的 请 您 稍 等 我 帮 您 查 一下";
    private const string Offer = "请问 还 有 什么 可以 帮 您";
    private const string Farewell = "感谢 您 的 来 电 再见";

    /// <summary>Script names, as expected files refer to them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["corpus-r1", "corpus-r2", "corpus-r3"];

    /// <exception cref="KeyNotFoundException">No script has that name.</exception>
    public static (CallScript Script, IReadOnlyList<string> CustomerText) Script(string name) => name switch
    {
        "corpus-r1" => UnthankedHoldAndBargeIn(),
        "corpus-r2" => LongHoldWithoutApology(),
        "corpus-r3" => LongUnthankedHoldAndDeadAir(),
        _ => throw new KeyNotFoundException($"no rendered corpus script '{name}'; known: {string.Join(", ", Names)}"),
    };

    /// <summary>The transcript of a rendered call: one segment per scripted line, at the truth's times.</summary>
    /// <exception cref="InvalidOperationException">The script's customer lines and texts do not pair up.</exception>
    public static TranscriptDocument Transcript(string name, RenderedCall call, IReadOnlyList<string> customerText)
    {
        var truth = call.Truth;
        var customers = truth.Utterances.Count(u => u.Role == SpeakerRole.Customer);
        if (customers != customerText.Count)
        {
            throw new InvalidOperationException($"script {name} has {customers} customer lines but {customerText.Count} texts");
        }

        var next = 0;
        var segments = truth.Utterances.Select(u => new TranscriptSegment(
            u.Role,
            Math.Round(u.Span.Start / (double)truth.SampleRate, 2),
            Math.Round(u.Span.End / (double)truth.SampleRate, 2),
            u.Role == SpeakerRole.Customer ? customerText[next++] : u.Text,
            [])).ToList();
        return new TranscriptDocument(name, null, segments, []);
    }

    /// <summary>A 15 s announced hold the agent returns from without thanks; a 2 s barge-in; 10 s of unannounced dead air.</summary>
    private static (CallScript, IReadOnlyList<string>) UnthankedHoldAndBargeIn() => (new CallScript("corpus-r1")
        .At(0.6).Agent(Greeting)
        .Pause(0.7).Customer("wo3 xiang3 wen4 yi2 xia4 wo3 de1 ka3 bu4 neng2 yong4 le1")
        .Pause(0.7).Agent("好 的 请 您 提供 一下 身份 证 号码")
        .Pause(0.8).Customer("yi1 er4 san1 si4 wu3 liu4 qi1 ba1 jiu3")
        .Pause(0.6).Agent(HoldAnnouncement)
        .Silence(15).Agent("您 好 系统 显示 您 的 卡 已经 到期 了")
        .Pause(0.6).Customer("wo3 de1 ka3 zen3 me1 hai2 bu4 neng2 yong4 wo3 yi3 jing1 deng3 le1 hao3 jiu3 le1")
        .OverlapBy(2.0).Agent("您 可以 到 营业 厅 办理 也 可以 在 网 上 申请")
        .Pause(0.7).Customer("na4 wo3 xian4 zai4 ke3 yi3 qu4 ban4 ma1")
        .Silence(10).Agent("可以 的 您 带 着 身份 证 去 就 可以")
        .Pause(0.6).Customer("hao3 de1 xie4 xie4")
        .Pause(0.6).Agent(Offer)
        .Pause(0.6).Customer("mei2 you3 le1")
        .Pause(0.5).Agent(Farewell)
        .Pause(0.6).Customer("zai4 jian4"),
        ["我想问一下我的卡不能用了", "一二三四五六七八九", "我的卡怎么还不能用我已经等了好久了", "那我现在可以去办吗", "好的谢谢", "没有了", "再见"]);

    /// <summary>A 125 s announced hold, thanked but not apologised for; a 1.8 s barge-in.</summary>
    private static (CallScript, IReadOnlyList<string>) LongHoldWithoutApology() => (new CallScript("corpus-r2")
        .At(0.6).Agent(Greeting)
        .Pause(0.7).Customer("wo3 de1 kuai4 di4 hai2 mei2 dao4 ni3 bang1 wo3 cha2 yi2 xia4")
        .Pause(0.7).Agent("好 的 请 您 提供 一下 身份 证 号码")
        .Pause(0.8).Customer("yi1 er4 san1 si4 wu3 liu4 qi1 ba1 jiu3")
        .Pause(0.6).Agent(HoldAnnouncement)
        .Silence(125).Agent("感谢 您 的 耐心 等待 您 的 货 已经 到 了 门口")
        .Pause(0.6).Customer("wo3 zuo2 tian1 da3 dian4 hua4 shuo1 hai2 mei2 you3 song4 dao4 xian4 zai4 ye3 mei2 you3 ren2 gei3 wo3 hui2 dian4 hua4")
        .OverlapBy(1.8).Agent("非常 抱歉 我们 会 尽快 安排 送 到")
        .Pause(0.6).Customer("hao3 de1 xie4 xie4")
        .Pause(0.6).Agent(Offer)
        .Pause(0.6).Customer("mei2 you3 le1")
        .Pause(0.5).Agent(Farewell)
        .Pause(0.6).Customer("zai4 jian4"),
        ["我的快递还没到你帮我查一下", "一二三四五六七八九", "我昨天打电话说还没有送到现在也没有人给我回电话", "好的谢谢", "没有了", "再见"]);

    /// <summary>A 122 s announced hold with neither thanks nor apology; 11 s of unannounced dead air; a short 嗯 back-channel.</summary>
    private static (CallScript, IReadOnlyList<string>) LongUnthankedHoldAndDeadAir() => (new CallScript("corpus-r3")
        .At(0.6).Agent(Greeting)
        .Pause(0.7).Customer("wo3 xiang3 wen4 yi2 xia4 wo3 de1 ka3 bu4 neng2 yong4 le1")
        .Pause(0.6).Agent(HoldAnnouncement)
        .Silence(122).Agent("您 好 系统 显示 您 的 卡 已经 到期 了")
        .Pause(0.7).Customer("na4 zen3 me1 ban4")
        .Silence(11).Agent("您 可以 到 营业 厅 办理 也 可以 在 网 上 申请")
        .Pause(0.6).Customer("hao3 de1 wo3 ming2 tian1 qu4 ban4 li3")
        .OverlapBy(0.8).Agent("嗯")
        .Pause(0.6).Agent(Offer)
        .Pause(0.6).Customer("mei2 you3 le1")
        .Pause(0.5).Agent(Farewell)
        .Pause(0.6).Customer("zai4 jian4"),
        ["我想问一下我的卡不能用了", "那怎么办", "好的我明天去办理", "没有了", "再见"]);
}
