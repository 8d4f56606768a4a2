using CallMonitor.Domain.Events;

namespace CallMonitor.Pipeline.Workers;

/// <summary>What a worker tells the merge loop after each block: new events and how far it has heard.</summary>
/// <param name="Source">The worker's source index in the merger; -1 for events that come from no worker.</param>
/// <param name="Closed">The worker will report nothing more.</param>
internal sealed record WorkerReport(int Source, IReadOnlyList<CallEvent> Events, TimeSpan Watermark, bool Closed);
