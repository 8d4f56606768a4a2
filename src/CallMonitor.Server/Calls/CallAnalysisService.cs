using CallMonitor.Contracts.V1;
using CallMonitor.Server.Hosting;
using CallMonitor.Server.Logging;
using CallMonitor.Server.Mapping;
using CallMonitor.Server.Reports;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace CallMonitor.Server.Calls;

/// <summary>
/// CallAnalysis.StreamCall: an agent desktop streams a call (CallStart, audio, optional transcript, CallEnd) and gets
/// its transcript, violations as they are found, status when analysis falls behind, and the report at the end.
/// A bad stream is rejected with InvalidArgument and a message saying what to fix; other calls go on.
/// </summary>
public sealed class CallAnalysisService : CallAnalysis.CallAnalysisBase
{
    private readonly AnalysisEngines _engines;
    private readonly ServerOptions _options;
    private readonly IReportSink _sink;
    private readonly ILogger<CallAnalysisService> _logger;

    public CallAnalysisService(AnalysisEngines engines, ServerOptions options, IReportSink sink, ILogger<CallAnalysisService> logger)
    {
        _engines = engines;
        _options = options;
        _sink = sink;
        _logger = logger;
    }

    public override async Task StreamCall(IAsyncStreamReader<CallFrame> requestStream, IServerStreamWriter<CallUpdate> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.CancellationToken;
        CallStartInfo start;
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

            start = CallStartMapping.ToDomain(requestStream.Current.Start);
        }
        catch (CallFrameException e)
        {
            ServerLog.CallRejected(_logger, e.Message);
            throw new RpcException(new Status(StatusCode.InvalidArgument, e.Message));
        }

        using (_logger.BeginScope(new Dictionary<string, object> { ["CallId"] = start.CallId, ["AgentId"] = start.AgentId }))
        {
            ServerLog.CallStarted(_logger, start.CallId, start.AgentId, start.Team, start.Format.ToString());
            await new CallSession(start, _engines, _options, _sink, _logger).RunAsync(requestStream, responseStream, cancellationToken).ConfigureAwait(false);
        }
    }
}
