namespace CallMonitor.Chinese.Privacy;

/// <summary>A number found in a run: <paramref name="Count"/> digits from unit <paramref name="First"/>.</summary>
internal readonly record struct RecognizedNumber(int First, int Count, SensitiveNumberKind Kind);
