using CallMonitor.Domain.Calls;
using CallMonitor.TestKit.Calls;

namespace CallMonitor.Engines.SherpaOnnx.Tests.Kws;

/// <summary>The service-standard phrases planted in <see cref="KeywordSpottingOnCallsTests"/>, and where they landed.</summary>
internal static class PlantedPhrases
{
    /// <summary>Phrases whose words are all in the agent voice bank (您好 is the two units 您 and 好).</summary>
    public static readonly IReadOnlyList<string> Phrases = ["您好", "请问", "抱歉", "清楚", "知道", "明白", "办法", "感谢", "服务", "再见"];

    /// <summary>Phrases found at every plant in the measured runs; the rest are reported, not asserted one by one.</summary>
    public static readonly IReadOnlyList<string> Reliable = Phrases;

    /// <summary>
    /// Where <paramref name="phrase"/> was said on the agent channel, in seconds: runs of consecutive units of one
    /// agent utterance whose texts join to the phrase, from the first unit's start to the last unit's end.
    /// </summary>
    public static IReadOnlyList<(double Start, double End)> Find(CallTruth truth, string phrase, int sampleRate)
    {
        var found = new List<(double, double)>();
        foreach (var utterance in truth.Utterances.Where(u => u.Role == SpeakerRole.Agent))
        {
            var units = utterance.Units;
            for (var first = 0; first < units.Count; first++)
            {
                var text = string.Empty;
                for (var last = first; last < units.Count && text.Length < phrase.Length; last++)
                {
                    text += units[last].Text;
                    if (text == phrase)
                    {
                        found.Add((units[first].Span.StartSeconds(sampleRate), units[last].Span.EndSeconds(sampleRate)));
                    }
                }
            }
        }

        return found;
    }
}
