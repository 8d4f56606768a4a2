namespace CallMonitor.Classification;

/// <summary>What a supervisor would call an agent's utterance.</summary>
public enum UtteranceLabel
{
    /// <summary>Standard service language, or neutral service content.</summary>
    Standard,

    /// <summary>Rude, blaming, shirking or impatient language (态度生硬、推诿、顶撞、不耐烦…).</summary>
    Rude,
}
