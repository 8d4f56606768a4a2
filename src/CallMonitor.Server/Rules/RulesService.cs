using CallMonitor.Compliance.Rules;
using CallMonitor.Contracts.V1;
using CallMonitor.Domain.Errors;
using CallMonitor.Storage.Errors;
using CallMonitor.Storage.RulePacks;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using RulesContract = CallMonitor.Contracts.V1.Rules;

namespace CallMonitor.Server.Rules;

/// <summary>
/// Rules: read, validate and publish rule packs. A published pack is in force for calls that start after the publish;
/// calls in progress finish on theirs. Errors: InvalidArgument (pack too large, does not load: "pack.yaml:line:column:
/// problem", id/version disagreeing with the YAML), AlreadyExists (the version is published with other content: bump
/// it), NotFound (GetRulePack of an unknown version), Unavailable (the store cannot be written; nothing changed).
/// </summary>
public sealed class RulesService : RulesContract.RulesBase
{
    private readonly RulePackRegistry _registry;
    private readonly RulesAuthorizer? _authorize;
    private readonly ILogger<RulesService> _logger;

    /// <param name="authorize">Role check for each call; null lets every caller do everything (no keys configured).</param>
    public RulesService(RulePackRegistry registry, ILogger<RulesService> logger, RulesAuthorizer? authorize = null)
    {
        _registry = registry;
        _logger = logger;
        _authorize = authorize;
    }

    public override async Task<RulePackDocument> GetRulePack(GetRulePackRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        await AuthorizeAsync(context, RulesOperation.Read).ConfigureAwait(false);
        if (request.Id.Length == 0 && request.Version.Length == 0)
        {
            return RulePackMapping.ToDocument(_registry.Current.Source);
        }

        if (request.Id.Length == 0 || request.Version.Length == 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "give both id and version for a stored pack, or neither for the pack in force"));
        }

        try
        {
            var found = await _registry.FindAsync(request.Id, request.Version, context.CancellationToken).ConfigureAwait(false);
            return found is null
                ? throw new RpcException(new Status(StatusCode.NotFound, $"rule pack '{request.Id}' version {request.Version} was never published here"))
                : RulePackMapping.ToDocument(found);
        }
        catch (StorageException e)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, e.Message));
        }
    }

    public override async Task<ValidationResult> ValidateRulePack(RulePackDocument request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        await AuthorizeAsync(context, RulesOperation.Validate).ConfigureAwait(false);
        try
        {
            var pack = await _registry.ValidateAsync(RulePackMapping.ToSubmission(request), context.CancellationToken).ConfigureAwait(false);
            return RulePackMapping.Valid(pack);
        }
        catch (RulePackException e)
        {
            return RulePackMapping.Invalid(e);
        }
        catch (RulePackVersionConflictException e)
        {
            return RulePackMapping.Invalid(e);
        }
        catch (StorageException e)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, e.Message));
        }
    }

    public override async Task<PublishResult> PublishRulePack(RulePackDocument request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var publishedBy = await AuthorizeAsync(context, RulesOperation.Publish).ConfigureAwait(false);
        try
        {
            var outcome = await _registry.PublishAsync(RulePackMapping.ToSubmission(request), publishedBy, context.CancellationToken).ConfigureAwait(false);
            return RulePackMapping.ToResult(outcome);
        }
        catch (RulePackException e)
        {
            throw Refused(StatusCode.InvalidArgument, e.Message);
        }
        catch (RulePackVersionConflictException e)
        {
            throw Refused(StatusCode.AlreadyExists, e.Message);
        }
        catch (EngineUnavailableException e)
        {
            throw Refused(StatusCode.FailedPrecondition, $"the pack is valid but its keyword spotter cannot start, so the pack in force is kept: {e.Message}");
        }
        catch (StorageException e)
        {
            throw Refused(StatusCode.Unavailable, $"the pack is valid but could not be stored, so the pack in force is kept; try again: {e.Message}");
        }
        catch (Exception e) when (e is not RpcException and not OperationCanceledException)
        {
            RulesLog.PublishFailed(_logger, e);
            throw new RpcException(new Status(StatusCode.Internal, "publishing the pack failed unexpectedly; the pack in force is kept (see the service log)"));
        }
    }

    /// <summary>The single authorization call site of this service (see <see cref="RulesAuthorizer"/>).</summary>
    private async ValueTask<string> AuthorizeAsync(ServerCallContext context, RulesOperation operation)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _authorize is null
            ? $"unauthenticated caller at {context.Peer}"
            : await _authorize(context, operation).ConfigureAwait(false);
    }

    private RpcException Refused(StatusCode code, string message)
    {
        RulesLog.PublishRefused(_logger, message);
        return new RpcException(new Status(code, message));
    }
}
