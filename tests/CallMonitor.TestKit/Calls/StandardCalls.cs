namespace CallMonitor.TestKit.Calls;

/// <summary>
/// Calls every test project can share, rendered once per machine (see <see cref="CallScript.Render(RenderOptions?)"/>).
/// Their truth is computed from where the units landed, so tests assert against <see cref="RenderedCall.Truth"/>,
/// not against the numbers in the script.
/// </summary>
public static class StandardCalls
{
    /// <summary>The planted stretch where nobody speaks in <see cref="Acceptance"/>.</summary>
    public const double AcceptanceSilenceSeconds = 14.0;

    /// <summary>How long the customer talks over the agent in <see cref="Acceptance"/>.</summary>
    public const double AcceptanceOverlapSeconds = 1.0;

    /// <summary>Every other gap between turns in <see cref="Acceptance"/> is shorter than this.</summary>
    public const double AcceptanceMaxTurnGapSeconds = 1.2;

    /// <summary>The tempo of the one fast agent line in <see cref="TempoVariation"/>.</summary>
    public const double FastTempo = 1.5;

    /// <summary>
    /// A service call of about a minute: greeting, request, ID number, a hold where nobody speaks for
    /// <see cref="AcceptanceSilenceSeconds"/>, the customer barging in <see cref="AcceptanceOverlapSeconds"/> before
    /// the agent finishes, and a close. Turn gaps are 0.45-0.9 s.
    /// </summary>
    public static CallScript AcceptanceScript() => new CallScript("acceptance")
        .At(0.8).Agent("您 好 请问 有 什么 可以 帮 您")
        .Pause(0.6).Customer("wo3 xiang3 wen4 yi2 xia4 wo3 de1 ka3 bu4 neng2 yong4 le1")
        .Pause(0.8).Agent("好 的 请 您 提供 一下 身份 证 号码")
        .Pause(0.9).Customer("yi1 er4 san1 si4 wu3 liu4 qi1 ba1 jiu3")
        .Pause(0.5).Agent("好 的 请 您 稍 等 我 帮 您 查 一下")
        .Silence(AcceptanceSilenceSeconds).Agent("您 好 系统 显示 您 的 卡 已经 到期 了")
        .OverlapBy(AcceptanceOverlapSeconds).Customer("na4 zen3 me1 ban4")
        .Pause(0.7).Agent("您 可以 到 营业 厅 办理 也 可以 在 网 上 申请")
        .Pause(0.45).Customer("hao3 de1 xie4 xie4")
        .Pause(0.6).Agent("请问 您 还 有 什么 问题 需要 帮 您")
        .Pause(0.7).Customer("mei2 you3 le1")
        .Pause(0.5).Agent("感谢 您 的 耐心 等待 再见")
        .Pause(0.6).Customer("zai4 jian4");

    /// <summary>The acceptance call, stereo 16 kHz PCM unless <paramref name="options"/> say otherwise.</summary>
    public static RenderedCall Acceptance(RenderOptions? options = null) => AcceptanceScript().Render(options);

    /// <summary>
    /// Agent lines at the recorded tempo except one at <see cref="FastTempo"/> (find it by
    /// <see cref="UtteranceTruth.Tempo"/>), with short customer answers between.
    /// </summary>
    public static CallScript TempoVariationScript() => new CallScript("tempo-variation")
        .At(0.6).Agent("您 好 请问 有 什么 可以 帮 您")
        .Pause(0.7).Customer("wo3 xiang3 wen4 yi2 xia4")
        .Pause(0.6).Agent("好 的 请 您 提供 一下 身份 证 号码")
        .Pause(0.8).Customer("yi1 er4 san1 si4 wu3")
        .Pause(0.6).Agent("您 可以 到 营业 厅 办理 也 可以 在 网 上 申请", tempo: FastTempo)
        .Pause(0.5).Customer("hao3 de1")
        .Pause(0.7).Agent("系统 显示 您 的 卡 已经 到期 了")
        .Pause(0.6).Customer("na4 zen3 me1 ban4")
        .Pause(0.6).Agent("您 可以 使用 银行 卡 支付 费用")
        .Pause(0.6).Customer("hao3 de1 xie4 xie4")
        .Pause(0.5).Agent("感谢 您 的 耐心 等待 再见");

    public static RenderedCall TempoVariation(RenderOptions? options = null) => TempoVariationScript().Render(options);
}
