namespace CallMonitor.Chinese.Privacy;

/// <summary>What a masked number was taken for. The wire names are given by <see cref="SensitiveNumberKinds.ToWireName"/>.</summary>
public enum SensitiveNumberKind
{
    /// <summary><c>phone</c>: a mobile number (1[3-9] and 9 more digits, optionally after 86) or a landline with its area code.</summary>
    Phone,

    /// <summary><c>id_card</c>: an 18-digit resident identity number (last character may be X) or an old 15-digit one.</summary>
    IdCard,

    /// <summary><c>bank_card</c>: a card or account number of 16 to 19 digits.</summary>
    BankCard,

    /// <summary><c>digits</c>: a long digit string that fits none of the other kinds (13 to 15 or 20 and more digits).</summary>
    Digits,
}
