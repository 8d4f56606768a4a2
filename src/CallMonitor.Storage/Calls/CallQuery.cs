using CallMonitor.Compliance.Rules;

namespace CallMonitor.Storage.Calls;

/// <summary>
/// Filters and paging for <see cref="ICallStore.ListCallsAsync"/>. Calls come newest first (by start time).
/// Every filter that is set must hold; <see cref="From"/> is inclusive and <see cref="To"/> exclusive on the start time.
/// </summary>
public sealed record CallQuery
{
    /// <summary>Largest page a caller may ask for.</summary>
    public const int MaxPageSize = 1000;

    public string? Team { get; init; }

    /// <summary>Only calls of one of these teams (as well as <see cref="Team"/> when both are set); null or empty: any team.</summary>
    public IReadOnlyCollection<string>? Teams { get; init; }

    public string? AgentId { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    /// <summary>Only calls with at least one violation (not retracted) of this severity or worse.</summary>
    public RuleSeverity? MinSeverity { get; init; }

    /// <summary>The <see cref="CallPage.NextPageToken"/> of the previous page; null for the first page.</summary>
    public string? PageToken { get; init; }

    /// <summary>1 .. <see cref="MaxPageSize"/>.</summary>
    public int PageSize { get; init; } = 50;
}
