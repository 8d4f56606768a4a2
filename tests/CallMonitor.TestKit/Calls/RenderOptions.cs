namespace CallMonitor.TestKit.Calls;

/// <summary>How a <see cref="CallScript"/> becomes a WAV file.</summary>
public sealed record RenderOptions
{
    /// <summary>16000 (wideband) or 8000 (telephone band).</summary>
    public int SampleRate { get; init; } = 16000;

    /// <summary>G.711 mu-law 8-bit samples instead of 16-bit PCM (what telephone recordings usually hold).</summary>
    public bool MuLaw { get; init; }

    /// <summary>One channel with both parties mixed instead of agent left, customer right.</summary>
    public bool Mono { get; init; }

    /// <summary>RMS level of the white line noise on every channel, so no silence is digital zero.</summary>
    public double NoiseDbfs { get; init; } = -58;

    /// <summary>Seed of the noise: the same script and options always give the same bytes.</summary>
    public int Seed { get; init; } = 20240611;

    /// <summary>Silence after the last utterance.</summary>
    public double TailSeconds { get; init; } = 0.6;

    internal void Validate()
    {
        if (SampleRate is not (8000 or 16000))
        {
            throw new ArgumentOutOfRangeException(nameof(SampleRate), SampleRate, "render at 8000 or 16000 Hz");
        }

        if (NoiseDbfs is > -20 or < -120 || TailSeconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(NoiseDbfs), "noise between -120 and -20 dBFS and a non-negative tail");
        }
    }

    internal string Describe() => $"rate={SampleRate};mulaw={MuLaw};mono={Mono};noise={NoiseDbfs:R};seed={Seed};tail={TailSeconds:R}";
}
