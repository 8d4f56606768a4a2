namespace CallMonitor.Acoustics.Metrics;

/// <summary>Speaking rate estimated from the audio: syllables (= Chinese characters) per minute, plus or minus one standard deviation.</summary>
public sealed record RateMetrics(double SyllablesPerMinute, double Uncertainty, int Syllables, double SpeechSec);
