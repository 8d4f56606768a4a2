using CallMonitor.Server.Hosting;
using CallMonitor.Storage.Errors;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CallMonitor.Server.Rules;

/// <summary>
/// Multi-node mode: checks the shared store every <see cref="ServerOptions.RulePackRefresh"/> and puts in force the
/// pack another node published, so every node applies the same pack to calls starting a few seconds after a publish.
/// </summary>
public sealed class RulePackFollower : BackgroundService
{
    private readonly RulePackRegistry _registry;
    private readonly ServerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<RulePackFollower> _logger;

    public RulePackFollower(RulePackRegistry registry, ServerOptions options, TimeProvider time, ILogger<RulePackFollower> logger)
    {
        _registry = registry;
        _options = options;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.RulePackRefresh, _time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await _registry.RefreshAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (StorageException e)
            {
                // The shared store is down: the pack in force stays; the next tick tries again.
                RulesLog.RefreshFailed(_logger, e.Message);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
        }
    }
}
