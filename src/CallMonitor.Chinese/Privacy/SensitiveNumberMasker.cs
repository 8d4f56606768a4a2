namespace CallMonitor.Chinese.Privacy;

/// <summary>
/// Masks the phone, identity and bank-card numbers in Chinese call text as recognisers and call-centre transcripts
/// write it, keeping every other character and the length of the text.
/// </summary>
/// <remarks>
/// <para>
/// Numbers are found as digits written in Arabic numerals (0-9 and full-width ０-９), Chinese numerals read digit by
/// digit (零〇一二三四五六七八九, 幺/么 for 1, 两 for 2) or a mix of both, with spaces, hyphens, commas or 、 between
/// groups ("138 1234 5678", "幺三八-幺二三四-五六七八", "0755)1234567"). Which shapes count is the table in
/// <see cref="NumberRules"/>: mobile numbers, landlines with area code, resident ID numbers (18 or 15 digits) and
/// card numbers of 16-19 digits; an unrecognised run of 13-15 or 20+ digits is masked too.
/// </para>
/// <para>
/// Quantities are left alone: positional numerals (一百二十元, 两千零二十四年) are not digit strings, and dates, times,
/// prices, staff numbers and order numbers of up to 12 digits are shorter than any rule. Digits glued to Latin letters
/// are codes (SF1234567890123, 1920x1080) and are left alone too.
/// </para>
/// <para>
/// Out of scope: a number spoken in pieces across fillers or words ("幺三八，嗯，幺二三四，对，五六七八"), digits
/// read as 洞/拐 (radio style) or X read as 叉, and financial numerals (壹贰叁). Each piece is judged on its own.
/// </para>
/// <para>
/// Each digit character is replaced by one <see cref="MaskChar"/>, so offsets and word timings stay valid; the last
/// digits of phone and card numbers stay readable (<see cref="SensitiveNumberKinds.VisibleDigits"/>). The masker's
/// only state is its rule table, which never changes: one instance can serve any number of threads.
/// </para>
/// </remarks>
public sealed class SensitiveNumberMasker
{
    /// <summary>What every masked digit character becomes.</summary>
    public const char MaskChar = '*';

    private readonly NumberRule[] _rules;
    private readonly int _minDigits;

    /// <summary>A masker with the rules of <see cref="NumberRules"/>.</summary>
    public SensitiveNumberMasker()
    {
        _rules = [.. NumberRules.All];
        _minDigits = _rules.Min(r => r.MinDigits);
    }

    /// <summary>A shared instance.</summary>
    public static SensitiveNumberMasker Default { get; } = new();

    /// <summary><paramref name="text"/> with its sensitive numbers masked; the same instance when there are none.</summary>
    public string Mask(string text) => MaskWithSpans(text).Text;

    /// <summary><paramref name="text"/> with its sensitive numbers masked, and where they were.</summary>
    public MaskedText MaskWithSpans(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = text.AsSpan().IndexOfAny(DigitCharacters.Starts);
        if (first < 0 || text.Length - first < _minDigits)
        {
            return new MaskedText(text, []);
        }

        char[]? masked = null;
        List<MaskedSpan>? spans = null;
        foreach (var run in DigitRuns.Find(text, first, _minDigits))
        {
            foreach (var number in RunSegmenter.Segment(run, _rules))
            {
                masked ??= text.ToCharArray();
                spans ??= [];
                var last = number.First + number.Count - 1;
                var hiddenEnd = number.First + number.Count - number.Kind.VisibleDigits();
                for (var u = number.First; u < hiddenEnd; u++)
                {
                    masked[run[u].Position] = MaskChar;
                }

                var start = run[number.First].Position;
                spans.Add(new MaskedSpan(start, run[last].Position + 1 - start, number.Kind));
            }
        }

        return masked is null || spans is null ? new MaskedText(text, []) : new MaskedText(new string(masked), spans);
    }
}
