using CallMonitor.TestKit.Calls;

namespace CallMonitor.TestKit.Phrases;

/// <summary>
/// One way to say a phrase with the shared recordings: agent voice-bank units joined (<see cref="AgentUnits"/>), or
/// one real recording of the whole phrase (<see cref="Recording"/>, a different speaker).
/// </summary>
public sealed record PhraseVoicing(string Phrase, IReadOnlyList<string> AgentUnits, RealUtterance? Recording)
{
    /// <summary>Where the audio comes from, for reports: "voicebank 不+清楚" or "real-cmn w02_qingchu.wav".</summary>
    public string Source => Recording is { } r ? $"real-cmn {r.Name}" : $"voicebank {string.Join('+', AgentUnits)}";
}
