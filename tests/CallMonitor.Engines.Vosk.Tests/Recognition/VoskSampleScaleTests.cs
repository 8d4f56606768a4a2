using CallMonitor.Engines.Vosk.Recognition;

namespace CallMonitor.Engines.Vosk.Tests.Recognition;

public class VoskSampleScaleTests
{
    [Test]
    public void ToInt16Range_FullScaleSine_PeaksAtInt16FullScaleAndKeepsShape()
    {
        var sine = Enumerable.Range(0, 1600).Select(i => (float)Math.Sin(2 * Math.PI * 440 * i / 16000.0)).ToArray();
        var scaled = new float[sine.Length];

        VoskSampleScale.ToInt16Range(sine, scaled);

        var peak = scaled.Max(Math.Abs);
        var ratios = sine.Zip(scaled).Where(p => Math.Abs(p.First) > 0.01).Select(p => p.Second / p.First).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(peak, Is.InRange(32700f, 32768f), "a full-scale float sine is full-scale 16-bit");
            Assert.That(ratios.Max() - ratios.Min(), Is.LessThan(1e-2), "one gain for every sample");
        });
    }

    [Test]
    public void ToInt16Range_Int16ConvertedSamples_RoundTripExactly()
    {
        short[] original = [short.MinValue, -1234, 0, 1, 32767];
        var floats = original.Select(s => s / 32768f).ToArray();
        var scaled = new float[floats.Length];

        VoskSampleScale.ToInt16Range(floats, scaled);

        Assert.That(scaled, Is.EqualTo(original.Select(s => (float)s).ToArray()));
    }
}
