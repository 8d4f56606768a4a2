using System.Text;
using CallMonitor.Audio.Tests.Support;

namespace CallMonitor.Audio.Tests.Fuzzing;

/// <summary>
/// Seeded fuzzing of the WAV reader: every input is either read as sane audio or refused with a typed audio error
/// naming it; no other exception, no hang, no allocation out of proportion to the input. A failure names the seed.
/// </summary>
public class WaveFileReaderFuzzTests
{
    private const int MutatedInputs = 1500;
    private const int RandomBlobs = 400;
    private int refusals;

    [SetUp]
    public void ResetCount() => refusals = 0;

    [Test]
    [CancelAfter(120_000)]
    public async Task Read_MutatedValidFiles_ReadsOrRefusesCleanly(CancellationToken token)
    {
        var problems = new List<string>();
        for (int seed = 0; seed < MutatedInputs; seed++)
        {
            var rng = new Random(seed);
            byte[] original = WavCorpus.Valid[seed % WavCorpus.Valid.Count];
            byte[] input = WavMutator.Mutate(original, rng, out string kind);
            await Check(input, $"mutated seed {seed} ({kind})", asPipe: seed % 3 == 0, problems, token);
        }

        AssertNone(problems, MutatedInputs);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Read_TruncatedAtEveryChunkBoundary_ReadsOrRefusesCleanly(CancellationToken token)
    {
        var problems = new List<string>();
        int count = 0;
        for (int file = 0; file < WavCorpus.Valid.Count; file++)
        {
            byte[] original = WavCorpus.Valid[file];
            var cuts = RiffChunks.Walk(original).SelectMany(c => Enumerable.Range(c.Offset - 1, 10)).Concat(Enumerable.Range(0, 13));
            foreach (int cut in cuts.Where(c => c >= 0 && c < original.Length).Distinct())
            {
                count += 2;
                await Check(original[..cut], $"file {file} cut at {cut}", asPipe: false, problems, token);
                await Check(original[..cut], $"file {file} cut at {cut} (pipe)", asPipe: true, problems, token);
            }
        }

        Assert.That(count, Is.GreaterThan(100), "too few boundaries: the corpus walk is broken");
        AssertNone(problems, count);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Read_RandomBlobs_ReadsOrRefusesCleanly(CancellationToken token)
    {
        var problems = new List<string>();
        for (int seed = 0; seed < RandomBlobs; seed++)
        {
            var rng = new Random(1_000_000 + seed);
            byte[] blob = new byte[rng.Next(0, 600)];
            rng.NextBytes(blob);
            if (seed % 2 == 1 && blob.Length >= 16)
            {
                // Half get a believable RIFF/WAVE front so the parser goes past the first check.
                Encoding.ASCII.GetBytes(seed % 4 == 1 ? "RIFF" : "RF64").CopyTo(blob, 0);
                Encoding.ASCII.GetBytes("WAVEfmt ").CopyTo(blob, 8);
            }

            await Check(blob, $"blob seed {seed} ({blob.Length} bytes)", asPipe: seed % 5 == 0, problems, token);
        }

        AssertNone(problems, RandomBlobs);
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Read_MutatedRealRecording_ReadsOrRefusesCleanly(CancellationToken token)
    {
        string[] files = SharedAudio.FilesOrIgnore(Path.Combine("audio", "real-cmn", "utterances"), "*.wav");
        string? small = files.FirstOrDefault(f => new FileInfo(f).Length < 200_000);
        if (small is null)
        {
            Assert.Ignore("no real recording under 200 KB to mutate");
        }

        byte[] original = await File.ReadAllBytesAsync(small!, token);
        var problems = new List<string>();
        const int inputs = 150;
        for (int seed = 0; seed < inputs; seed++)
        {
            byte[] input = WavMutator.Mutate(original, new Random(2_000_000 + seed), out string kind);
            await Check(input, $"{Path.GetFileName(small)} seed {2_000_000 + seed} ({kind})", asPipe: seed % 3 == 0, problems, token);
        }

        AssertNone(problems, inputs);
    }

    private async Task Check(byte[] input, string label, bool asPipe, List<string> problems, CancellationToken token)
    {
        var (problem, refused) = await WavFuzzHarness.ProblemWithAsync(input, "fuzz.wav", asPipe, token);
        if (problem is not null)
        {
            problems.Add($"{label}{(asPipe ? " [pipe]" : string.Empty)}: {problem}");
        }

        refusals += refused ? 1 : 0;
    }

    private void AssertNone(List<string> problems, int inputs)
    {
        Assert.That(problems, Is.Empty, $"{problems.Count} of {inputs} inputs mishandled:\n" + string.Join('\n', problems.Take(15)));

        // Guards the fuzzer itself: inputs that were never refused would mean the mutations reached nothing.
        Assert.That(refusals, Is.GreaterThan(inputs / 10), $"only {refusals} of {inputs} inputs were refused: the mutations are too weak");
        TestContext.Out.WriteLine($"{inputs} inputs, {refusals} refused with a typed error, {inputs - refusals} read as audio");
    }
}
