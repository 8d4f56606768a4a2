namespace CallMonitor.Chinese.Privacy;

/// <summary>
/// The numbers masked, in order of preference when several fit the same digits (an 18-digit string with a birth
/// date where a resident ID has one is an ID; otherwise it is a card number).
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term>mobile</term><description>11 digits, 1[3-9]…; also with the country code 86 in front (13 digits).</description></item>
/// <item><term>landline</term><description>area code and number: 010/02x + 8 digits, 0[3-9]xx + 7 or 8 digits.
/// Without its area code a landline is 7-8 digits, as short as prices and ticket numbers, and is not masked;
/// 400/800 service numbers (10 digits) are the centre's own and are not masked.</description></item>
/// <item><term>resident ID</term><description>18 digits (the last may be X) with region digit 1-8 and a birth
/// date 19xx/20xx-MM-DD at digits 7-14; 15 digits with region 1-8 and YYMMDD at digits 7-12. The check digit is not
/// verified: one misrecognised digit must not let an ID through.</description></item>
/// <item><term>bank card</term><description>16 to 19 digits, any prefix.</description></item>
/// </list>
/// A run of 13 to 15 or 20 and more digits that fits none of these is masked whole as <see cref="SensitiveNumberKind.Digits"/>
/// (see <see cref="RunSegmenter"/>). 11- and 12-digit strings of another shape (order numbers) are left alone.
/// </remarks>
internal static class NumberRules
{
    public static IReadOnlyList<NumberRule> All { get; } =
    [
        new("mobile", SensitiveNumberKind.Phone, 11, 11, false, d => d[0] == 1 && d[1] >= 3),
        new("mobile with country code 86", SensitiveNumberKind.Phone, 13, 13, false, d => d[0] == 8 && d[1] == 6 && d[2] == 1 && d[3] >= 3),
        new("landline, area code 010 or 02x", SensitiveNumberKind.Phone, 11, 11, false, d => d[0] == 0 && (d[1] == 2 || (d[1] == 1 && d[2] == 0))),
        new("landline, area code 0[3-9]xx", SensitiveNumberKind.Phone, 11, 12, false, d => d[0] == 0 && d[1] >= 3),
        new("resident ID", SensitiveNumberKind.IdCard, 18, 18, true, IsResidentId),
        new("resident ID, first generation", SensitiveNumberKind.IdCard, 15, 15, false, IsOldResidentId),
        new("bank card", SensitiveNumberKind.BankCard, 16, 19, false, _ => true),
    ];

    /// <summary>The first of <paramref name="rules"/> that takes <paramref name="digits"/>, or null.</summary>
    public static NumberRule? Match(IReadOnlyList<NumberRule> rules, ReadOnlySpan<byte> digits)
    {
        foreach (var rule in rules)
        {
            if (rule.Matches(digits))
            {
                return rule;
            }
        }

        return null;
    }

    private static bool IsResidentId(ReadOnlySpan<byte> d) =>
        IsRegion(d[0]) && Number(d[6..8]) is 19 or 20 && IsMonthDay(Number(d[10..12]), Number(d[12..14]));

    private static bool IsOldResidentId(ReadOnlySpan<byte> d) =>
        IsRegion(d[0]) && IsMonthDay(Number(d[8..10]), Number(d[10..12]));

    private static bool IsRegion(byte first) => first is >= 1 and <= 8;

    private static bool IsMonthDay(int month, int day) => month is >= 1 and <= 12 && day is >= 1 and <= 31;

    private static int Number(ReadOnlySpan<byte> digits)
    {
        var n = 0;
        foreach (var d in digits)
        {
            n = (n * 10) + d;
        }

        return n;
    }
}
