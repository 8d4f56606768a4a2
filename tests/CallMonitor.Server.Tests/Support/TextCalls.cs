using CallMonitor.Contracts.V1;
using Grpc.Core;

namespace CallMonitor.Server.Tests.Support;

/// <summary>Short calls sent as text only (the centre's own recognizer), quick to stream, with violations in them.</summary>
public static class TextCalls
{
    /// <summary>An agent who skips the greeting and says two forbidden phrases (喂 at the start, 你问我我问谁 later).</summary>
    public static IReadOnlyList<CallFrame> Rude(string callId, string agentId, string team) =>
    [
        CallFrames.TextCallStart(callId, agentId, team),
        CallFrames.Said(Speaker.Agent, 0.5, 1.5, "喂，什么事"),
        CallFrames.Said(Speaker.Customer, 2.0, 5.0, "我想问一下我的快递到哪里了"),
        CallFrames.Said(Speaker.Agent, 5.5, 8.0, "你问我我问谁，自己去查"),
        CallFrames.Said(Speaker.Customer, 8.5, 10.0, "你这是什么态度"),
        CallFrames.End(Speaker.Agent),
    ];

    /// <summary>Streams <paramref name="frames"/> and reads every update until the stream ends.</summary>
    public static async Task<IReadOnlyList<CallUpdate>> StreamAsync(
        CallAnalysis.CallAnalysisClient client, IReadOnlyList<CallFrame> frames, CancellationToken cancellationToken, Metadata? headers = null)
    {
        using var call = client.StreamCall(headers, cancellationToken: cancellationToken);
        try
        {
            foreach (var frame in frames)
            {
                await call.RequestStream.WriteAsync(frame, cancellationToken);
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The server ended the call while frames were still going out; reading the responses gives its status.
        }

        var updates = new List<CallUpdate>();
        await foreach (var update in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            updates.Add(update);
        }

        return updates;
    }
}
