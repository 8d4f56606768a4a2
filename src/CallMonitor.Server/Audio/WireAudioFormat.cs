using CallMonitor.Domain.Calls;

namespace CallMonitor.Server.Audio;

/// <summary>The validated audio format a call announced in its CallStart.</summary>
public sealed record WireAudioFormat(WireEncoding Encoding, int SampleRate, ChannelLayout Layout)
{
    public const int MinSampleRate = 8000;

    public const int MaxSampleRate = 48000;

    public int Channels => Layout.Roles.Count;

    public int BytesPerSample => Encoding == WireEncoding.Pcm16 ? 2 : 1;

    public override string ToString() => $"{Encoding.ToString().ToLowerInvariant()} {SampleRate} Hz {Layout}";
}
