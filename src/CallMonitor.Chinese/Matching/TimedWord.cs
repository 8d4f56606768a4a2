namespace CallMonitor.Chinese.Matching;

/// <summary>One recognised word with its audio times (seconds on any one timeline).</summary>
/// <param name="Text">The word as the recogniser spelled it.</param>
/// <param name="Start">Audio start, seconds.</param>
/// <param name="End">Audio end, seconds; not before <paramref name="Start"/>.</param>
public readonly record struct TimedWord(string Text, double Start, double End);
