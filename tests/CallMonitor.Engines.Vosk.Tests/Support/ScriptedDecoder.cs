using CallMonitor.Engines.Vosk.Recognition;

namespace CallMonitor.Engines.Vosk.Tests.Support;

/// <summary>
/// A scripted stand-in for the native recognizer, for unit tests of the channel logic only: each Accept returns
/// the next scripted status (0 when the script is exhausted) and the result calls return scripted JSON.
/// </summary>
internal sealed class ScriptedDecoder : IVoskDecoder
{
    public Queue<int> Statuses { get; } = new();

    public Queue<string> Results { get; } = new();

    public Queue<string> Partials { get; } = new();

    public string Final { get; set; } = """{"text" : ""}""";

    public List<float[]> Fed { get; } = [];

    public int PartialCalls { get; private set; }

    public int FinalCalls { get; private set; }

    public bool Disposed { get; private set; }

    public int Accept(ReadOnlySpan<float> samples)
    {
        Fed.Add(samples.ToArray());
        return Statuses.Count > 0 ? Statuses.Dequeue() : 0;
    }

    public string Result() => Results.Count > 0 ? Results.Dequeue() : """{"text" : ""}""";

    public string PartialResult()
    {
        PartialCalls++;
        return Partials.Count > 0 ? Partials.Dequeue() : """{"partial" : ""}""";
    }

    public string FinalResult()
    {
        FinalCalls++;
        return Final;
    }

    public void Dispose() => Disposed = true;
}
