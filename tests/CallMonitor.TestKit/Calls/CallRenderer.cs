using CallMonitor.Audio.Conversion;
using CallMonitor.Audio.Formats;
using CallMonitor.Audio.Writers;
using CallMonitor.Domain.Calls;
using CallMonitor.TestKit.Audio;

namespace CallMonitor.TestKit.Calls;

/// <summary>Places the units of a script on per-role 16 kHz tracks, derives the truth, and writes the WAV.</summary>
internal static class CallRenderer
{
    private const int Rate = ClipLoader.SampleRate;
    private const float MonoGain = 0.7f; // two -4 dBFS voices summed stay under full scale

    public static RenderedCall Render(CallScript script, VoiceBank bank, RenderOptions options, string outputDirectory)
    {
        var (agent, customer, utterances, total) = Place(script, bank, options);
        var truth = new CallTruth(options.SampleRate, Scale(total, options.SampleRate), utterances.ConvertAll(u => ToRate(u, options.SampleRate)));
        Directory.CreateDirectory(outputDirectory);
        var key = TestKitCache.Key("render-v1", script.Describe(), options.Describe(), bank.ManifestDigest);
        var path = Path.Combine(outputDirectory, $"{Sanitize(script.Name)}-{key}.wav");
        if (!File.Exists(path))
        {
            var channels = options.Mono ? [Mix(agent, customer)] : new[] { agent, customer };
            TestKitCache.WriteAtomically(path, stream => Write(stream, channels, truth.TotalSamples, options));
        }

        return new RenderedCall(script.Name, path, options, truth);
    }

    private static (float[] Agent, float[] Customer, List<UtteranceTruth> Utterances, long Total) Place(CallScript script, VoiceBank bank, RenderOptions options)
    {
        var placed = new List<(ScriptedUtterance Line, List<UnitPlacement> Units, List<float[]> Audio)>();
        long reach = 0;
        foreach (var line in script.Lines)
        {
            var pieces = Resolve(line, bank);
            var start = line.Placement == Placement.At
                ? Samples(line.Seconds)
                : Math.Max(0, reach + Samples(line.Seconds));
            var gap = Samples(line.UnitGapSeconds / line.Tempo);
            var units = new List<UnitPlacement>();
            var at = start;
            foreach (var (text, characters, audio) in pieces)
            {
                at += units.Count > 0 ? gap : 0;
                units.Add(new UnitPlacement(text, characters, new SampleSpan(at, at + audio.Length)));
                at += audio.Length;
            }

            reach = Math.Max(reach, at);
            placed.Add((line, units, pieces.ConvertAll(p => p.Audio)));
        }

        var total = reach + Samples(options.TailSeconds);
        var agent = new float[total];
        var customer = new float[total];
        var utterances = new List<UtteranceTruth>();
        foreach (var (line, units, audio) in placed.OrderBy(p => p.Units[0].Span.Start))
        {
            var track = line.Role == SpeakerRole.Agent ? agent : customer;
            for (var i = 0; i < units.Count; i++)
            {
                var target = track.AsSpan((int)units[i].Span.Start, audio[i].Length);
                for (var k = 0; k < target.Length; k++)
                {
                    target[k] += audio[i][k];
                }
            }

            var text = line.Recording?.Transcript ?? string.Join(line.Role == SpeakerRole.Agent ? string.Empty : " ", line.Units);
            var span = new SampleSpan(units[0].Span.Start, units[^1].Span.End);
            utterances.Add(new UtteranceTruth(line.Role, text, units.Sum(u => u.Characters), line.Tempo, span, units));
        }

        return (agent, customer, utterances, total);
    }

    private static List<(string Text, int Characters, float[] Audio)> Resolve(ScriptedUtterance line, VoiceBank bank)
    {
        if (line.Recording is { } recording)
        {
            var clip = SpeechEdges.Trim(ClipLoader.Load16kMono(recording.Path));
            return [(recording.Transcript, recording.Characters, TempoStretcher.Stretch(clip, line.Tempo))];
        }

        return line.Units.Select(unit =>
        {
            var agent = line.Role == SpeakerRole.Agent;
            var path = agent ? bank.AgentUnitPath(unit) : bank.CustomerUnitPath(unit);
            var audio = TempoStretcher.Stretch(ClipLoader.Load16kMono(path), line.Tempo);
            return (unit, agent ? Hanzi.Count(unit) : 1, audio);
        }).ToList();
    }

    private static void Write(Stream stream, float[][] channels, long frames, RenderOptions options)
    {
        var tracks = channels.Select(t => options.SampleRate == Rate ? (float[])t.Clone() : Resample(t, options.SampleRate, frames)).ToArray();
        for (var c = 0; c < tracks.Length; c++)
        {
            LineNoise.Add(tracks[c], options.NoiseDbfs, options.Seed + c);
        }

        var interleaved = new float[frames * tracks.Length];
        for (long i = 0; i < frames; i++)
        {
            for (var c = 0; c < tracks.Length; c++)
            {
                interleaved[(i * tracks.Length) + c] = tracks[c][i];
            }
        }

        if (options.MuLaw)
        {
            MuLawWaveWriter.Write(stream, interleaved, options.SampleRate, tracks.Length);
            return;
        }

        using var writer = new WaveFileWriter(stream, WaveFormat.Pcm16(options.SampleRate, tracks.Length), leaveOpen: true);
        writer.WriteSamples(interleaved);
    }

    private static float[] Resample(float[] track, int rate, long frames)
    {
        var output = new float[frames];
        var provider = new ArraySampleProvider(track, Rate, 1).ToSampleRate(rate);
        var buffer = new float[4096];
        long written = 0;
        int read;
        while (written < frames && (read = provider.Read(buffer)) > 0)
        {
            var take = (int)Math.Min(read, frames - written);
            buffer.AsSpan(0, take).CopyTo(output.AsSpan((int)written));
            written += take;
        }

        return output;
    }

    private static UtteranceTruth ToRate(UtteranceTruth u, int rate) => rate == Rate ? u : u with
    {
        Span = Scale(u.Span, rate),
        Units = u.Units.Select(p => p with { Span = Scale(p.Span, rate) }).ToList(),
    };

    private static SampleSpan Scale(SampleSpan span, int rate) => new(Scale(span.Start, rate), Scale(span.End, rate));

    private static long Scale(long samples16k, int rate) => samples16k * rate / Rate;

    private static float[] Mix(float[] agent, float[] customer)
    {
        var mixed = new float[agent.Length];
        for (var i = 0; i < mixed.Length; i++)
        {
            mixed[i] = MonoGain * (agent[i] + customer[i]);
        }

        return mixed;
    }

    private static long Samples(double seconds) => (long)Math.Round(seconds * Rate);

    private static string Sanitize(string name) =>
        new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]);
}
