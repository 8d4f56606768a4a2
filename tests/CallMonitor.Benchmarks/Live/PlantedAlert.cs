namespace CallMonitor.Benchmarks.Live;

/// <summary>
/// A forbidden phrase the agent says in a benchmark call, where the audio truth puts it (seconds from the call's
/// first sample). One entry may stand for nested phrases ending together (不清楚 also says 清楚).
/// </summary>
/// <param name="SpeechEnd">End of the agent's stretch of speech holding the phrase (pauses under 0.3 s bridged): the
/// earliest moment a detector that waits for the end of speech can decide.</param>
internal sealed record PlantedAlert(int Index, string Phrase, double Start, double End, double SpeechEnd);
