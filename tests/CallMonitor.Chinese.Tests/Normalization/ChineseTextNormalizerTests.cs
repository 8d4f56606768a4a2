using CallMonitor.Chinese.Normalization;

namespace CallMonitor.Chinese.Tests.Normalization;

public class ChineseTextNormalizerTests
{
    [TestCase("禮貌", "礼貌")]
    [TestCase("服務規範", "服务规范")]
    [TestCase("請問您還有什麼問題", "请问您还有什么问题")]
    public void Normalize_Traditional_BecomesSimplified(string text, string expected)
    {
        Assert.That(ChineseTextNormalizer.Normalize(text).Text, Is.EqualTo(expected));
    }

    [Test]
    public void Normalize_SimplifiedText_Unchanged()
    {
        // 干 后 里 面 are simplified characters that are also traditional forms of other words.
        const string text = "请问您还有什么问题干后里面著";
        Assert.That(ChineseTextNormalizer.Normalize(text).Text, Is.EqualTo(text));
    }

    [Test]
    public void Normalize_FullWidthLatinAndDigits_HalfWidthLowerCaseAndNumerals()
    {
        Assert.That(ChineseTextNormalizer.Normalize("ＡＢＣ１２３").Text, Is.EqualTo("abc一二三"));
    }

    [Test]
    public void Normalize_PhoneNumber_DigitsBecomeNumeralsAndMapBack()
    {
        const string original = "电话：138-0013 8000。";
        var normalized = ChineseTextNormalizer.Normalize(original);

        Assert.That(normalized.Text, Is.EqualTo("电话一三八零零一三八零零零"));
        var digits = normalized.ToSource(2, 11);
        Assert.That(original.Substring(digits.Start, digits.Length), Is.EqualTo("138-0013 8000"));
    }

    [Test]
    public void Normalize_ZeroForms_AllBecomeLing()
    {
        Assert.That(ChineseTextNormalizer.Normalize("0〇零０").Text, Is.EqualTo("零零零零"));
    }

    [Test]
    public void Normalize_DecimalPoint_ReadAsDian()
    {
        Assert.That(ChineseTextNormalizer.Normalize("利率3.5%。").Text, Is.EqualTo("利率三点五"));
    }

    [Test]
    public void Normalize_VoskSpacedWords_JoinedAndMappedIntoSpacedOriginal()
    {
        const string original = "不 清楚 你 问 我";
        var normalized = ChineseTextNormalizer.Normalize(original);

        Assert.That(normalized.Text, Is.EqualTo("不清楚你问我"));
        Assert.Multiple(() =>
        {
            for (var i = 0; i < normalized.Text.Length; i++)
            {
                var source = normalized.SourceOf(i);
                Assert.That(original.Substring(source.Start, source.Length), Is.EqualTo(normalized.Text[i].ToString()), $"char {i}");
            }

            var hit = normalized.Text.IndexOf("楚你问", StringComparison.Ordinal);
            var span = normalized.ToSource(hit, 3);
            Assert.That(original.Substring(span.Start, span.Length), Is.EqualTo("楚 你 问"));
        });
    }

    [Test]
    public void Normalize_Punctuation_RemovedChineseAndAscii()
    {
        const string original = "您好，请问！“服务”（测试）… OK? yes-no; 《规范》、【重要】";
        var normalized = ChineseTextNormalizer.Normalize(original);

        Assert.That(normalized.Text, Is.EqualTo("您好请问服务测试okyesno规范重要"));
    }

    [Test]
    public void Normalize_Mapping_TraditionalCharPointsToItsOriginal()
    {
        const string original = "您的 服務，很好";
        var normalized = ChineseTextNormalizer.Normalize(original);

        var at = normalized.Text.IndexOf('务', StringComparison.Ordinal);
        Assert.That(original[normalized.SourceOf(at).Start], Is.EqualTo('務'));
    }

    [Test]
    public void ToSource_EmptyRangeAtEnd_PointsPastOriginal()
    {
        const string original = "你好。";
        var normalized = ChineseTextNormalizer.Normalize(original);

        Assert.That(normalized.ToSource(normalized.Text.Length, 0), Is.EqualTo(new SourceSpan(original.Length, 0)));
    }

    [Test]
    public void Normalize_Empty_Empty()
    {
        var normalized = ChineseTextNormalizer.Normalize(string.Empty);

        Assert.Multiple(() =>
        {
            Assert.That(normalized.Text, Is.Empty);
            Assert.That(normalized.SourceMap, Is.Empty);
        });
    }
}
