using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;
using CallMonitor.Engines.SherpaOnnx.Kws;

namespace CallMonitor.Benchmarks.Kws;

/// <summary>Runs one channel through a keyword recognizer the way a live call would: 0.1 s pieces, then the end.</summary>
internal static class ChannelSpotter
{
    private const int Piece = KeywordSpotterSettings.SampleRate / 10;

    public static IReadOnlyList<KeywordSpotted> Spot(KeywordSpotterEngine engine, BenchCall call, SpeakerRole role)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(call);
        var track = call.Call.ReadTrack16k(role);
        using var recognizer = engine.CreateRecognizer(call.Call.Name, role);
        for (var offset = 0; offset < track.Length; offset += Piece)
        {
            recognizer.Accept(track.AsSpan(offset, Math.Min(Piece, track.Length - offset)));
        }

        recognizer.Complete();
        return [.. recognizer.TakeEvents().OfType<KeywordSpotted>()];
    }
}
