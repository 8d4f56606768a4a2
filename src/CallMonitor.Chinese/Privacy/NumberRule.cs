namespace CallMonitor.Chinese.Privacy;

/// <summary>Tests the digits of a candidate number (0-9; 10 stands for X).</summary>
internal delegate bool DigitTest(ReadOnlySpan<byte> digits);

/// <summary>One shape of sensitive number: a length range and a test of its digits.</summary>
/// <param name="Name">For people reading the table and the tests.</param>
/// <param name="AllowsCheckLetter">The last character may be X (identity numbers); no other rule takes an X.</param>
internal sealed record NumberRule(
    string Name, SensitiveNumberKind Kind, int MinDigits, int MaxDigits, bool AllowsCheckLetter, DigitTest Test)
{
    public bool Matches(ReadOnlySpan<byte> digits)
    {
        if (digits.Length < MinDigits || digits.Length > MaxDigits)
        {
            return false;
        }

        var x = digits.IndexOf(DigitCharacters.CheckLetterValue);
        if (x >= 0 && !(AllowsCheckLetter && x == digits.Length - 1))
        {
            return false;
        }

        return Test(digits);
    }
}
