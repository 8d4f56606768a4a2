using CallMonitor.Storage.Calls;

namespace CallMonitor.Storage.Tests.Calls;

public sealed class SqliteCallStoreTests : CallStoreContract
{
    protected override async Task<ICallStore> CreateCallStoreAsync() => (await OpenAsync()).Calls;
}
