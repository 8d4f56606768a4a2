using CallMonitor.Contracts.V1;

namespace CallMonitor.Benchmarks.Live;

/// <summary>
/// One rendered call ready to stream: its wire format (agent channel 0, customer channel 1, interleaved), the sample
/// bytes, and the forbidden phrases said in it. Several concurrent streams may send the same audio under their own ids.
/// </summary>
internal sealed class LiveCallAudio
{
    public LiveCallAudio(string name, AudioEncoding encoding, int sampleRate, int channels, int bytesPerFrame, byte[] data, IReadOnlyList<PlantedAlert> planted)
    {
        ArgumentNullException.ThrowIfNull(data);
        Name = name;
        Encoding = encoding;
        SampleRate = sampleRate;
        Channels = channels;
        BytesPerFrame = bytesPerFrame;
        Data = data;
        Planted = planted;
    }

    public string Name { get; }

    public AudioEncoding Encoding { get; }

    public int SampleRate { get; }

    public int Channels { get; }

    /// <summary>Bytes of one sample of every channel.</summary>
    public int BytesPerFrame { get; }

    public byte[] Data { get; }

    public IReadOnlyList<PlantedAlert> Planted { get; }

    public double Seconds => (double)Data.Length / BytesPerFrame / SampleRate;

    /// <summary>The call's format as CallStart carries it.</summary>
    public AudioFormat Format => new()
    {
        Encoding = Encoding,
        SampleRate = SampleRate,
        Channels = Channels,
        ChannelRoles = { Speaker.Agent, Speaker.Customer },
    };

    /// <summary>The call cut into chunks of <paramref name="chunkSeconds"/> of audio (the last may be shorter).</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Chunks(double chunkSeconds)
    {
        var bytes = Math.Max(1, (int)Math.Round(chunkSeconds * SampleRate)) * BytesPerFrame;
        var chunks = new List<ReadOnlyMemory<byte>>();
        for (var at = 0; at < Data.Length; at += bytes)
        {
            chunks.Add(Data.AsMemory(at, Math.Min(bytes, Data.Length - at)));
        }

        return chunks;
    }

    /// <summary>
    /// The stereo PCM16 or mu-law WAV at <paramref name="path"/>, cut to at most <paramref name="maxSeconds"/>; planted
    /// phrases ending later than a second before the cut are left out.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not stereo 16-bit PCM or 8-bit mu-law.</exception>
    public static LiveCallAudio FromWav(string name, string path, double maxSeconds, IEnumerable<PlantedAlert> planted)
    {
        var wav = WavFile.Read(path);
        var encoding = (wav.FormatTag, wav.BitsPerSample) switch
        {
            (WavFile.Pcm, 16) => AudioEncoding.Pcm16,
            (WavFile.MuLaw, 8) => AudioEncoding.Mulaw,
            _ => throw new InvalidDataException($"{path}: format tag {wav.FormatTag} with {wav.BitsPerSample} bits; the live benchmark streams 16-bit PCM or mu-law"),
        };
        if (wav.Channels != 2)
        {
            throw new InvalidDataException($"{path}: {wav.Channels} channels; the live benchmark streams stereo calls (agent, customer)");
        }

        var frames = Math.Min(wav.Data.Length / wav.BlockAlign, (long)(maxSeconds * wav.SampleRate));
        var data = wav.Data.AsSpan(0, (int)frames * wav.BlockAlign).ToArray();
        var seconds = (double)frames / wav.SampleRate;
        var kept = planted.Where(p => p.End <= seconds - 1.0).Select((p, i) => p with { Index = i }).ToList();
        return new LiveCallAudio(name, encoding, wav.SampleRate, wav.Channels, wav.BlockAlign, data, kept);
    }
}
