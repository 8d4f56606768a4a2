using CallMonitor.Chinese.Privacy;

namespace CallMonitor.Chinese.Tests.Privacy;

/// <summary>Numbers next to each other, next to words, and glued to stray numerals.</summary>
public sealed class SensitiveNumberMaskerRunTests
{
    private static readonly SensitiveNumberMasker Masker = new();

    [Test]
    public void MaskWithSpans_PhoneIdAndCardInOneSentence_EachMaskedByItsKind()
    {
        const string phone = "13812345678";
        const string id = "11010119900307123X";
        const string card = "6222 0212 3456 7890";
        var text = $"手机{phone}，身份证{id}，卡号{card}。";

        var result = Masker.MaskWithSpans(text);

        Assert.Multiple(() =>
        {
            Assert.That(result.Text, Is.EqualTo($"手机{Planted.Masked(phone, 4)}，身份证{Planted.Masked(id, 0)}，卡号{Planted.Masked(card, 4)}。"));
            Assert.That(result.Spans.Select(s => (s.Kind, text[s.Start..s.End])), Is.EqualTo(new[]
            {
                (SensitiveNumberKind.Phone, phone),
                (SensitiveNumberKind.IdCard, id),
                (SensitiveNumberKind.BankCard, card),
            }));
        });
    }

    [Test]
    public void MaskWithSpans_TwoPhonesSeparatedOnlyByASpace_TwoPhones()
    {
        const string first = "13812345678";
        const string second = "13987654321";

        var result = Masker.MaskWithSpans($"{first} {second}");

        Assert.Multiple(() =>
        {
            Assert.That(result.Text, Is.EqualTo($"{Planted.Masked(first, 4)} {Planted.Masked(second, 4)}"));
            Assert.That(result.Spans.Select(s => s.Kind), Is.EqualTo(new[] { SensitiveNumberKind.Phone, SensitiveNumberKind.Phone }));
        });
    }

    [TestCase("", "九点前打过来", TestName = "Mask_PhoneFollowedByTime_TimeKept")]
    [TestCase("统一", "", TestName = "Mask_PhoneAfterWordEndingInNumeral_WordKept")]
    [TestCase("", "一下", TestName = "Mask_PhoneFollowedByYiXia_WordKept")]
    public void Mask_ChinesePhoneGluedToNumeralWord(string before, string after)
    {
        const string number = "一三八一二三四五六七八";

        var masked = Masker.Mask($"号码{before}{number}{after}");

        Assert.That(masked, Is.EqualTo($"号码{before}{Planted.Masked(number, 4)}{after}"));
    }

    [Test]
    public void Mask_PhoneDirectlyAfterChineseNumeral_NumeralKept()
    {
        Assert.That(Masker.Mask("说一13812345678"), Is.EqualTo("说一" + Planted.Masked("13812345678", 4)));
    }

    [Test]
    public void Mask_LettersSeparatedBySpace_NumberStillMasked()
    {
        Assert.That(Masker.Mask("VIP 13812345678"), Is.EqualTo("VIP " + Planted.Masked("13812345678", 4)));
    }

    [Test]
    public void Mask_PhoneWithYearAfterIt_NoSevenDigitsOfThePhoneReadable()
    {
        // Too many stray digits to tell where the phone ends: the whole run is masked rather than guessed.
        var masked = Masker.Mask("13812345678 2024年");

        Assert.That(masked, Does.Not.Contain("5678 2024").And.Not.Contain("1234567"));
    }

    [Test]
    public void Mask_FourSeparatorsBetweenGroups_GroupsJudgedApart()
    {
        const string text = "138    12345678";

        Assert.That(Masker.Mask(text), Is.SameAs(text));
    }

    [Test]
    public void Mask_ManyThreadsOneMasker_SameResultsAsOneThread()
    {
        var texts = Enumerable.Range(0, 2000)
            .Select(i => $"第{i}位客户，电话1{3 + (i % 7)}{i:D9}，卡号6222{i:D12}，订单{i:D12}。")
            .ToArray();
        var sequential = texts.Select(Masker.Mask).ToArray();

        var parallel = new string[texts.Length];
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = Masker.Mask(texts[i]));

        Assert.Multiple(() =>
        {
            Assert.That(parallel, Is.EqualTo(sequential));
            Assert.That(sequential, Has.All.Contain("*"), "every text has numbers to mask");
        });
    }
}
