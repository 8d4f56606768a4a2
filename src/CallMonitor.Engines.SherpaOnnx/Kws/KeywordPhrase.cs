namespace CallMonitor.Engines.SherpaOnnx.Kws;

/// <summary>A Chinese phrase to listen for, before it is spelled in the model's tokens.</summary>
/// <param name="Phrase">Chinese characters only (no spaces, Latin letters or digits), e.g. 不清楚.</param>
/// <param name="Threshold">
/// Trigger threshold for every spelling of this phrase (0..1, higher is stricter); null: the engine's. One-syllable
/// phrases such as 喂 fire on many other words: give them a higher threshold.
/// </param>
/// <param name="Boost">Score bonus per token for every spelling of this phrase; null: the engine's.</param>
public sealed record KeywordPhrase(string Phrase, float? Threshold = null, float? Boost = null);
