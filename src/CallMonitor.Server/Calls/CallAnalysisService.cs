using CallMonitor.Contracts.V1;
using CallMonitor.Server.Hosting;
using CallMonitor.Server.Limits;
using CallMonitor.Server.Logging;
using CallMonitor.Server.Mapping;
using CallMonitor.Server.Observability;
using CallMonitor.Server.Reports;
using CallMonitor.Server.Rules;
using CallMonitor.Server.Security;
using CallMonitor.Server.Storage;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace CallMonitor.Server.Calls;

/// <summary>
/// CallAnalysis.StreamCall: an agent desktop streams a call (CallStart, audio, optional transcript, CallEnd) and gets
/// its transcript, violations as they are found, status when analysis falls behind, and the report at the end.
/// A bad stream is rejected with InvalidArgument and a message saying what to fix; a call id used before with
/// AlreadyExists; other calls go on.
/// </summary>
public sealed class CallAnalysisService : CallAnalysis.CallAnalysisBase
{
    private readonly AnalysisEngines _engines;
    private readonly RulePackRegistry _rules;
    private readonly ServerOptions _options;
    private readonly ServerStorage _storage;
    private readonly ReportPrivacy _privacy;
    private readonly ServerMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly CallLimiter _limits;
    private readonly ILogger<CallAnalysisService> _logger;

    public CallAnalysisService(
        AnalysisEngines engines, RulePackRegistry rules, ServerOptions options, ServerStorage storage, ReportPrivacy privacy, ServerMetrics metrics, TimeProvider time, CallLimiter limits, ILogger<CallAnalysisService> logger)
    {
        _engines = engines;
        _rules = rules;
        _options = options;
        _storage = storage;
        _privacy = privacy;
        _metrics = metrics;
        _time = time;
        _limits = limits;
        _logger = logger;
    }

    public override async Task StreamCall(IAsyncStreamReader<CallFrame> requestStream, IServerStreamWriter<CallUpdate> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await RunAsync(requestStream, responseStream, context).ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            _metrics.CallRejected(e.StatusCode.ToString());
            throw;
        }
        catch (IOException e) when (e.Message.StartsWith("Message too large", StringComparison.Ordinal))
        {
            // grpc-dotnet refuses a frame whose length prefix is beyond what any message could be.
            _metrics.CallRejected(nameof(StatusCode.ResourceExhausted));
            throw new RpcException(new Status(StatusCode.ResourceExhausted, $"{e.Message.TrimEnd('.')} bytes announced for one frame: send audio in chunks of at most {_options.MaxChunkBytes} bytes"));
        }
        catch (Exception e) when (BadMessage(e) is { } bad)
        {
            ServerLog.CallRejected(_logger, bad.Message);
            _metrics.CallRejected(nameof(StatusCode.InvalidArgument));
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"a message on the stream is not a CallFrame ({bad.Message.TrimEnd('.')}): send CallFrame messages of callmonitor.v1"));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ServerLog.CallFailed(_logger, "(stream)", e);
            _metrics.CallRejected(nameof(StatusCode.Internal));
            throw new RpcException(new Status(StatusCode.Internal, $"analysis failed: {e.Message}; what was analysed before the failure is kept as a partial report"));
        }
    }

    /// <summary>The protobuf parse error behind <paramref name="e"/>, when a frame could not be read as a CallFrame.</summary>
    private static Google.Protobuf.InvalidProtocolBufferException? BadMessage(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is Google.Protobuf.InvalidProtocolBufferException bad)
            {
                return bad;
            }
        }

        return null;
    }

    private async Task RunAsync(IAsyncStreamReader<CallFrame> requestStream, IServerStreamWriter<CallUpdate> responseStream, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        using var permit = _limits.EnterCall(context);
        var frames = permit.Read(requestStream);
        var start = await ReadStartAsync(frames, cancellationToken).ConfigureAwait(false);
        CallerIdentity.Of(context).AuthorizeStreamCall(start.AgentId, start.Team);
        frames.Started(start);
        using (_logger.BeginScope(new Dictionary<string, object> { ["CallId"] = start.CallId, ["AgentId"] = start.AgentId }))
        {
            var recorder = await CallRecorder.StartAsync(start, _storage, _privacy, _time, _logger, cancellationToken).ConfigureAwait(false);
            if (recorder is null)
            {
                ServerLog.DuplicateCall(_logger, start.CallId);
                throw new RpcException(new Status(
                    StatusCode.AlreadyExists, $"call id '{start.CallId}' was used before: every call needs its own id (its report is kept under that id)"));
            }

            // The call keeps the pack in force now to its end, whatever is published meanwhile; the lease ends after
            // the session has closed the call's recognizers.
            using var lease = _rules.Acquire();
            ServerLog.CallStarted(_logger, start.CallId, start.AgentId, start.Team, start.Format.ToString());
            var session = new CallSession(start, _engines, lease.Generation, _options, recorder, _privacy, _metrics, _logger);
            await session.RunAsync(frames, responseStream, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<CallStartInfo> ReadStartAsync(LimitedCallReader requestStream, CancellationToken cancellationToken)
    {
        try
        {
            if (!await requestStream.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                throw new CallFrameException("the stream ended before any frame: the first frame must be CallStart");
            }

            if (requestStream.Current.FrameCase != CallFrame.FrameOneofCase.Start)
            {
                throw new CallFrameException($"the first frame must be CallStart, not {requestStream.Current.FrameCase}");
            }

            return CallStartMapping.ToDomain(requestStream.Current.Start);
        }
        catch (CallFrameException e)
        {
            ServerLog.CallRejected(_logger, e.Message);
            throw new RpcException(new Status(StatusCode.InvalidArgument, e.Message));
        }
    }
}
