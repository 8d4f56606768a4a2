using CallMonitor.Compliance.Rules;
using CallMonitor.Storage.RulePacks;

namespace CallMonitor.Server.Rules;

/// <summary>The pack built into the service (<see cref="RulePack.Default"/>) as text, revision 0.</summary>
internal static class BuiltInRulePack
{
    private static readonly Lazy<RulePackRevision> Text = new(Read, LazyThreadSafetyMode.ExecutionAndPublication);

    public static RulePackRevision Revision => Text.Value;

    public static RulePack Pack => RulePack.Default;

    private static RulePackRevision Read()
    {
        using var stream = typeof(RulePack).Assembly.GetManifestResourceStream(RulePack.DefaultResourceName)
            ?? throw new RulePackException(RulePack.DefaultResourceName, null, null, "the default rule pack is not embedded in CallMonitor.Compliance; rebuild the project");
        using var reader = new StreamReader(stream);
        var yaml = reader.ReadToEnd();
        return new RulePackRevision(0, Pack.Id, Pack.Version, yaml, RulePackHash.Of(yaml), null, null);
    }
}
