using CallMonitor.Domain.Timeline;

namespace CallMonitor.Compliance.Engine.Evaluators;

/// <summary>Small rules of evidence shared by the evaluators.</summary>
internal static class Evidence
{
    /// <summary>The source name of keyword-spotter evidence.</summary>
    public const string Kws = "kws";

    /// <summary>The source name of evidence measured from the audio (silences, overlaps, rates).</summary>
    public const string Acoustic = "acoustic";

    /// <summary>The source name of the utterance classifier's second opinion.</summary>
    public const string Classifier = "classifier";

    /// <summary>Confidence of a spotter hit that carries no score.</summary>
    public const double UnscoredKws = 0.6;

    /// <summary>Confidence factor of a hit found only in the first N-best alternative (halved again for each later one).</summary>
    public const double FirstAlternative = 0.6;

    /// <summary>How far apart two timings of one spoken phrase may be (spotter and recogniser times differ by a few frames).</summary>
    public static readonly TimeSpan Slack = TimeSpan.FromSeconds(0.5);

    /// <summary>Two independent pieces of evidence for the same thing: the chance that not both are wrong.</summary>
    public static double Combine(double a, double b) => 1 - ((1 - Math.Clamp(a, 0, 1)) * (1 - Math.Clamp(b, 0, 1)));

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> overlap, allowing <see cref="Slack"/>.</summary>
    public static bool Near(AudioInterval a, AudioInterval b) => a.Start - Slack < b.End && b.Start - Slack < a.End;

    /// <summary>Seconds as a report reader wants them.</summary>
    public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
