using CallMonitor.Storage.Calls;
using CallMonitor.Storage.Postgres.Tests.Support;
using CallMonitor.Storage.Tests.Calls;

namespace CallMonitor.Storage.Postgres.Tests.Calls;

[Category("Integration")]
public sealed class PostgresCallStoreTests : CallStoreContract
{
    private readonly PostgresDatabases _databases = new();

    [TearDown]
    public Task CloseStores() => _databases.DisposeAllAsync();

    protected override async Task<ICallStore> CreateCallStoreAsync() => (await _databases.OpenAsync()).Calls;
}
