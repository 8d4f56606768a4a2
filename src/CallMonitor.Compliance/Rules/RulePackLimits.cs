namespace CallMonitor.Compliance.Rules;

/// <summary>
/// Bounds on what a rule pack may contain, so a hostile or broken pack is rejected quickly instead of exhausting
/// memory or time. Each is far above what a real pack needs (the default pack is about 40 KB and 300 phrases).
/// </summary>
public static class RulePackLimits
{
    /// <summary>Largest pack file, in bytes (UTF-8).</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>Most phrases, exceptions and patterns over all rules and metrics.</summary>
    public const int MaxPhrases = 20_000;

    /// <summary>Deepest nesting of mappings and lists.</summary>
    public const int MaxDepth = 16;

    /// <summary>Most YAML nodes visited while reading (bounds alias expansion, the "billion laughs").</summary>
    public const int MaxNodes = 200_000;

    /// <summary>Most rules.</summary>
    public const int MaxRules = 1_000;

    /// <summary>Longest phrase, in characters as written.</summary>
    public const int MaxPhraseLength = 100;

    /// <summary>Longest regular expression, in characters.</summary>
    public const int MaxRegexLength = 200;

    /// <summary>Timeout given to every compiled pattern (a second guard; NonBacktracking patterns run in linear time).</summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);
}
