namespace CallMonitor.Compliance.Rules;

/// <summary>Where a rule comes from: a seed standard (file name) and the clause or section in it.</summary>
/// <param name="Document">File name of the standard, e.g. <c>000_7a2e9ff7c9a0bf2e.txt</c>.</param>
/// <param name="Clause">The clause or section, as the document numbers or titles it.</param>
public sealed record RuleSource(string Document, string Clause)
{
    public override string ToString() => $"{Document} {Clause}";
}
