using Grpc.Core;

namespace CallMonitor.Cli.Tests.Client;

/// <summary>
/// What <see cref="SupervisionDouble"/> does on one connection: send <see cref="Send"/> events after the requested
/// position (first re-sending <see cref="Replayed"/> events at or before it, as an at-least-once server may), then end
/// (once <see cref="EndWhen"/> has completed, when given: e.g. once the client has printed what was sent).
/// </summary>
internal sealed record SubscriptionScript(int Send, ScriptEnd End, int Replayed = 0, long? ResumeAfter = null, StatusCode? Failure = null, Task? EndWhen = null)
{
    public static SubscriptionScript SendAndHold(int send) => new(send, ScriptEnd.Hold);

    public static SubscriptionScript Fail(StatusCode status) => new(0, ScriptEnd.Hold, Failure: status);
}
