namespace CallMonitor.Chinese.Matching;

/// <summary>The recognised words a hit covers and where it lies on the audio timeline.</summary>
/// <param name="FirstWord">Index of the first word the hit touches.</param>
/// <param name="WordCount">Number of words the hit touches.</param>
/// <param name="Start">Audio start of the hit, seconds (same timeline as the words).</param>
/// <param name="End">Audio end of the hit, seconds.</param>
public readonly record struct WordSpan(int FirstWord, int WordCount, double Start, double End);
