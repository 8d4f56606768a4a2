namespace CallMonitor.Compliance.Rules;

/// <summary>
/// A salutation that fits calls starting in [<see cref="From"/>, <see cref="To"/>) local time (上午好 from 08:30 to
/// 12:00). A range whose end is before its start wraps past midnight.
/// </summary>
public sealed record TimeOfDayGreeting(RulePhrase Phrase, TimeOnly From, TimeOnly To)
{
    /// <summary>Whether a call starting at <paramref name="localTime"/> falls in the range.</summary>
    public bool Covers(TimeOnly localTime) => From <= To
        ? localTime >= From && localTime < To
        : localTime >= From || localTime < To;
}
