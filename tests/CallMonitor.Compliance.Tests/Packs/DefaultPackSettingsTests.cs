using System.Globalization;
using System.Text.RegularExpressions;
using CallMonitor.Compliance.Rules;

namespace CallMonitor.Compliance.Tests.Packs;

/// <summary>The default pack's thresholds, greeting schedule and calendar against the standards.</summary>
public sealed partial class DefaultPackSettingsTests
{
    private static RulePack Pack => RulePack.Default;

    private static Rule Single(RuleType type) => Pack.OfType(type).Single();

    [Test]
    public void SpeechRate_StandardFromSeed001_IsBetweenTheSlowAndFastBounds()
    {
        var clause = SeedDocuments.Section("001_40f0aef2a57d9914.txt", "语速:适中,", "左右");
        var standard = double.Parse(Digits().Match(clause).Value, CultureInfo.InvariantCulture);
        var fast = Single(RuleType.SpeechRateTooFast).Parameters;
        var slow = Single(RuleType.SpeechRateTooSlow).Parameters;

        Assert.Multiple(() =>
        {
            Assert.That(fast.Number("standardCharsPerMinute"), Is.EqualTo(standard));
            Assert.That(slow.Number("standardCharsPerMinute"), Is.EqualTo(standard));
            Assert.That(fast.Number("maxCharsPerMinute"), Is.EqualTo(180), "issue 4: too fast above 180");
            Assert.That(slow.Number("minCharsPerMinute"), Is.LessThan(standard));
            Assert.That(standard / slow.Number("minCharsPerMinute"), Is.EqualTo(fast.Number("maxCharsPerMinute") / standard).Within(1e-9),
                "the slow bound sits as far below the standard (as a ratio) as the fast bound above it");
        });
    }

