using CallMonitor.Storage.Errors;
using CallMonitor.Storage.Resilience;
using CallMonitor.Storage.Sqlite;
using CallMonitor.Storage.Tests.Support;
using Microsoft.Data.Sqlite;
using Polly.CircuitBreaker;

namespace CallMonitor.Storage.Tests.Resilience;

public sealed class StorageWriteResilienceTests : StorageTestBase
{
    private const int Busy = 5;
    private const int IoError = 10;
    private const int Constraint = 19;

    private static readonly StorageResilienceOptions Quick = new()
    {
        MaxRetryAttempts = 3,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        MinimumThroughput = 4,
        FailureRatio = 0.5,
        BreakDuration = TimeSpan.FromSeconds(30),
    };

    [Test]
    [CancelAfter(30_000)]
    public async Task ExecuteAsync_BusyTwiceThenSuccess_RetriesAndReturnsResult(CancellationToken token)
    {
        var resilience = new StorageWriteResilience(Quick with { MinimumThroughput = 100 }, TimeProvider.System, "test.db");
        var attempts = 0;

        var result = await resilience.ExecuteAsync(_ => ++attempts <= 2
            ? throw new SqliteException("database is locked", Busy)
            : ValueTask.FromResult(42), token);

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(42));
            Assert.That(attempts, Is.EqualTo(3));
            Assert.That(resilience.RetryCount, Is.EqualTo(2));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public void ExecuteAsync_ConstraintViolation_NotRetriedAndNotWrapped(CancellationToken token)
    {
        var resilience = new StorageWriteResilience(Quick, TimeProvider.System, "test.db");
        var attempts = 0;

        var ex = Assert.ThrowsAsync<SqliteException>(() => resilience.ExecuteAsync<int>(_ =>
        {
            attempts++;
            throw new SqliteException("constraint failed", Constraint);
        }, token));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.SqliteErrorCode, Is.EqualTo(Constraint));
            Assert.That(attempts, Is.EqualTo(1));
            Assert.That(resilience.CircuitState, Is.EqualTo(CircuitState.Closed));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public void ExecuteAsync_BusyThroughEveryRetry_StorageUnavailableNamingTheTarget(CancellationToken token)
    {
        var resilience = new StorageWriteResilience(Quick with { MinimumThroughput = 100 }, TimeProvider.System, "/data/cm.db");
        var attempts = 0;

        var ex = Assert.ThrowsAsync<StorageUnavailableException>(() => resilience.ExecuteAsync<int>(_ =>
        {
            attempts++;
            throw new SqliteException("database is locked", Busy);
        }, token));

        Assert.Multiple(() =>
        {
            Assert.That(attempts, Is.EqualTo(1 + Quick.MaxRetryAttempts));
            Assert.That(ex!.Message, Does.Contain("/data/cm.db"));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task AppendAsync_DiskFailingRepeatedly_CircuitOpensThenClosesAfterBreak(CancellationToken token)
    {
        var factory = new SwitchableConnectionFactory(DatabasePath);
        var time = new ManualTimeProvider();
        await using var storage = await SqliteStorage.OpenWithAsync(factory, Quick, time, SchemaMigrations.All, token);

        factory.FailWith = IoError;
        // I/O errors are not retried, so each append is one failed attempt; the breaker needs MinimumThroughput of them.
        for (var i = 0; i < Quick.MinimumThroughput; i++)
        {
            Assert.ThrowsAsync<StorageUnavailableException>(() => storage.Events.AppendAsync(Support.Events.Violation($"e{i}"), token));
        }

        var opensWhenOpened = factory.Opens;
        var shortCircuited = Assert.ThrowsAsync<StorageUnavailableException>(() => storage.Events.AppendAsync(Support.Events.Violation("blocked"), token));
        var stateWhileOpen = storage.Resilience.CircuitState;
        var opensAfterBlocked = factory.Opens;

        factory.FailWith = null;
        time.Advance(Quick.BreakDuration + TimeSpan.FromSeconds(1));
        var position = await storage.Events.AppendAsync(Support.Events.Violation("after-break"), token);

        Assert.Multiple(() =>
        {
            Assert.That(stateWhileOpen, Is.EqualTo(CircuitState.Open));
            Assert.That(shortCircuited!.Message, Does.Contain("circuit open"));
            Assert.That(shortCircuited.InnerException, Is.InstanceOf<BrokenCircuitException>());
            Assert.That(opensAfterBlocked, Is.EqualTo(opensWhenOpened), "an open circuit does not touch the database");
            Assert.That(position, Is.EqualTo(1), "failed appends stored nothing");
            Assert.That(storage.Resilience.CircuitState, Is.EqualTo(CircuitState.Closed));
        });
    }

    [Test]
    public void Constructor_InvalidOptions_StorageConfigurationNamingTheOption()
    {
        Assert.Multiple(() =>
        {
            AssertRejected(Quick with { MaxRetryAttempts = -1 }, nameof(StorageResilienceOptions.MaxRetryAttempts));
            AssertRejected(Quick with { AttemptTimeout = TimeSpan.FromMinutes(5) }, nameof(StorageResilienceOptions.AttemptTimeout));
            AssertRejected(Quick with { MinimumThroughput = 1 }, nameof(StorageResilienceOptions.MinimumThroughput));
            AssertRejected(Quick with { BreakDuration = TimeSpan.Zero }, nameof(StorageResilienceOptions.BreakDuration));
            AssertRejected(Quick with { RetryBaseDelay = TimeSpan.Zero }, nameof(StorageResilienceOptions.RetryBaseDelay));
        });
    }

    private static void AssertRejected(StorageResilienceOptions options, string option)
    {
        var ex = Assert.Throws<StorageConfigurationException>(() => _ = new StorageWriteResilience(options, TimeProvider.System, "x.db"));
        Assert.That(ex!.Message, Does.Contain(option));
    }
}
