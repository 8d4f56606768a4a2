using CallMonitor.Audio.Conversion;
using CallMonitor.Audio.Sources;
using CallMonitor.Domain.Calls;
using CallMonitor.TestKit.Audio;

namespace CallMonitor.TestKit.Calls;

/// <summary>A rendered call: the WAV file, how it was rendered, and what it truly contains.</summary>
public sealed class RenderedCall
{
    internal RenderedCall(string name, string wavPath, RenderOptions options, CallTruth truth)
    {
        Name = name;
        WavPath = wavPath;
        Options = options;
        Truth = truth;
    }

    public string Name { get; }

    public string WavPath { get; }

    public RenderOptions Options { get; }

    /// <summary>Exact speech, silences, overlaps and characters, at <see cref="RenderOptions.SampleRate"/>.</summary>
    public CallTruth Truth { get; }

    /// <summary>Agent left, customer right; or one mixed channel.</summary>
    public ChannelLayout Layout => Options.Mono ? ChannelLayout.Mono : ChannelLayout.AgentCustomer;

    public TimeSpan Duration => TimeSpan.FromSeconds(Truth.DurationSeconds);

    /// <summary>
    /// Reads one channel back from the file, decoded and at 16 kHz: the agent's or customer's channel of a
    /// stereo call, or the only channel of a mono one (whatever <paramref name="role"/>).
    /// </summary>
    public float[] ReadTrack16k(SpeakerRole role)
    {
        using var reader = AudioSource.Open(WavPath);
        var samples = reader.ToSampleProvider();
        var channels = samples.WaveFormat.Channels;
        var channel = Options.Mono ? 0 : role switch
        {
            SpeakerRole.Agent => 0,
            SpeakerRole.Customer => 1,
            _ => throw new ArgumentOutOfRangeException(nameof(role), role, "a stereo call has an agent and a customer channel"),
        };

        var buffer = new float[4096 * channels];
        var track = new List<float>();
        int read;
        while ((read = samples.Read(buffer)) > 0)
        {
            for (var i = channel; i < read; i += channels)
            {
                track.Add(buffer[i]);
            }
        }

        var rate = samples.WaveFormat.SampleRate;
        return rate == ClipLoader.SampleRate ? [.. track] : ClipLoader.ReadAll16kMono(new ArraySampleProvider([.. track], rate, 1));
    }

    public override string ToString() => $"{Name} ({WavPath}, {Truth.DurationSeconds:0.0} s)";
}
