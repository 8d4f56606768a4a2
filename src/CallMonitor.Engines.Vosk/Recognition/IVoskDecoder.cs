namespace CallMonitor.Engines.Vosk.Recognition;

/// <summary>
/// The native recognizer as the channel logic sees it: samples in, vosk's JSON strings out (already copied).
/// Lets the event logic around it be unit-tested with a scripted stand-in.
/// </summary>
internal interface IVoskDecoder : IDisposable
{
    /// <summary>Feeds samples in [-1, 1]; returns 1 at an endpoint, 0 to continue, -1 on an engine error.</summary>
    int Accept(ReadOnlySpan<float> samples);

    string Result();

    string PartialResult();

    string FinalResult();
}
