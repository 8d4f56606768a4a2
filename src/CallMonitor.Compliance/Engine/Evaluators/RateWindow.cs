using CallMonitor.Domain.Timeline;

namespace CallMonitor.Compliance.Engine.Evaluators;

/// <summary>
/// Consecutive speech of one speaker gathered until it is long enough to judge its rate: characters (or, from the
/// audio, syllables) over speaking seconds, with the spread of the acoustic estimates.
/// </summary>
internal sealed class RateWindow
{
    private readonly HashSet<string> _sources = new(StringComparer.Ordinal);
    private double _variance;

    public int Units { get; private set; }

    public TimeSpan Speaking { get; private set; }

    public AudioInterval? Span { get; private set; }

    /// <summary>Whether any of the speech had word times (text windows only).</summary>
    public bool FromWords { get; private set; }

    public int Pieces { get; private set; }

    public IReadOnlyCollection<string> Sources => _sources;

    /// <summary>Units per minute of speaking time.</summary>
    public double PerMinute => Speaking > TimeSpan.Zero ? Units / Speaking.TotalMinutes : 0;

    /// <summary>Acoustic windows: one standard deviation of <see cref="PerMinute"/> (the pieces' spreads, weighted by their seconds).</summary>
    public double Uncertainty => Speaking > TimeSpan.Zero ? Math.Sqrt(_variance) / Speaking.TotalSeconds : 0;

    public void Add(AudioInterval span, int units, TimeSpan speaking, string source, bool fromWords, double uncertainty = 0)
    {
        Units += units;
        Speaking += speaking;
        Span = Span is { } s ? new AudioInterval(s.Start < span.Start ? s.Start : span.Start, s.End > span.End ? s.End : span.End) : span;
        FromWords |= fromWords;
        _variance += Math.Pow(speaking.TotalSeconds * uncertainty, 2);
        _sources.Add(source);
        Pieces++;
    }

    /// <summary>Whether the window holds enough speech to judge.</summary>
    public bool IsFull(TimeSpan minSpeaking, double minUnits) => Speaking >= minSpeaking && Units >= minUnits;
}
