using System.Buffers.Binary;
using System.Text;

namespace CallMonitor.Cli.Tests.Analyze;

/// <summary>
/// Broken inputs through the real CLI: each gives one clear line naming the file and the problem, a non-zero
/// exit code, no stack trace and no hang.
/// </summary>
public class BadInputTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "callmonitor-badinput-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private static byte[] WavHeader(short channels = 1, int rate = 8000, short bits = 16, short tag = 1, int dataBytes = 1600, bool withData = true)
    {
        var ms = new MemoryStream();
        var w = new BinaryWriter(ms);
        var blockAlign = (short)(channels * bits / 8);
        w.Write("RIFF"u8);
        w.Write(4 + 8 + 16 + (withData ? 8 + dataBytes : 0));
        w.Write("WAVE"u8);
        w.Write("fmt "u8);
        w.Write(16);
        w.Write(tag);
        w.Write(channels);
        w.Write(rate);
        w.Write(rate * blockAlign);
        w.Write(blockAlign);
        w.Write(bits);
        if (withData)
        {
            w.Write("data"u8);
            w.Write(dataBytes);
        }

        w.Flush();
        return ms.ToArray();
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public static IEnumerable<TestCaseData> BrokenFiles()
    {
        yield return new TestCaseData("zero-length.wav", Array.Empty<byte>()).SetName("Analyze_ZeroLengthFile_OneLineError");
        yield return new TestCaseData("header-only.wav", WavHeader(withData: false)).SetName("Analyze_HeaderOnlyFile_OneLineError");
        yield return new TestCaseData("empty-data.wav", WavHeader(dataBytes: 0)).SetName("Analyze_EmptyDataChunk_OneLineError");
        yield return new TestCaseData("truncated-header.wav", WavHeader()[..30]).SetName("Analyze_TruncatedHeader_OneLineError");
        var lyingSize = WavHeader(dataBytes: 1_000_000).Concat(new byte[1600]).ToArray();
        yield return new TestCaseData("lying-size.wav", lyingSize).SetName("Analyze_DataSizeBeyondFileEnd_OneLineError");
        yield return new TestCaseData("zero-channels.wav", WavHeader(channels: 0).Concat(new byte[1600]).ToArray()).SetName("Analyze_HeaderWithZeroChannels_OneLineError");
        var badAlign = WavHeader().Concat(new byte[1600]).ToArray();
        BinaryPrimitives.WriteInt16LittleEndian(badAlign.AsSpan(32), 7); // block align 7 for 16-bit mono
        yield return new TestCaseData("bad-block-align.wav", badAlign).SetName("Analyze_InconsistentBlockAlign_OneLineError");
        var garbage = new byte[4096];
        new Random(3).NextBytes(garbage);
        "RIFF"u8.CopyTo(garbage);
        yield return new TestCaseData("corrupt.wav", garbage).SetName("Analyze_CorruptRiffBody_OneLineError");
        yield return new TestCaseData("notes.wav", Encoding.UTF8.GetBytes("这不是音频文件，只是一些文字。\nnot audio at all\n")).SetName("Analyze_TextFileNamedWav_OneLineError");
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.Concat(new byte[512]).ToArray();
        yield return new TestCaseData("image.wav", png).SetName("Analyze_PngNamedWav_OneLineError");
        yield return new TestCaseData("adpcm.wav", WavHeader(tag: 2, bits: 4).Concat(new byte[1600]).ToArray()).SetName("Analyze_UnsupportedAdpcm_OneLineError");
    }

    [TestCaseSource(nameof(BrokenFiles))]
    [CancelAfter(120_000)]
    public async Task Analyze_BrokenFile_ClearOneLineErrorAndNonZeroExit(string name, byte[] bytes, CancellationToken token)
    {
        var path = Write(name, bytes);

        var result = await CliProcess.RunAsync(token, "analyze", path, "--engines", "none");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(3), result.Stderr);
            Assert.That(result.StderrLines, Has.Length.EqualTo(1), result.Stderr);
            Assert.That(result.Stderr, Does.Contain(name));
            Assert.That(result.Stderr, Does.Not.Contain(" at "), "no stack trace");
            Assert.That(result.Stdout, Is.Empty, "no partial report");
        });
        TestContext.Out.WriteLine($"{name}: {result.Stderr.Trim()}");
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Analyze_MissingFile_NamesTheFile(CancellationToken token)
    {
        var path = Path.Combine(_dir, "nowhere.wav");

        var result = await CliProcess.RunAsync(token, "analyze", path);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Not.Zero);
            Assert.That(result.StderrLines, Has.Length.EqualTo(1));
            Assert.That(result.Stderr, Does.Contain("nowhere.wav"));
        });
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Analyze_UnknownChannelLayout_UsageError(CancellationToken token)
    {
        var path = Write("ok.wav", WavHeader().Concat(new byte[1600]).ToArray());

        var result = await CliProcess.RunAsync(token, "analyze", path, "--channels", "agent,agent");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Stderr, Does.Contain("agent,agent"));
        });
    }
}
