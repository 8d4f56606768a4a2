namespace CallMonitor.TestKit.Phrases;

/// <summary>Where a phrase was said in a rendered call, in seconds from the call start.</summary>
/// <param name="Exact">
/// True when the phrase starts and ends on unit boundaries (its times are exact); false when it starts or ends inside
/// a unit, whose times are then spread over the unit's characters evenly (an estimate).
/// </param>
public sealed record PhraseOccurrence(string Phrase, double Start, double End, bool Exact);