    [Test]
    public void SilenceAndHold_Thresholds_AreTheIssueFigures()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Single(RuleType.LongSilence).Parameters.Number("minSeconds"), Is.EqualTo(8));
            Assert.That(Single(RuleType.HoldTooLong).Parameters.Number("maxHoldSeconds"), Is.EqualTo(120));
            Assert.That(Single(RuleType.LongSilence).Phrases("announcements").Select(p => p.Text), Does.Contain("请您稍等"));
            Assert.That(Single(RuleType.HoldWithoutThanks).Phrases("thanks").Select(p => p.Text), Does.Contain("让您久等了"));
            Assert.That(Single(RuleType.HoldTooLong).Phrases("apologies"), Is.Not.Empty);
        });
    }

    [TestCase("上午好", "上午", 8, 30, 12, 0)]
    [TestCase("下午好", "下午", 12, 0, 17, 0)]
    public void Greeting_TimeOfDayRange_FollowsSeed004(string phrase, string label, int fromH, int fromM, int toH, int toM)
    {
        var seed = SeedDocuments.Read("004_e9d0d5c8ca19d645.txt");
        Assert.That(seed, Does.Contain($"{label}({fromH}:{fromM:00}-{toH}:{toM:00})"), "the seed's range");
        var entry = Single(RuleType.MissingGreeting).TimeOfDay.Single(t => t.Phrase.Text == phrase);

        Assert.Multiple(() =>
        {
            Assert.That(entry.From, Is.EqualTo(new TimeOnly(fromH, fromM)));
            Assert.That(entry.To, Is.EqualTo(new TimeOnly(toH, toM)));
        });
    }

    [TestCase(9, 0, "上午好")]
    [TestCase(14, 30, "下午好")]
    [TestCase(19, 0, "晚上好")]
    public void Greeting_CallStartingAt_HasFittingSalutation(int hour, int minute, string expected)
    {
        var fitting = Single(RuleType.MissingGreeting).TimeOfDay.Where(t => t.Covers(new TimeOnly(hour, minute))).Select(t => t.Phrase.Text);

        Assert.Multiple(() =>
        {
            Assert.That(fitting, Does.Contain(expected));
            Assert.That(fitting, Has.None.EqualTo(expected == "下午好" ? "上午好" : "下午好"));
        });
    }

    [Test]
    public void Greeting_LateNight_HasNoTimeOfDaySalutationButNinHaoAlwaysFits()
    {
        var greeting = Single(RuleType.MissingGreeting);

        Assert.Multiple(() =>
        {
            Assert.That(greeting.TimeOfDay.Where(t => t.Covers(new TimeOnly(23, 30))), Is.Empty);
            Assert.That(greeting.Phrases("salutations").Select(p => p.Text), Does.Contain("您好"));
            Assert.That(greeting.Phrases("offers").Select(p => p.Text), Does.Contain("有什么可以帮您"));
        });
    }

    [TestCase("2026-02-17", "春节", "新年好")]
    [TestCase("2025-01-28", "春节", "新年好")]
    [TestCase("2031-10-03", "国庆节", "国庆快乐")]
    [TestCase("2026-01-01", "元旦", "新年好")]
    [TestCase("2026-09-25", "中秋节", "中秋快乐")]
    public void Calendar_Holiday_HasItsGreeting(string date, string name, string greeting)
    {
        var holidays = Pack.HolidaysOn(DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(holidays.Select(h => h.Name), Does.Contain(name));
            Assert.That(holidays.SelectMany(h => h.Greetings).Select(g => g.Text), Does.Contain(greeting));
        });
    }

    [TestCase("2026-03-10")]
    [TestCase("2026-02-24")]
    [TestCase("2031-10-08")]
    public void Calendar_OrdinaryDay_HasNoHoliday(string date)
    {
        Assert.That(Pack.HolidaysOn(DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture)), Is.Empty);
    }

    [Test]
    public void Closing_HasOfferThanksAndFarewell()
    {
        var closing = Single(RuleType.MissingClosing);

        Assert.Multiple(() =>
        {
            Assert.That(closing.Phrases("offers").Select(p => p.Text), Does.Contain("还有什么可以帮您"));
            Assert.That(closing.Phrases("thanks").Select(p => p.Text), Does.Contain("感谢您的来电"));
            Assert.That(closing.Phrases("farewells").Select(p => p.Text), Does.Contain("再见"));
        });
    }

    [Test]
    public void SilentCall_RepeatsAndWaitFollowSeed004()
    {
        var seed = SeedDocuments.Read("004_e9d0d5c8ca19d645.txt");
        var rule = Single(RuleType.SilentCallProtocol);

        Assert.Multiple(() =>
        {
            Assert.That(seed, Does.Contain("稍停5秒").And.Contain("反復三次"));
            Assert.That(rule.Parameters.Number("silenceSeconds"), Is.EqualTo(5));
            Assert.That(rule.Parameters.Number("requiredPrompts"), Is.EqualTo(3));
        });
    }

    [Test]
    public void Interruption_BackchannelsFromSeed004_AreNotInterruptions()
    {
        var seed = SeedDocuments.Read("004_e9d0d5c8ca19d645.txt");
        var backchannels = Single(RuleType.Interruption).Phrases("backchannels").Select(p => p.Text);

        Assert.Multiple(() =>
        {
            Assert.That(seed, Does.Contain("可以用“是”、“對”等輕聲附和"));
            Assert.That(backchannels, Does.Contain("是").And.Contain("对"));
            Assert.That(Single(RuleType.Interruption).Parameters.Number("minOverlapSeconds"), Is.GreaterThan(0));
        });
    }

    [Test]
    public void Parameters_UnknownName_ThrowsNamingTheRule()
    {
        var parameters = Single(RuleType.LongSilence).Parameters;

        Assert.That(() => parameters.Number("maxSeconds"),
            Throws.InstanceOf<KeyNotFoundException>().With.Message.Contains("hold.dead_air").And.Message.Contains("minSeconds"));
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
