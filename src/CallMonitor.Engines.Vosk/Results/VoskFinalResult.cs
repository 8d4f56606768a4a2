namespace CallMonitor.Engines.Vosk.Results;

/// <summary>A final result: one hypothesis, or the N-best list best first.</summary>
internal sealed record VoskFinalResult(IReadOnlyList<VoskHypothesis> Hypotheses)
{
    private static readonly VoskHypothesis Empty = new(string.Empty, [], null);

    public VoskHypothesis Best => Hypotheses.Count > 0 ? Hypotheses[0] : Empty;

    /// <summary>True when vosk heard nothing (silence or noise only).</summary>
    public bool IsEmpty => Best.Text.Length == 0 && Best.Words.Count == 0;

    /// <summary>The other readings' texts, best first, without the best text and without repeats.</summary>
    public IReadOnlyList<string> AlternativeTexts =>
        Hypotheses.Skip(1).Select(h => h.Text).Where(t => t.Length > 0 && t != Best.Text).Distinct(StringComparer.Ordinal).ToArray();
}
