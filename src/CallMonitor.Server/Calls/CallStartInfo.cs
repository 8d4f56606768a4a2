using CallMonitor.Server.Audio;

namespace CallMonitor.Server.Calls;

/// <summary>A validated CallStart: who is on the call and how its audio arrives.</summary>
/// <param name="LocalStart">When the call started in the centre's local time, or null when the client did not say.</param>
public sealed record CallStartInfo(string CallId, string AgentId, string Team, DateTimeOffset? LocalStart, WireAudioFormat Format);
