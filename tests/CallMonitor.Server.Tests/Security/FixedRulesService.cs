using CallMonitor.Contracts.V1;
using CallMonitor.Server.Security;
using Grpc.Core;
using RulesContract = CallMonitor.Contracts.V1.Rules;

namespace CallMonitor.Server.Tests.Security;

/// <summary>The contract's Rules service with fixed answers: reading names the caller; publishing needs an admin key.</summary>
public sealed class FixedRulesService : RulesContract.RulesBase
{
    public override Task<RulePackDocument> GetRulePack(GetRulePackRequest request, ServerCallContext context) =>
        Task.FromResult(new RulePackDocument { Id = "fixed", Version = "1.0.0", Yaml = CallerIdentity.Of(context).Name });

    public override Task<PublishResult> PublishRulePack(RulePackDocument request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        CallerIdentity.Of(context).RequireAdmin("publishing a rule pack");
        return Task.FromResult(new PublishResult { Id = request.Id, Version = request.Version });
    }
}
