namespace CallMonitor.Domain.Events;

/// <summary>
/// Syllables per minute over some speech, estimated from the audio. Mandarin speaks one syllable per
/// character, so this stands for characters per minute when there is no transcript.
/// </summary>
/// <param name="Syllables">Syllable nuclei counted.</param>
/// <param name="SpeechSeconds">Seconds of speech the count is over.</param>
/// <param name="PerMinute">Estimated syllables per minute.</param>
/// <param name="Uncertainty">One standard deviation of the estimate, in syllables per minute.</param>
public sealed record SpeakingRateEstimate(int Syllables, double SpeechSeconds, double PerMinute, double Uncertainty);
