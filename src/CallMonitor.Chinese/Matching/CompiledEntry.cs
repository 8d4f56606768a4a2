namespace CallMonitor.Chinese.Matching;

/// <summary>One string the automata look for: a pattern's phrase (Exception = -1) or one of its exceptions.</summary>
internal sealed record CompiledEntry(int Pattern, int Exception, string Text);
