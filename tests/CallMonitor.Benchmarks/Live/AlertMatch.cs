namespace CallMonitor.Benchmarks.Live;

/// <summary>
/// What a client received for one planted phrase: the latency of the first alert (provisional or confirmed) and of
/// the first confirmed one, in seconds from the moment the audio at the phrase's end was sent; null when none came.
/// </summary>
/// <param name="FromSpeechEnd">The first alert's latency counted from the send of the end of the agent's speech around the phrase.</param>
/// <param name="Withdrawn">Alerted, but every matching violation was retracted in the end.</param>
internal sealed record AlertMatch(PlantedAlert Planted, double? FirstAlert, double? FromSpeechEnd, double? Confirmed, bool Withdrawn)
{
    public bool Alerted => FirstAlert is not null && !Withdrawn;
}
