using CallMonitor.Audio.Formats;
using CallMonitor.Audio.Sources;
using CallMonitor.Domain.Calls;
using CallMonitor.TestKit.Audio;
using CallMonitor.TestKit.Calls;
using static CallMonitor.Acoustics.Tests.Rate.RateMeasurement;

namespace CallMonitor.Acoustics.Tests.Rate;

/// <summary>
/// The shared test calls are what the rate (and other) tests measure against, so their audio must hold what their
/// truth says: checked here on the rendered files by level, not by trusting the script.
/// </summary>
[Category("Integration")]
public class StandardCallTests
{
    [Test]
    public void Acceptance_Rendered_IsStereo16kPcmOfOneToOneAndAHalfMinutes()
    {
        RequireRealAudio();
        var call = StandardCalls.Acceptance();

        using var reader = AudioSource.Open(call.WavPath);
        Print($"acceptance call: {reader.WaveFormat}, {reader.TotalTime?.TotalSeconds:0.00} s, {call.WavPath}");
        Assert.Multiple(() =>
        {
            Assert.That(reader.WaveFormat, Is.EqualTo(WaveFormat.Pcm16(16000, 2)));
            Assert.That(reader.TotalTime?.TotalSeconds, Is.InRange(60.0, 90.0));
            Assert.That(call.Truth.TotalSamples, Is.EqualTo((long)Math.Round(reader.TotalTime!.Value.TotalSeconds * 16000)));
        });
    }

    [Test]
    public void Acceptance_Truth_HoldsOneLongSilenceOneOverlapAndShortTurnGaps()
    {
        RequireRealAudio();
        var truth = StandardCalls.Acceptance().Truth;

        var rate = truth.SampleRate;
        var longSilences = truth.SilencesAtLeast(StandardCalls.AcceptanceMaxTurnGapSeconds);
        var turnGaps = truth.Silences.Except(longSilences).Select(s => s.Span.Seconds(rate)).ToList();
        Print($"silences: {string.Join(", ", truth.Silences.Select(s => $"{s.Span.StartSeconds(rate):0.00}+{s.Span.Seconds(rate):0.00}s {s.Before}->{s.After}"))}");
        Print($"overlaps: {string.Join(", ", truth.Overlaps.Select(o => $"{o.Span.StartSeconds(rate):0.00}+{o.Span.Seconds(rate):0.00}s {o.SecondSpeaker} over {o.FirstSpeaker}"))}");
        Assert.Multiple(() =>
        {
            Assert.That(longSilences, Has.Count.EqualTo(1));
            Assert.That(longSilences[0].Span.Seconds(rate), Is.EqualTo(StandardCalls.AcceptanceSilenceSeconds).Within(1.0 / rate));
            Assert.That(turnGaps, Has.Count.GreaterThanOrEqualTo(5));
            Assert.That(turnGaps, Has.All.LessThan(StandardCalls.AcceptanceMaxTurnGapSeconds));
            Assert.That(truth.Overlaps, Has.Count.EqualTo(1));
            Assert.That(truth.Overlaps[0].Span.Seconds(rate), Is.EqualTo(StandardCalls.AcceptanceOverlapSeconds).Within(1.0 / rate));
            Assert.That(truth.Overlaps[0].SecondSpeaker, Is.EqualTo(SpeakerRole.Customer));
        });
    }

    [Test]
    public void Acceptance_Audio_IsSpeechWhereTruthSaysAndLineNoiseElsewhere()
    {
        RequireRealAudio();
        var call = StandardCalls.Acceptance();
        var truth = call.Truth;
        var agent = call.ReadTrack16k(SpeakerRole.Agent);
        var customer = call.ReadTrack16k(SpeakerRole.Customer);

        var silence = truth.SilencesAtLeast(10)[0].Span;
        var speechLevels = truth.SpeechOf(SpeakerRole.Agent).Select(s => Dbfs(agent, s))
            .Concat(truth.SpeechOf(SpeakerRole.Customer).Select(s => Dbfs(customer, s))).ToList();
        var customerOnly = truth.SpeechOf(SpeakerRole.Customer).Where(c => !truth.SpeechOf(SpeakerRole.Agent).Any(a => a.Overlaps(c))).ToList();
        Print($"silence: agent {Dbfs(agent, silence):0.0} dBFS, customer {Dbfs(customer, silence):0.0} dBFS; speech {speechLevels.Min():0.0}..{speechLevels.Max():0.0} dBFS");
        Assert.Multiple(() =>
        {
            Assert.That(Dbfs(agent, silence), Is.InRange(-62.0, -54.0), "agent channel in the long silence");
            Assert.That(Dbfs(customer, silence), Is.InRange(-62.0, -54.0), "customer channel in the long silence");
            Assert.That(speechLevels, Has.All.GreaterThan(-35.0), "every speech interval on its own channel");
            Assert.That(customerOnly.Select(s => Dbfs(agent, s)), Has.All.LessThan(-54.0), "agent channel while only the customer talks");
        });
    }

