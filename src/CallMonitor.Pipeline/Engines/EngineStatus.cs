namespace CallMonitor.Pipeline.Engines;

/// <summary>What one engine did in one call, for the report.</summary>
/// <param name="Name">Engine name ("vosk", "kws", "vad").</param>
/// <param name="Description">Engine and model versions, or what was asked for when it never started.</param>
/// <param name="Error">Why it failed or was unavailable, naming the channel when it failed on one.</param>
public sealed record EngineStatus(string Name, string Description, EngineState State, string? Error = null);
