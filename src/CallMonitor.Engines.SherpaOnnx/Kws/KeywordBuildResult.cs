namespace CallMonitor.Engines.SherpaOnnx.Kws;

/// <summary>What <see cref="KeywordBuilder"/> made of a list of phrases.</summary>
/// <param name="Specs">Every usable spelling; variants of one phrase share its <see cref="KeywordSpec.Phrase"/>.</param>
/// <param name="Warnings">Spellings dropped (a token the model does not know) and phrases given twice, for a log.</param>
public sealed record KeywordBuildResult(IReadOnlyList<KeywordSpec> Specs, IReadOnlyList<string> Warnings);
