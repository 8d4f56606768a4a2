using CallMonitor.Chinese.Privacy;

namespace CallMonitor.Chinese.Tests.Privacy;

/// <summary>What agents say that holds numbers but no personal number: it must come out exactly as it went in.</summary>
public sealed class SensitiveNumberMaskerQuantityTests
{
    private static readonly SensitiveNumberMasker Masker = new();

    [TestCase("这个套餐每月一百二十八元，包含二十G流量。", TestName = "Mask_PriceInPositionalNumerals_Unchanged")]
    [TestCase("一共是一万二千三百四十五元六角，两千零二十四年开的户。", TestName = "Mask_LargePositionalNumerals_Unchanged")]
    [TestCase("金额是1,234,567.89元，手续费12.5元。", TestName = "Mask_AmountWithThousandsSeparators_Unchanged")]
    [TestCase("您是2024年3月5日办理的，2024-03-05 14:30到账。", TestName = "Mask_DatesAndTimes_Unchanged")]
    [TestCase("营业时间是上午9:00-18:30，周末8:30-12:00。", TestName = "Mask_OpeningHours_Unchanged")]
    [TestCase("我的工号是10086，也可以说工号幺零零八六，或者工号 123456。", TestName = "Mask_StaffNumbers_Unchanged")]
    [TestCase("您的订单号是202403051234，请记好。", TestName = "Mask_TwelveDigitOrderNumber_Unchanged")]
    [TestCase("订单号是幺二三四五六七八九零幺二。", TestName = "Mask_TwelveChineseDigitOrderNumberOfNoPhoneShape_Unchanged")]
    [TestCase("请拨打客服热线400-050-0827或者800-820-8820。", TestName = "Mask_ServiceHotlines_Unchanged")]
    [TestCase("请参照第1、2、3、4、5、6、7、8、9、10、11条。", TestName = "Mask_NumberedList_Unchanged")]
    [TestCase("价格分别是100、200、300、400、500元。", TestName = "Mask_ListOfPrices_Unchanged")]
    [TestCase("快递单号SF1234567890123，分辨率1920x1080。", TestName = "Mask_LetterDigitCodes_Unchanged")]
    [TestCase("请您一五一十地说明，三三两两，乱七八糟，九九八十一。", TestName = "Mask_IdiomsWithNumerals_Unchanged")]
    [TestCase("利率是3.85%，第一次、第二次都可以。", TestName = "Mask_RatesAndOrdinals_Unchanged")]
    [TestCase("请拨12315、95588或者10010。", TestName = "Mask_ShortServiceNumbersInAList_Unchanged")]
    public void Mask_Quantity(string text)
    {
        var masked = Masker.Mask(text);

        Assert.That(masked, Is.SameAs(text), $"masked to: {masked}");
    }

    [Test]
    public void Mask_TextWithoutDigits_SameInstance()
    {
        const string text = "您好，很高兴为您服务，请问有什么可以帮您？";

        Assert.That(Masker.Mask(text), Is.SameAs(text));
    }

    [TestCase("")]
    [TestCase("1")]
    [TestCase("一")]
    public void MaskWithSpans_TinyText_NoSpans(string text)
    {
        var result = Masker.MaskWithSpans(text);

        Assert.Multiple(() =>
        {
            Assert.That(result.Text, Is.EqualTo(text));
            Assert.That(result.Spans, Is.Empty);
            Assert.That(result.Changed, Is.False);
        });
    }

    [Test]
    public void Mask_MeAsWordEnding_NotReadAsOne()
    {
        // 么 after 怎 ends the word 怎么; read as 1 it would complete the ten digits after it into a mobile number.
        const string text = "怎么三八一二三四五六七八";

        Assert.That(Masker.Mask(text), Is.SameAs(text));
    }

    [Test]
    public void Mask_MeAfterOtherWord_ReadAsOne()
    {
        const string number = "么三八一二三四五六七八";

        Assert.That(Masker.Mask("是" + number), Is.EqualTo("是" + Planted.Masked(number, 4)));
    }

    [Test]
    public void Mask_Null_Throws()
    {
        Assert.That(() => Masker.Mask(null!), Throws.ArgumentNullException);
    }
}
