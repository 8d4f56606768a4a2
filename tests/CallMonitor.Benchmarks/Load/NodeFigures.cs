using CallMonitor.Benchmarks.Live;

namespace CallMonitor.Benchmarks.Load;

/// <summary>One node's figures in one step: what its process used, and what its supervisor subscription received.</summary>
/// <param name="Calls">Calls this node took (its streams), over the whole step.</param>
/// <param name="CallMinutes">Minutes of audio those calls streamed.</param>
/// <param name="Cores">Cores the node's process kept busy while every stream was sending.</param>
/// <param name="RssStartMiB">RSS after the warm-up, with the subscription open, just before the calls.</param>
/// <param name="RssEndMiB">RSS once every call's report was announced.</param>
/// <param name="MiBPerCallMinute">(end - start) / <paramref name="CallMinutes"/>.</param>
/// <param name="Planted">Forbidden phrases planted in every call of the step (all nodes'), as this subscriber should see them.</param>
/// <param name="Alerted">Of those, alerted to this node's subscriber.</param>
/// <param name="Alert">First alert at this node's subscriber, from the send of the chunk holding the phrase's end, seconds.</param>
/// <param name="FromSpeechEnd">The same counted from the send of the end of the agent's speech around the phrase.</param>
internal sealed record NodeFigures(
    string Node,
    int Calls,
    double CallMinutes,
    double Cores,
    double CpuPerAudioSecond,
    double RssStartMiB,
    double RssEndMiB,
    double RssPeakMiB,
    double MiBPerCallMinute,
    int Planted,
    int Alerted,
    LatencyStats Alert,
    LatencyStats FromSpeechEnd,
    NodeDelivery Delivery);
