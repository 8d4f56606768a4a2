using CallMonitor.Audio.Codecs;
using CallMonitor.Audio.Tests.Support;

namespace CallMonitor.Audio.Tests.Codecs;

public class G711CodecTests
{
    // Anchor values from the G.711 definition: the largest code magnitude and the smallest step of each law.
    [TestCase((byte)0xFF, (short)0)]
    [TestCase((byte)0x7F, (short)0)]
    [TestCase((byte)0x80, (short)32124)]
    [TestCase((byte)0x00, (short)-32124)]
    [TestCase((byte)0xFE, (short)8)]
    [TestCase((byte)0x7E, (short)-8)]
    public void MuLawDecode_DefinitionAnchors_MatchStandard(byte code, short expected) =>
        Assert.That(MuLawCodec.Decode(code), Is.EqualTo(expected));

    [TestCase((byte)0xD5, (short)8)]
    [TestCase((byte)0x55, (short)-8)]
    [TestCase((byte)0xAA, (short)32256)]
    [TestCase((byte)0x2A, (short)-32256)]
    public void ALawDecode_DefinitionAnchors_MatchStandard(byte code, short expected) =>
        Assert.That(ALawCodec.Decode(code), Is.EqualTo(expected));

    [Test]
    public void MuLawEncode_EveryDecodedCode_ReturnsSameCode()
    {
        // 0x7F is "negative zero": it decodes to 0, which encodes as positive zero 0xFF.
        var mismatches = Enumerable.Range(0, 256).Where(c => c != 0x7F && MuLawCodec.Encode(MuLawCodec.Decode((byte)c)) != c).ToList();
        Assert.That(mismatches, Is.Empty);
    }

    [Test]
    public void ALawEncode_EveryDecodedCode_ReturnsSameCode()
    {
        var mismatches = Enumerable.Range(0, 256).Where(c => ALawCodec.Encode(ALawCodec.Decode((byte)c)) != c).ToList();
        Assert.That(mismatches, Is.Empty);
    }

    [Test]
    public void Decode_AllCodesOrderedBySign_AreStrictlyMonotonic()
    {
        // Companding is monotonic: the 128 positive levels of each law must be distinct and increasing with magnitude.
        short[] muPositive = Enumerable.Range(0, 128).Select(m => MuLawCodec.Decode((byte)(0xFF - m))).ToArray();
        short[] aPositive = Enumerable.Range(0, 128).Select(m => ALawCodec.Decode((byte)((0x80 | m) ^ 0x55))).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(muPositive, Is.Ordered.Ascending);
            Assert.That(muPositive.Distinct().Count(), Is.EqualTo(128));
            Assert.That(aPositive, Is.Ordered.Ascending);
            Assert.That(aPositive.Distinct().Count(), Is.EqualTo(128));
        });
    }

    [Test]
    public void EncodeDecode_EveryLinearSample_StaysWithinHalfAQuantisationStep()
    {
        // The error of a log-PCM quantiser grows with level: at most ~1/32 of the magnitude, plus the smallest step.
        int worstMu = 0;
        int worstA = 0;
        for (int s = short.MinValue; s <= short.MaxValue; s++)
        {
            int limit = (Math.Abs(s) / 32) + 16;
            worstMu = Math.Max(worstMu, Math.Abs(MuLawCodec.Decode(MuLawCodec.Encode((short)s)) - s) - limit);
            worstA = Math.Max(worstA, Math.Abs(ALawCodec.Decode(ALawCodec.Encode((short)s)) - s) - limit);
        }

        // Only the clip region near full scale may exceed it (mu-law tops out at 32124, A-law at 32256).
        Assert.Multiple(() =>
        {
            Assert.That(worstMu, Is.LessThanOrEqualTo(32767 - 32124));
            Assert.That(worstA, Is.LessThanOrEqualTo(32767 - 32256));
        });
    }

    [TestCase("mu")]
    [TestCase("a")]
    public void EncodeDecode_SpeechLevelSine_SignalToQuantisationNoiseAbove33Db(string law)
    {
        float[] sine = Signals.Sines(8000, 8000, 0.3f, 1011);
        var linear = sine.Select(s => (short)Math.Round(s * 32767)).ToArray();
        var codes = new byte[linear.Length];
        var decoded = new short[linear.Length];
        if (law == "mu")
        {
            MuLawCodec.Encode(linear, codes);
            MuLawCodec.Decode(codes, decoded);
        }
        else
        {
            ALawCodec.Encode(linear, codes);
            ALawCodec.Decode(codes, decoded);
        }

        double signal = linear.Sum(s => (double)s * s);
        double noise = linear.Zip(decoded, (a, b) => (double)(a - b) * (a - b)).Sum();
        Assert.That(10 * Math.Log10(signal / noise), Is.GreaterThan(33));
    }

    [Test]
    public void Decode_ShortOutputBuffer_Throws() =>
        Assert.That(() => MuLawCodec.Decode(new byte[4], new short[3]), Throws.ArgumentException);
}
