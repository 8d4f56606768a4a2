namespace CallMonitor.Audio.Formats;

/// <summary>
/// The format of a stream of audio: it travels with every provider (NAudio's vocabulary), so no stage guesses.
/// <see cref="Encoding"/> is always the effective encoding (an EXTENSIBLE header is resolved to its sub-format).
/// </summary>
public sealed record WaveFormat
{
    public WaveFormat(WaveFormatEncoding encoding, int sampleRate, int channels, int bitsPerSample)
    {
        if (encoding == WaveFormatEncoding.Extensible)
        {
            throw new ArgumentException("resolve WAVE_FORMAT_EXTENSIBLE to its sub-format first", nameof(encoding));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bitsPerSample);
        Encoding = encoding;
        SampleRate = sampleRate;
        Channels = channels;
        BitsPerSample = bitsPerSample;
    }

    public WaveFormatEncoding Encoding { get; }

    public int SampleRate { get; }

    public int Channels { get; }

    public int BitsPerSample { get; }

    /// <summary>Bytes of one frame (one sample of every channel).</summary>
    public int BlockAlign => Channels * ((BitsPerSample + 7) / 8);

    public int AverageBytesPerSecond => BlockAlign * SampleRate;

    public static WaveFormat Pcm16(int sampleRate, int channels) => new(WaveFormatEncoding.Pcm, sampleRate, channels, 16);

    public static WaveFormat IeeeFloat(int sampleRate, int channels) => new(WaveFormatEncoding.IeeeFloat, sampleRate, channels, 32);

    public static WaveFormat MuLaw(int sampleRate, int channels) => new(WaveFormatEncoding.MuLaw, sampleRate, channels, 8);

    public static WaveFormat ALaw(int sampleRate, int channels) => new(WaveFormatEncoding.ALaw, sampleRate, channels, 8);

    public override string ToString() =>
        $"{Encoding} {BitsPerSample}-bit {SampleRate} Hz {(Channels == 1 ? "mono" : Channels == 2 ? "stereo" : $"{Channels} channels")}";
}
