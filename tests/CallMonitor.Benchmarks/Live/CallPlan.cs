namespace CallMonitor.Benchmarks.Live;

/// <summary>One stream of a run: its own call id, agent and team, the audio it sends, and when it starts after the run's origin.</summary>
internal sealed record CallPlan(string CallId, string AgentId, string Team, LiveCallAudio Audio, TimeSpan StartOffset);
