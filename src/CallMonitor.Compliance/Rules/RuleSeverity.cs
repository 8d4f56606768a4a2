namespace CallMonitor.Compliance.Rules;

/// <summary>How much a violation of a rule matters. Wire names are the lower-case member names.</summary>
public enum RuleSeverity
{
    /// <summary>Worth knowing, not an agent fault (escalation cues, metrics).</summary>
    Info,

    /// <summary>A lapse in form (a missing courtesy, a habit such as filler words).</summary>
    Minor,

    /// <summary>A breach of the service standard (a forbidden phrase, a missing greeting or closing).</summary>
    Major,

    /// <summary>A breach the standards treat as grounds for a zero score or a complaint (abuse, hanging up on a customer).</summary>
    Critical,
}
