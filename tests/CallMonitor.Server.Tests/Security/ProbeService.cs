using CallMonitor.Server.Security;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CallMonitor.Server.Tests.Security;

/// <summary>
/// A test-only gRPC service with one method of each kind (the contract has no client-streaming method); each answers
/// with the name of the caller's key, so a test sees both the status and the identity the interceptor stored. Handlers
/// are virtual because Grpc.AspNetCore binds the overridable methods declared by the type named in BindServiceMethod.
/// </summary>
[BindServiceMethod(typeof(ProbeService), nameof(BindService))]
public class ProbeService
{
    public static readonly Method<StringValue, StringValue> UnaryMethod = Create(MethodType.Unary, nameof(Unary));
    public static readonly Method<StringValue, StringValue> ClientStreamingMethod = Create(MethodType.ClientStreaming, nameof(ClientStreaming));
    public static readonly Method<StringValue, StringValue> ServerStreamingMethod = Create(MethodType.ServerStreaming, nameof(ServerStreaming));
    public static readonly Method<StringValue, StringValue> DuplexMethod = Create(MethodType.DuplexStreaming, nameof(Duplex));

    public static void BindService(ServiceBinderBase binder, ProbeService? service)
    {
        ArgumentNullException.ThrowIfNull(binder);
        binder.AddMethod(UnaryMethod, service is null ? null : new UnaryServerMethod<StringValue, StringValue>(service.Unary));
        binder.AddMethod(ClientStreamingMethod, service is null ? null : new ClientStreamingServerMethod<StringValue, StringValue>(service.ClientStreaming));
        binder.AddMethod(ServerStreamingMethod, service is null ? null : new ServerStreamingServerMethod<StringValue, StringValue>(service.ServerStreaming));
        binder.AddMethod(DuplexMethod, service is null ? null : new DuplexStreamingServerMethod<StringValue, StringValue>(service.Duplex));
    }

    public virtual Task<StringValue> Unary(StringValue request, ServerCallContext context) => Task.FromResult(Caller(context));

    public virtual async Task<StringValue> ClientStreaming(IAsyncStreamReader<StringValue> requests, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requests);
        await foreach (var _ in requests.ReadAllAsync(context.CancellationToken))
        {
        }

        return Caller(context);
    }

    public virtual Task ServerStreaming(StringValue request, IServerStreamWriter<StringValue> responses, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(responses);
        return responses.WriteAsync(Caller(context));
    }

    public virtual async Task Duplex(IAsyncStreamReader<StringValue> requests, IServerStreamWriter<StringValue> responses, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(responses);
        await foreach (var _ in requests.ReadAllAsync(context.CancellationToken))
        {
            await responses.WriteAsync(Caller(context));
        }
    }

    private static StringValue Caller(ServerCallContext context) => new() { Value = CallerIdentity.Of(context).Name };

    private static Method<StringValue, StringValue> Create(MethodType type, string name)
    {
        var marshaller = Marshallers.Create(m => m.ToByteArray(), StringValue.Parser.ParseFrom);
        return new Method<StringValue, StringValue>(type, "test.Probe", name, marshaller, marshaller);
    }
}
