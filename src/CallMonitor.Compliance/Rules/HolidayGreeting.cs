namespace CallMonitor.Compliance.Rules;

/// <summary>
/// A calendar entry: on the days from <see cref="From"/> to <see cref="To"/> (inclusive) the greeting should carry
/// one of <see cref="Greetings"/> (新年好, 中秋快乐 …). An <see cref="EveryYear"/> entry repeats on the same month
/// and day each year (its dates carry the placeholder year 2000) and may wrap past the new year.
/// </summary>
public sealed class HolidayGreeting
{
    private const int PlaceholderYear = 2000; // a leap year, so 02-29 is a valid recurring date

    internal HolidayGreeting(string name, IReadOnlyList<RulePhrase> greetings, DateOnly from, DateOnly to, bool everyYear)
    {
        Name = name;
        Greetings = Frozen.List(greetings);
        From = from;
        To = to;
        EveryYear = everyYear;
    }

    /// <summary>The holiday's name (春节, 国庆节 …).</summary>
    public string Name { get; }

    /// <summary>Greetings that fit the holiday, normalised.</summary>
    public IReadOnlyList<RulePhrase> Greetings { get; }

    /// <summary>First day (for <see cref="EveryYear"/> entries only the month and day matter).</summary>
    public DateOnly From { get; }

    /// <summary>Last day, inclusive.</summary>
    public DateOnly To { get; }

    /// <summary>Whether the entry repeats every year on the same month and day.</summary>
    public bool EveryYear { get; }

    /// <summary>Whether <paramref name="date"/> (the call's local date) falls in the entry.</summary>
    public bool Covers(DateOnly date)
    {
        if (!EveryYear)
        {
            return date >= From && date <= To;
        }

        var day = new DateOnly(PlaceholderYear, date.Month, date.Day);
        return From <= To ? day >= From && day <= To : day >= From || day <= To;
    }

    internal static DateOnly Recurring(int month, int day) => new(PlaceholderYear, month, day);

    public override string ToString() => EveryYear ? $"{Name} {From:MM-dd}..{To:MM-dd}" : $"{Name} {From:yyyy-MM-dd}..{To:yyyy-MM-dd}";
}
