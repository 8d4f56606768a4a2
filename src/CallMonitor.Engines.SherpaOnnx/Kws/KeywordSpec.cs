namespace CallMonitor.Engines.SherpaOnnx.Kws;

/// <summary>
/// One phrase the spotter listens for, already spelled in the model's tokens (for the WenetSpeech model: pinyin
/// initials and tone-marked finals, e.g. 你好 = "n", "ǐ", "h", "ǎo").
/// </summary>
/// <param name="Phrase">The phrase as reported in events (no whitespace, no '/').</param>
/// <param name="Tokens">Its spelling; every token must be in the model's tokens.txt.</param>
/// <param name="Threshold">Trigger threshold for this phrase (0..1, higher is stricter); null: the engine's.</param>
/// <param name="Boost">Score bonus per token during search (higher fires more easily); null: the engine's.</param>
public sealed record KeywordSpec(string Phrase, IReadOnlyList<string> Tokens, float? Threshold = null, float? Boost = null)
{
    /// <summary>Tokens joined with single spaces, as in events and keyword files.</summary>
    public string TokenText => string.Join(' ', Tokens);

    /// <summary>Builds a spec from space-separated tokens.</summary>
    public static KeywordSpec FromTokenText(string phrase, string tokenText, float? threshold = null, float? boost = null) =>
        new(phrase, tokenText.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), threshold, boost);
}
