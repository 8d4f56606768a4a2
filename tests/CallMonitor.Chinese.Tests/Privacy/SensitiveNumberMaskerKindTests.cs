using CallMonitor.Chinese.Privacy;

namespace CallMonitor.Chinese.Tests.Privacy;

public sealed class SensitiveNumberMaskerKindTests
{
    private const string Before = "好的，您的号码是";
    private const string After = "，对吗？";

    private static readonly SensitiveNumberMasker Masker = new();

    public static IEnumerable<TestCaseData> Numbers()
    {
        // Mobile numbers.
        yield return Case("13812345678", SensitiveNumberKind.Phone, "mobile, Arabic");
        yield return Case("138 1234 5678", SensitiveNumberKind.Phone, "mobile, spaced");
        yield return Case("138-1234-5678", SensitiveNumberKind.Phone, "mobile, hyphens");
        yield return Case("１３８１２３４５６７８", SensitiveNumberKind.Phone, "mobile, full-width");
        yield return Case("１３８　１２３４　５６７８", SensitiveNumberKind.Phone, "mobile, full-width with ideographic spaces");
        yield return Case("幺三八幺二三四五六七八", SensitiveNumberKind.Phone, "mobile, Chinese with 幺");
        yield return Case("么三八么二三四五六七八", SensitiveNumberKind.Phone, "mobile, Chinese with 么");
        yield return Case("一三九两两两两〇零三三", SensitiveNumberKind.Phone, "mobile, Chinese with 两 〇 零");
        yield return Case("一三八，一二三四，五六七八", SensitiveNumberKind.Phone, "mobile, Chinese with commas");
        yield return Case("一三八、一二三四、五六七八", SensitiveNumberKind.Phone, "mobile, Chinese with 、");
        yield return Case("一 三 八 一 二 三 四 五 六 七 八", SensitiveNumberKind.Phone, "mobile, one spaced word per digit (Vosk)");
        yield return Case("幺38 1234 五六七八", SensitiveNumberKind.Phone, "mobile, mixed");
        yield return Case("86 138 1234 5678", SensitiveNumberKind.Phone, "mobile with country code");

        // Landlines with area code.
        yield return Case("010-12345678", SensitiveNumberKind.Phone, "landline Beijing, hyphen");
        yield return Case("02164382917", SensitiveNumberKind.Phone, "landline Shanghai, no separator");
        yield return Case("0755 1234567", SensitiveNumberKind.Phone, "landline 4-digit area code, 7 digits");
        yield return Case("0755)12345678", SensitiveNumberKind.Phone, "landline, area code in parentheses");
        yield return Case("０２１－６４３８２９１７", SensitiveNumberKind.Phone, "landline, full-width");
        yield return Case("零二一 六四三八 二九一七", SensitiveNumberKind.Phone, "landline, Chinese");

        // Resident identity numbers.
        yield return Case("110101199003071234", SensitiveNumberKind.IdCard, "ID, Arabic");
        yield return Case("11010119900307123X", SensitiveNumberKind.IdCard, "ID ending in X");
        yield return Case("11010119900307123x", SensitiveNumberKind.IdCard, "ID ending in x");
        yield return Case("110101 19900307 1234", SensitiveNumberKind.IdCard, "ID, grouped");
        yield return Case("１１０１０１１９９００３０７１２３Ｘ", SensitiveNumberKind.IdCard, "ID, full-width");
        yield return Case("一一零一零一一九九零零三零七一二三四", SensitiveNumberKind.IdCard, "ID, Chinese");
        yield return Case("110101一九九零零三零七1234", SensitiveNumberKind.IdCard, "ID, mixed");
        yield return Case("110101900307123", SensitiveNumberKind.IdCard, "ID, first generation (15 digits)");

        // Bank cards.
        yield return Case("6222021234567890123", SensitiveNumberKind.BankCard, "card, 19 digits");
        yield return Case("6222 0212 3456 7890", SensitiveNumberKind.BankCard, "card, 16 digits grouped");
        yield return Case("6222-0212-3456-7890-123", SensitiveNumberKind.BankCard, "card, hyphens");
        yield return Case("６２２２０２１２３４５６７８９０", SensitiveNumberKind.BankCard, "card, full-width");
        yield return Case("六二二二零二一二三四五六七八九零", SensitiveNumberKind.BankCard, "card, Chinese");
        yield return Case("六二二二 0212 3456 七八九零", SensitiveNumberKind.BankCard, "card, mixed");
        yield return Case("622202123456789012", SensitiveNumberKind.BankCard, "card, 18 digits without a birth date");

        // Long numbers of no known shape.
        yield return Case("20240305143000", SensitiveNumberKind.Digits, "14 digits");
        yield return Case("12345678901234567890123", SensitiveNumberKind.Digits, "23 digits");
    }

    [TestCaseSource(nameof(Numbers))]
    public void Mask_PlantedNumber_MaskedKeepingOnlyItsKindsLastDigits(string number, SensitiveNumberKind kind)
    {
        var text = Before + number + After;

        var masked = Masker.Mask(text);

        Assert.That(masked, Is.EqualTo(Before + Planted.Masked(number, kind.VisibleDigits()) + After));
    }

    [TestCaseSource(nameof(Numbers))]
    public void MaskWithSpans_PlantedNumber_OneSpanOfItsKindOverTheNumber(string number, SensitiveNumberKind kind)
    {
        var result = Masker.MaskWithSpans(Before + number + After);

        Assert.That(result.Spans, Is.EqualTo(new[] { new MaskedSpan(Before.Length, number.Length, kind) }));
    }

    [TestCaseSource(nameof(Numbers))]
    public void Mask_PlantedNumber_LengthKeptAndOnlyDigitCharactersChanged(string number, SensitiveNumberKind kind)
    {
        var text = Before + number + After;

        var masked = Masker.Mask(text);

        Assert.That(masked, Has.Length.EqualTo(text.Length));
        var changed = Enumerable.Range(0, text.Length).Where(i => masked[i] != text[i]).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(changed.Select(i => masked[i]), Is.All.EqualTo(SensitiveNumberMasker.MaskChar));
            Assert.That(changed, Has.Count.EqualTo(Planted.Digits(number).Length - kind.VisibleDigits()));
            Assert.That(changed, Is.All.InRange(Before.Length, Before.Length + number.Length - 1));
        });
    }

    [TestCaseSource(nameof(Numbers))]
    public void Mask_AlreadyMaskedText_Unchanged(string number, SensitiveNumberKind kind)
    {
        var once = Masker.Mask(Before + number + After);

        Assert.That(Masker.Mask(once), Is.EqualTo(once), kind.ToWireName());
    }

    private static TestCaseData Case(string number, SensitiveNumberKind kind, string name) =>
        new TestCaseData(number, kind).SetArgDisplayNames(name);
}
