using CallMonitor.Storage.RulePacks;

namespace CallMonitor.Storage.Tests.RulePacks;

public sealed class InMemoryRulePackStoreTests : RulePackStoreContract
{
    protected override Task<IRulePackStore> CreateStoreAsync(TimeProvider time) => Task.FromResult<IRulePackStore>(new InMemoryRulePackStore(time));
}
