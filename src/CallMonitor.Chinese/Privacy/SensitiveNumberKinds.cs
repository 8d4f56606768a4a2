namespace CallMonitor.Chinese.Privacy;

/// <summary>Names and masking policy of each <see cref="SensitiveNumberKind"/>.</summary>
public static class SensitiveNumberKinds
{
    /// <summary><c>phone</c>, <c>id_card</c>, <c>bank_card</c> or <c>digits</c>.</summary>
    public static string ToWireName(this SensitiveNumberKind kind) => kind switch
    {
        SensitiveNumberKind.Phone => "phone",
        SensitiveNumberKind.IdCard => "id_card",
        SensitiveNumberKind.BankCard => "bank_card",
        SensitiveNumberKind.Digits => "digits",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown sensitive number kind"),
    };

    /// <summary>
    /// How many trailing digits stay readable: 4 for phone and bank numbers (138****5678, the usual practice, enough
    /// for an agent to confirm "尾号5678"), none for identity numbers and unrecognised long numbers.
    /// </summary>
    public static int VisibleDigits(this SensitiveNumberKind kind) => kind switch
    {
        SensitiveNumberKind.Phone or SensitiveNumberKind.BankCard => 4,
        SensitiveNumberKind.IdCard or SensitiveNumberKind.Digits => 0,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown sensitive number kind"),
    };
}