    [Test]
    public void Render_SameScriptIntoTwoFolders_IdenticalBytes()
    {
        RequireRealAudio();
        var first = Path.Combine(Path.GetTempPath(), $"cm-render-{Guid.NewGuid():N}");
        var second = Path.Combine(Path.GetTempPath(), $"cm-render-{Guid.NewGuid():N}");
        try
        {
            var a = StandardCalls.AcceptanceScript().Render(first);
            var b = StandardCalls.AcceptanceScript().Render(second);

            Assert.That(File.ReadAllBytes(b.WavPath), Is.EqualTo(File.ReadAllBytes(a.WavPath)));
        }
        finally
        {
            Directory.Delete(first, recursive: true);
            Directory.Delete(second, recursive: true);
        }
    }

    [Test]
    public void Render_MonoMuLawTelephoneBand_ReadsBackWithTruthAtEightKilohertz()
    {
        RequireRealAudio();
        var wide = StandardCalls.Acceptance();
        var phone = StandardCalls.Acceptance(new RenderOptions { SampleRate = 8000, MuLaw = true, Mono = true });

        using var reader = AudioSource.Open(phone.WavPath);
        var silence = phone.Truth.SilencesAtLeast(10)[0].Span;
        var mixed = phone.ReadTrack16k(SpeakerRole.Mixed);
        var silence16k = new SampleSpan(silence.Start * 2, silence.End * 2);
        Assert.Multiple(() =>
        {
            Assert.That(reader.WaveFormat, Is.EqualTo(WaveFormat.MuLaw(8000, 1)));
            Assert.That(phone.Truth.SampleRate, Is.EqualTo(8000));
            Assert.That(phone.Truth.TotalSamples, Is.EqualTo(wide.Truth.TotalSamples / 2));
            Assert.That(silence.Seconds(8000), Is.EqualTo(StandardCalls.AcceptanceSilenceSeconds).Within(1.0 / 8000));
            Assert.That(Dbfs(mixed, silence16k), Is.InRange(-64.0, -50.0), "mu-law line noise in the long silence");
        });
    }

    [Test]
    public void TempoVariation_FastLine_UnitsPlayInTwoThirdsOfTheirRecordedLength()
    {
        var bank = RequireRealAudio();
        var fast = StandardCalls.TempoVariation().Truth.Utterances.Single(u => u.Tempo == StandardCalls.FastTempo);

        var recorded = fast.Units.Select(u => ClipLoader.Load16kMono(bank.AgentUnitPath(u.Text)).Length).ToList();
        var ratios = fast.Units.Select((u, i) => (double)u.Span.Length / recorded[i]).ToList();
        var overall = fast.Units.Sum(u => u.Span.Length) / (double)recorded.Sum();

        Print($"fast line unit length ratios: {string.Join(", ", ratios.Select(r => r.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)))}; overall {overall:0.000}");
        Assert.Multiple(() =>
        {
            // atempo works in frames of some tens of milliseconds, so a short word comes out a few percent off.
            Assert.That(ratios, Has.All.EqualTo(1 / StandardCalls.FastTempo).Within(0.05));
            Assert.That(overall, Is.EqualTo(1 / StandardCalls.FastTempo).Within(0.02));
        });
    }

    private static double Dbfs(float[] track, SampleSpan span)
    {
        double sum = 0;
        for (var i = span.Start; i < span.End; i++)
        {
            sum += track[i] * (double)track[i];
        }

        return 10 * Math.Log10((sum / Math.Max(1, span.Length)) + 1e-20);
    }
}
