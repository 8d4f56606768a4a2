using CallMonitor.Compliance.Rules;
using CallMonitor.Contracts.V1;
using CallMonitor.Server.Mapping;
using CallMonitor.Server.Security;
using CallMonitor.Storage.Events;
using Grpc.Core;

namespace CallMonitor.Server.Supervision;

/// <summary>A SubscribeRequest checked and turned into the event-log filter, within what the caller may see.</summary>
internal static class SubscriptionFilter
{
    /// <summary>The rule types a subscription may name.</summary>
    public static IReadOnlySet<string> KnownTypes { get; } = new HashSet<string>(Enum.GetValues<RuleType>().Select(t => t.ToWireName()), StringComparer.Ordinal);

    /// <exception cref="RpcException">InvalidArgument for a negative position or an unknown type or severity; PermissionDenied beyond the caller's teams.</exception>
    public static EventFilter From(SubscribeRequest request, ServerCallContext context)
    {
        if (request.AfterPosition < 0)
        {
            throw Invalid($"after_position must be 0 or more, not {request.AfterPosition}");
        }

        if (request.SinceStart && request.AfterPosition > 0)
        {
            throw Invalid("set either since_start or after_position, not both");
        }

        var unknown = request.Types_.Where(t => !KnownTypes.Contains(t)).ToList();
        if (unknown.Count > 0)
        {
            throw Invalid($"unknown violation type '{unknown[0]}'; known types: {string.Join(", ", KnownTypes.Order(StringComparer.Ordinal))}");
        }

        if (!Enum.IsDefined(request.MinSeverity))
        {
            throw Invalid($"unknown severity {(int)request.MinSeverity}");
        }

        // What the caller's key allows: an agent only its own alerts, a supervisor its teams.
        var scope = CallerIdentity.Of(context).AuthorizeSubscription(
            [.. request.Teams.Where(t => !string.IsNullOrWhiteSpace(t))], NullIfEmpty(request.AgentId));
        return new EventFilter
        {
            Teams = scope.Teams is null ? null : [.. scope.Teams],
            AgentId = scope.AgentId,
            CallId = NullIfEmpty(request.CallId),
            MinSeverity = SeverityMapping.ToMinimum(request.MinSeverity),
            ViolationTypes = [.. request.Types_],
        };
    }

    private static string? NullIfEmpty(string text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));
}
