using CallMonitor.Engines.Vosk.Results;

namespace CallMonitor.Engines.Vosk.Tests.Results;

public class TokenTextJoinerTests
{
    [TestCase("您好 请问 有 什么 可以 帮 您", "您好请问有什么可以帮您")]
    [TestCase("VIP 客户", "VIP客户")]
    [TestCase("iphone 12 手机", "iphone 12手机")]
    [TestCase("a b", "a b")]
    [TestCase("  两个  空格  ", "两个空格")]
    [TestCase("", "")]
    public void JoinSpaced_VoskTokens_RemovesSpacesExceptBetweenLatinOrDigitTokens(string spaced, string expected) =>
        Assert.That(TokenTextJoiner.JoinSpaced(spaced), Is.EqualTo(expected));

    [Test]
    public void Join_TokensWithEmptyEntries_SkipsThem() =>
        Assert.That(TokenTextJoiner.Join(["第", "", " ", "3", "4", "号"]), Is.EqualTo("第3 4号"));
}
