using CallMonitor.Domain.Calls;

namespace CallMonitor.Speech.Engines;

/// <summary>
/// A speech engine with its model loaded: one per process, shared by every call. It hands out one
/// <see cref="IChannelRecognizer"/> per channel of a call.
/// </summary>
public interface ISpeechEngine : IDisposable
{
    /// <summary>Short name used as the event source and in reports ("vosk", "kws").</summary>
    string Name { get; }

    /// <summary>Engine and model versions, for reports and doctor.</summary>
    string Description { get; }

    /// <summary>A new recognizer for one channel of one call. Thread-safe; each recognizer is used by one task at a time.</summary>
    IChannelRecognizer CreateRecognizer(string callId, SpeakerRole role);
}
