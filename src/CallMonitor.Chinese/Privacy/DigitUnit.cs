namespace CallMonitor.Chinese.Privacy;

/// <summary>One digit character of a run.</summary>
/// <param name="Position">Offset in the text.</param>
/// <param name="Value">0-9, or <see cref="DigitCharacters.CheckLetterValue"/> for X.</param>
/// <param name="Blocked">Part of a letter-digit code (SF1234…, 1920x1080): never taken for a number.</param>
internal readonly record struct DigitUnit(int Position, byte Value, DigitScript Script, GapKind GapBefore, bool Blocked);
