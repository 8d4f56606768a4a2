namespace CallMonitor.Server.Rules;

/// <summary>What a Rules call asks to do, for <see cref="RulesAuthorizer"/>.</summary>
public enum RulesOperation
{
    /// <summary>GetRulePack: read the pack in force or a stored one.</summary>
    Read,

    /// <summary>ValidateRulePack: check a pack without changing anything.</summary>
    Validate,

    /// <summary>PublishRulePack: put a pack in force (admin).</summary>
    Publish,
}
