namespace CallMonitor.Chinese.Privacy;

/// <summary>How a digit is written.</summary>
internal enum DigitScript : byte
{
    /// <summary>0-9 or full-width ０-９.</summary>
    Arabic,

    /// <summary>零〇一二三四五六七八九, 幺/么, 两.</summary>
    Chinese,

    /// <summary>The X (check character) closing an identity number.</summary>
    CheckLetter,
}
