namespace CallMonitor.Engines.SherpaOnnx.Kws;

/// <summary>
/// A detection as the library reported it, with our own sample count: what the absolute times are computed from.
/// </summary>
/// <param name="Keyword">The phrase (the text after '@').</param>
/// <param name="Tokens">Token strings the library matched.</param>
/// <param name="Timestamps">Per-token times in seconds, as the library gives them.</param>
/// <param name="StartTime">The library's start_time, in seconds.</param>
/// <param name="SamplesFed">Samples fed to the stream in all when the detection was read.</param>
/// <param name="StreamOrigin">Sample (absolute) where the stream was last reset by us, or 0.</param>
internal sealed record KeywordHit(
    string Keyword, IReadOnlyList<string> Tokens, IReadOnlyList<float> Timestamps, float StartTime, long SamplesFed, long StreamOrigin);
