namespace CallMonitor.Chinese.Privacy;

/// <summary>
/// Finds the numbers in one digit run. A run may hold one number, several (two phones read one after the other), or a
/// number with stray digits glued on ("一三八…五六七八九点" where 九点 is a time), so it is cut into pieces: recognised
/// numbers (<see cref="NumberRules"/>), at most <see cref="StrayDigits"/> stray digits at either end of a stretch,
/// a whole stretch of 13+ digits that fits no rule (<see cref="SensitiveNumberKind.Digits"/>), and digits left alone.
/// The cut that accounts for the most digits wins; ties go to more digits in recognised numbers, then fewer pieces.
/// </summary>
/// <remarks>
/// <para>
/// Where a run may be cut: at a separator, where Arabic and Chinese digits meet, and between two Chinese digits
/// (unspaced Chinese text glues numerals of neighbouring words onto a number: 一下, 九点, 统一). Touching Arabic digits
/// are never cut: a written 12-digit order number is one number, not a phone number and a digit.
/// </para>
/// <para>
/// A stretch is a part of the run with no comma or 、 inside and no letter-digit code. A comma or 、 joins groups into
/// one number only when both sides have at least 3 digits ("138，1234，5678" but not "1、2、3").
/// </para>
/// <para>
/// Why stray digits are capped at 2: when a stretch is accounted for, the digits left readable in a row are at most
/// the 4 kept of a number and 2 strays, so no 7 digits of a number are ever readable together; with more strays the
/// whole stretch is masked as digits instead ("2024 13812345678" loses its year, on the safe side).
/// </para>
/// </remarks>
internal static class RunSegmenter
{
    private const int MinListGroup = 3;
    private const int MinUnknownDigits = 13;
    private const int StrayDigits = 2;

    public static List<RecognizedNumber> Segment(DigitUnit[] units, IReadOnlyList<NumberRule> rules)
    {
        var minDigits = rules.Min(r => r.MinDigits);
        var maxDigits = rules.Max(r => r.MaxDigits);
        var n = units.Length;
        var canCut = CutPoints(units);
        var badGaps = BadListGaps(units);
        var blocked = new int[n + 1];
        for (var k = 0; k < n; k++)
        {
            blocked[k + 1] = blocked[k] + (units[k].Blocked ? 1 : 0);
        }

        var best = new (int Covered, int Specific, int Pieces)[n + 1];
        var choice = new (int From, SensitiveNumberKind? Kind)[n + 1];
        Span<byte> digits = stackalloc byte[maxDigits];
        var stretchStart = 0;
        for (var k = 1; k <= n; k++)
        {
            if (units[k - 1].GapBefore == GapKind.List || units[k - 1].Blocked != (k > 1 && units[k - 2].Blocked))
            {
                stretchStart = k - 1;
            }

            best[k] = best[k - 1];
            choice[k] = (k - 1, null);
            if (!canCut[k])
            {
                continue;
            }

            var stretchEnds = k == n || units[k].GapBefore == GapKind.List || units[k].Blocked != units[k - 1].Blocked;
            for (var length = 1; length <= Math.Min(StrayDigits, k - stretchStart); length++)
            {
                if (canCut[k - length] && (stretchEnds || k - length == stretchStart))
                {
                    Consider(best, choice, k - length, k, length, 0, null);
                }
            }

            for (var length = minDigits; length <= Math.Min(maxDigits, k); length++)
            {
                var j = k - length;
                if (!canCut[j] || blocked[k] != blocked[j] || badGaps[k - 1] != badGaps[j])
                {
                    continue;
                }

                for (var d = 0; d < length; d++)
                {
                    digits[d] = units[j + d].Value;
                }

                if (NumberRules.Match(rules, digits[..length]) is { } rule)
                {
                    Consider(best, choice, j, k, length, length, rule.Kind);
                }
            }

            var whole = k - stretchStart;
            if (stretchEnds && whole >= MinUnknownDigits && !units[stretchStart].Blocked)
            {
                Consider(best, choice, stretchStart, k, whole, 0, SensitiveNumberKind.Digits);
            }
        }

        var found = new List<RecognizedNumber>();
        for (var k = n; k > 0;)
        {
            var (from, kind) = choice[k];
            if (kind is { } recognised)
            {
                found.Add(new RecognizedNumber(from, k - from, recognised));
            }

            k = from;
        }

        found.Reverse();
        return found;
    }

    private static void Consider(
        (int Covered, int Specific, int Pieces)[] best, (int From, SensitiveNumberKind? Kind)[] choice,
        int from, int to, int covered, int specific, SensitiveNumberKind? kind)
    {
        var b = best[from];
        var candidate = (b.Covered + covered, b.Specific + specific, b.Pieces + 1);
        var current = best[to];
        if (candidate.Item1 > current.Covered
            || (candidate.Item1 == current.Covered && candidate.Item2 > current.Specific)
            || (candidate.Item1 == current.Covered && candidate.Item2 == current.Specific && candidate.Item3 < current.Pieces))
        {
            best[to] = candidate;
            choice[to] = (from, kind);
        }
    }

    /// <summary>canCut[k]: a number may start or end between unit k-1 and unit k (always at both ends).</summary>
    private static bool[] CutPoints(DigitUnit[] units)
    {
        var canCut = new bool[units.Length + 1];
        canCut[0] = true;
        canCut[units.Length] = true;
        for (var k = 1; k < units.Length; k++)
        {
            var (before, after) = (units[k - 1], units[k]);
            canCut[k] = after.Script != DigitScript.CheckLetter
                && (after.GapBefore != GapKind.None
                    || before.Script != after.Script
                    || (before.Script == DigitScript.Chinese && after.Script == DigitScript.Chinese));
        }

        return canCut;
    }

    /// <summary>
    /// Prefix counts of commas/、 a number may not span: badGaps[b] counts such gaps before units 1..b, so a piece
    /// from unit j to unit k-1 spans one when badGaps[k-1] != badGaps[j].
    /// </summary>
    private static int[] BadListGaps(DigitUnit[] units)
    {
        // Group sizes between list gaps.
        var groupSize = new int[units.Length];
        for (var start = 0; start < units.Length;)
        {
            var end = start + 1;
            while (end < units.Length && units[end].GapBefore != GapKind.List)
            {
                end++;
            }

            for (var k = start; k < end; k++)
            {
                groupSize[k] = end - start;
            }

            start = end;
        }

        var bad = new int[units.Length];
        for (var b = 1; b < units.Length; b++)
        {
            var isBad = units[b].GapBefore == GapKind.List && (groupSize[b - 1] < MinListGroup || groupSize[b] < MinListGroup);
            bad[b] = bad[b - 1] + (isBad ? 1 : 0);
        }

        return bad;
    }
}
