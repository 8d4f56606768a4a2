using CallMonitor.Compliance.Rules;

namespace CallMonitor.Compliance.Tests.Rules;

public sealed class CalendarAndTimeTests
{
    private static readonly RulePhrase Evening = new("晚上好", "晚上好", 1, 1);

    [TestCase(21, 0, true)]
    [TestCase(1, 30, true)]
    [TestCase(5, 59, true)]
    [TestCase(6, 0, false)]
    [TestCase(12, 0, false)]
    public void TimeOfDay_RangePastMidnight_Wraps(int hour, int minute, bool covered)
    {
        var greeting = new TimeOfDayGreeting(Evening, new TimeOnly(18, 0), new TimeOnly(6, 0));

        Assert.That(greeting.Covers(new TimeOnly(hour, minute)), Is.EqualTo(covered));
    }

    [TestCase("2026-12-30", true)]
    [TestCase("2027-01-02", true)]
    [TestCase("2027-01-03", false)]
    [TestCase("2026-06-01", false)]
    public void Holiday_EveryYearRangeOverNewYear_Wraps(string date, bool covered)
    {
        var holiday = new HolidayGreeting("新年", [Evening], HolidayGreeting.Recurring(12, 30), HolidayGreeting.Recurring(1, 2), everyYear: true);

        Assert.That(holiday.Covers(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(covered));
    }

    [Test]
    public void Holiday_DatedEntry_OnlyThatYear()
    {
        var holiday = new HolidayGreeting("春节", [Evening], new DateOnly(2026, 2, 16), new DateOnly(2026, 2, 23), everyYear: false);

        Assert.Multiple(() =>
        {
            Assert.That(holiday.Covers(new DateOnly(2026, 2, 17)), Is.True);
            Assert.That(holiday.Covers(new DateOnly(2027, 2, 17)), Is.False);
        });
    }

    [Test]
    public void Parse_CalendarEntryEndingBeforeItStarts_Rejected()
    {
        var yaml = PackText.With("    from: \"10-01\"\n    to: \"10-07\"", "    from: 2026-10-07\n    to: 2026-10-01");

        var ex = PackText.Rejected(yaml);

        Assert.Multiple(() =>
        {
            Assert.That(ex.Message, Does.Contain("ends (2026-10-01) before it starts"));
            Assert.That(ex.Line, Is.EqualTo(PackText.LineOf(yaml, "to: 2026-10-01")));
        });
    }

    [Test]
    public void Parse_RuleWithoutParameters_GetsSchemaDefaults()
    {
        var yaml = PackText.With("    parameters:\n      minSeconds: 8\n", string.Empty);

        var rule = PackText.Parse(yaml).Find("silence.one")!;

        Assert.Multiple(() =>
        {
            Assert.That(rule.Parameters.Number("minSeconds"), Is.EqualTo(8), "issue 4: 8 s dead air");
            Assert.That(rule.Parameters.Numbers.Keys, Does.Contain("announcementLookbackSeconds"));
        });
    }
}
