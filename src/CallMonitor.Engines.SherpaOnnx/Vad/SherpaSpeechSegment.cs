namespace CallMonitor.Engines.SherpaOnnx.Vad;

/// <summary>
/// A speech segment as sherpa-onnx reports it: sample offsets [Start, Start + Length) counted from the first
/// sample fed (or from the last <see cref="SherpaOnnxVad.Reset"/>). The library places the start two windows
/// (of 576 samples with context) plus the minimum speech duration before the window that confirmed speech, and
/// the end the minimum silence duration before the window that confirmed silence. Measured on real Mandarin
/// words with exact edges (0.2 s minimum speech, 0.25 s minimum silence): start a median 1 ms from the true
/// onset, end a median 65 ms after the true end; both move by up to a window with those two durations.
/// </summary>
public readonly record struct SherpaSpeechSegment(long Start, int Length)
{
    public long End => Start + Length;
}
