using CallMonitor.Pipeline.Engines;
using CallMonitor.Speech.Engines;

namespace CallMonitor.Hosting.Engines;

/// <summary>The speech engines started for a run (models loaded, shared by every call) and those that could not start.</summary>
public sealed class EngineSelection : IDisposable
{
    internal EngineSelection(IReadOnlyList<ISpeechEngine> engines, IReadOnlyList<EngineStatus> unavailable, IReadOnlyList<string> warnings)
    {
        Engines = engines;
        Unavailable = unavailable;
        Warnings = warnings;
    }

    public IReadOnlyList<ISpeechEngine> Engines { get; }

    /// <summary>Engines asked for by name that could not start, with the reason and what to do.</summary>
    public IReadOnlyList<EngineStatus> Unavailable { get; }

    /// <summary>Things a user should know (for example keyword spellings the model cannot write).</summary>
    public IReadOnlyList<string> Warnings { get; }

    public void Dispose()
    {
        foreach (var engine in Engines)
        {
            engine.Dispose();
        }
    }
}
