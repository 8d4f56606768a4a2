namespace CallMonitor.Reporting.Reports;

/// <summary>A violation (or supervisor alert) in the report; times in seconds from call start.</summary>
/// <param name="Type">Wire name: forbidden_phrase, missing_greeting, … escalation_cue.</param>
/// <param name="Severity">info, minor, major or critical.</param>
/// <param name="Speaker">The speaker the rule judged (agent, customer, or conversation).</param>
/// <param name="Phrase">The rule's phrase that matched, when one did.</param>
/// <param name="Evidence">What was said or measured.</param>
/// <param name="Source">The main source: transcript, vosk, kws, acoustic or classifier.</param>
/// <param name="Sources">Every source that agreed (fused hits list several).</param>
/// <param name="Confidence">0..1.</param>
public sealed record ViolationInfo(
    string Id,
    string RuleId,
    string Type,
    string Severity,
    string Speaker,
    double Start,
    double End,
    string? Phrase,
    string Evidence,
    string Source,
    IReadOnlyList<string> Sources,
    double Confidence);
