using CallMonitor.Compliance.Engine.Matching;

namespace CallMonitor.Compliance.Engine.Evaluators;

/// <summary>How long an utterance was actually spoken, the base of the speech-rate and filler-rate rules.</summary>
internal static class SpeakingTime
{
    /// <summary>
    /// Gaps between words up to this long belong to the speech (articulation, a breath inside a phrase); longer ones
    /// are pauses and are left out, so pausing where the standard asks for it does not make an agent slow.
    /// </summary>
    public static readonly TimeSpan MaxInnerGap = TimeSpan.FromSeconds(0.3);

    /// <summary>
    /// With word times: the words' durations plus the short gaps between them. Without: the utterance's span (a
    /// recogniser's or transcript's segment times, which may hold a little silence at the edges).
    /// </summary>
    public static TimeSpan Of(UtteranceText text)
    {
        if (!text.HasWordTimes)
        {
            return text.Span.Duration;
        }

        var words = text.Words;
        var total = TimeSpan.Zero;
        for (var i = 0; i < words.Count; i++)
        {
            total += words[i].Span.Duration;
            if (i > 0)
            {
                var gap = words[i].Span.Start - words[i - 1].Span.End;
                if (gap > TimeSpan.Zero && gap <= MaxInnerGap)
                {
                    total += gap;
                }
            }
        }

        return total;
    }
}
