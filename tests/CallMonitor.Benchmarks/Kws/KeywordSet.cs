using CallMonitor.Engines.SherpaOnnx.Kws;

namespace CallMonitor.Benchmarks.Kws;

/// <summary>The spotter's keyword list spelled from the pack phrases, and the phrases it could not spell.</summary>
internal sealed record KeywordSet(IReadOnlyList<KeywordSpec> Specs, IReadOnlyList<string> Unspellable, IReadOnlyList<string> Warnings)
{
    /// <param name="thresholds">Per-phrase thresholds that replace the pack's (the one-syllable sweep).</param>
    public static KeywordSet Build(KwsModelFiles model, IEnumerable<PackPhrase> phrases, IReadOnlyDictionary<string, float>? thresholds = null)
    {
        var builder = KeywordBuilder.For(model);
        var specs = new List<KeywordSpec>();
        var unspellable = new List<string>();
        var warnings = new List<string>();
        foreach (var phrase in phrases)
        {
            var threshold = thresholds is not null && thresholds.TryGetValue(phrase.Text, out var t) ? t : phrase.Threshold;
            try
            {
                var built = builder.Build([new KeywordPhrase(phrase.Text, threshold, phrase.Boost)]);
                specs.AddRange(built.Specs);
                warnings.AddRange(built.Warnings);
            }
            catch (KeywordSpellingException ex)
            {
                unspellable.Add($"{phrase.Text}: {ex.Message}");
            }
        }

        return new KeywordSet(specs, unspellable, warnings);
    }
}
