namespace CallMonitor.Chinese.Matching;

/// <summary>A hit that a context exception of its pattern excused, and the exception that did it.</summary>
/// <param name="Match">The hit that would otherwise have been reported.</param>
/// <param name="Exception">The exception as written in the pattern, e.g. 您还有什么不清楚的地方吗.</param>
/// <param name="ExceptionStart">Start of the exception's occurrence in the original text.</param>
/// <param name="ExceptionLength">Length of that occurrence in the original text.</param>
/// <param name="ExceptionEvidence">The original text of that occurrence.</param>
public sealed record SuppressedMatch(
    PhraseMatch Match, string Exception, int ExceptionStart, int ExceptionLength, string ExceptionEvidence);
