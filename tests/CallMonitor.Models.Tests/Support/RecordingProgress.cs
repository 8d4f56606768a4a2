using System.Collections.Concurrent;

namespace CallMonitor.Models.Tests.Support;

/// <summary>Keeps every progress line, reported synchronously (Progress&lt;T&gt; would post them later).</summary>
internal sealed class RecordingProgress : IProgress<string>
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyList<string> Lines => [.. lines];

    public string Text => string.Join("\n", lines);

    public void Report(string value) => lines.Enqueue(value);
}
