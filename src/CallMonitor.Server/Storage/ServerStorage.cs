using CallMonitor.Server.Events;
using CallMonitor.Storage.Calls;
using CallMonitor.Storage.Reports;

namespace CallMonitor.Server.Storage;

/// <summary>Where the service keeps calls, reports and the event feed: the embedded SQLite database on one machine.</summary>
public sealed record ServerStorage(ICallStore Calls, IReportStore Reports, IEventFeed Events);
