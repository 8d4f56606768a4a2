using Grpc.Core;

namespace CallMonitor.Server.Rules;

/// <summary>
/// The one place <see cref="RulesService"/> asks whether a caller may do <paramref name="operation"/>: throw an
/// <see cref="RpcException"/> (PermissionDenied) to refuse, or return the caller's name, which a publish records as
/// its author.
/// </summary>
public delegate ValueTask<string> RulesAuthorizer(ServerCallContext context, RulesOperation operation);
