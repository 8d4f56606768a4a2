using System.Text.Json;
using CallMonitor.Contracts.V1;
using CallMonitor.Server.Mapping;
using CallMonitor.Server.Security;
using CallMonitor.Server.Storage;
using CallMonitor.Storage.Calls;
using CallMonitor.Storage.Errors;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CallMonitor.Server.Reports;

/// <summary>
/// Reports.GetReport and Reports.ListCalls: the post-call reports QA reads (JSON or HTML, masked as stored), and the
/// calls a caller may see (an agent its own, a supervisor its teams'), newest first, page by page.
/// </summary>
public sealed class ReportsService : Contracts.V1.Reports.ReportsBase
{
    private readonly ServerStorage _storage;

    public ReportsService(ServerStorage storage) => _storage = storage;

    public override async Task<Report> GetReport(GetReportRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrWhiteSpace(request.CallId))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "call_id is required"));
        }

        var call = await _storage.Calls.GetCallAsync(request.CallId, context.CancellationToken).ConfigureAwait(false)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"no call '{request.CallId}'"));
        CallerIdentity.Of(context).AuthorizeRead(call.AgentId, call.Team);
        var stored = await _storage.Reports.GetReportAsync(call.CallId, context.CancellationToken).ConfigureAwait(false)
            ?? throw new RpcException(new Status(StatusCode.FailedPrecondition, $"call '{call.CallId}' is still in progress: its report is written when it ends"));
        var format = request.Format == ReportFormat.Unspecified ? ReportFormat.Json : request.Format;
        var content = format switch
        {
            ReportFormat.Json => stored.Json,
            ReportFormat.Html => stored.Html ?? throw new RpcException(new Status(StatusCode.NotFound, $"call '{call.CallId}' has no HTML report")),
            _ => throw new RpcException(new Status(StatusCode.InvalidArgument, $"unknown report format {(int)request.Format}: use JSON or HTML")),
        };
        return new Report { CallId = call.CallId, Format = format, Content = content, Partial = call.Partial };
    }

    public override async Task<ListCallsResponse> ListCalls(ListCallsRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (request.PageSize is < 0 or > CallQuery.MaxPageSize)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"page_size must be 1..{CallQuery.MaxPageSize} (0 for the default of 50), not {request.PageSize}"));
        }

        var scope = CallerIdentity.Of(context).AuthorizeCallQuery(Blank(request.Team), Blank(request.AgentId));
        var query = new CallQuery
        {
            Teams = scope.Teams is null ? null : [.. scope.Teams],
            AgentId = scope.AgentId,
            From = request.From?.ToDateTimeOffset(),
            To = request.To?.ToDateTimeOffset(),
            MinSeverity = SeverityMapping.ToMinimum(request.MinSeverity),
            PageToken = Blank(request.PageToken),
            PageSize = request.PageSize == 0 ? 50 : request.PageSize,
        };
        CallPage page;
        try
        {
            page = await _storage.Calls.ListCallsAsync(query, context.CancellationToken).ConfigureAwait(false);
        }
        catch (InvalidPageTokenException e)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, e.Message));
        }

        var response = new ListCallsResponse { NextPageToken = page.NextPageToken ?? string.Empty };
        foreach (var call in page.Calls)
        {
            response.Calls.Add(await SummaryAsync(call, context.CancellationToken).ConfigureAwait(false));
        }

        return response;
    }

    private async Task<CallSummary> SummaryAsync(StoredCall call, CancellationToken cancellationToken)
    {
        var summary = new CallSummary
        {
            CallId = call.CallId,
            AgentId = call.AgentId,
            Team = call.Team,
            StartedAt = Timestamp.FromDateTimeOffset(call.StartedAt),
            ViolationCount = call.ViolationCount,
            Partial = call.Partial,
            PackVersion = call.PackVersion ?? string.Empty,
        };
        if (await _storage.Reports.GetReportAsync(call.CallId, cancellationToken).ConfigureAwait(false) is { } report)
        {
            using var json = JsonDocument.Parse(report.Json);
            var root = json.RootElement;
            summary.DurationSeconds = root.TryGetProperty("durationSec", out var duration) ? duration.GetDouble() : 0;
            if (root.TryGetProperty("score", out var score) && score.ValueKind == JsonValueKind.Object && score.TryGetProperty("total", out var total))
            {
                summary.Score = total.GetDouble();
            }
        }

        return summary;
    }

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
