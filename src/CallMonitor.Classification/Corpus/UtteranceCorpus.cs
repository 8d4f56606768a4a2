using System.Security.Cryptography;
using System.Text;

namespace CallMonitor.Classification;

/// <summary>
/// The labelled utterances the classifier learns from: standard service language against rude, blaming and
/// shirking language, with a finer category and the origin of each line.
/// </summary>
/// <remarks>
/// The project's own corpus is <c>Corpus/utterances.tsv</c>, embedded in this assembly
/// (<see cref="Embedded"/>). <see cref="Split"/> cuts it deterministically into a training part and a held-out
/// part (<see cref="HeldOutRule"/>).
/// </remarks>
public sealed class UtteranceCorpus
{
    /// <summary>Manifest name of the embedded corpus.</summary>
    public const string EmbeddedResourceName = "CallMonitor.Classification.utterances.tsv";

    private static readonly Lazy<UtteranceCorpus> EmbeddedCorpus = new(LoadEmbedded);

    private UtteranceCorpus(string name, IReadOnlyList<LabelledUtterance> utterances)
    {
        Name = name;
        Utterances = utterances;
    }

    /// <summary>The corpus shipped with CallMonitor (<c>Corpus/utterances.tsv</c>).</summary>
    public static UtteranceCorpus Embedded => EmbeddedCorpus.Value;

    /// <summary>Where the corpus came from (a path, the resource name, or a split of either).</summary>
    public string Name { get; }

    /// <summary>The utterances, in file order.</summary>
    public IReadOnlyList<LabelledUtterance> Utterances { get; }

    /// <summary>Number of utterances.</summary>
    public int Count => Utterances.Count;

    /// <summary>Number of utterances labelled rude.</summary>
    public int RudeCount => Utterances.Count(u => u.IsRude);

    /// <summary>Number of utterances labelled standard.</summary>
    public int StandardCount => Count - RudeCount;

    /// <summary>Loads and validates a corpus TSV file.</summary>
    /// <exception cref="UtteranceCorpusException">The file is missing, unreadable or malformed.</exception>
    public static UtteranceCorpus Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new UtteranceCorpusException($"corpus file not found: {fullPath}");
        }

        try
        {
            using var reader = new StreamReader(fullPath, Encoding.UTF8);
            return Parse(reader, fullPath);
        }
        catch (IOException ex)
        {
            throw new UtteranceCorpusException($"cannot read the corpus file {fullPath}: {ex.Message}", ex);
        }
    }

    /// <summary>Parses and validates corpus TSV text; <paramref name="name"/> appears in error messages.</summary>
    /// <exception cref="UtteranceCorpusException">The text is malformed; the message names the line.</exception>
    public static UtteranceCorpus Parse(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new UtteranceCorpus(name, CorpusTsvReader.Read(reader, name));
    }

    /// <summary>A corpus made of the given utterances (already validated elsewhere, or written in code).</summary>
    public static UtteranceCorpus From(string name, IEnumerable<LabelledUtterance> utterances)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(utterances);
        return new UtteranceCorpus(name, [.. utterances]);
    }

    /// <summary>
    /// Cuts the corpus by <see cref="HeldOutRule"/>: about <see cref="HeldOutRule.Percent"/> % held out, the rest
    /// for training. The same corpus always splits the same way.
    /// </summary>
    public CorpusSplit Split()
    {
        var train = new List<LabelledUtterance>();
        var test = new List<LabelledUtterance>();
        foreach (var utterance in Utterances)
        {
            (HeldOutRule.IsHeldOut(utterance.Text) ? test : train).Add(utterance);
        }

        return new CorpusSplit(new UtteranceCorpus($"{Name} (train)", train), new UtteranceCorpus($"{Name} (held-out)", test));
    }

    /// <summary>
    /// A short fingerprint of the labelled content (labels and texts, in order; categories, origins and
    /// comments excluded): a model records it so a model trained on another corpus can be told apart.
    /// </summary>
    public string Fingerprint()
    {
        var builder = new StringBuilder();
        foreach (var utterance in Utterances)
        {
            builder.Append(utterance.IsRude ? '1' : '0').Append('\t').Append(utterance.Text).Append('\n');
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString()));
        return Convert.ToHexStringLower(hash)[..12];
    }

    public override string ToString() => $"{Name}: {Count} utterances ({RudeCount} rude, {StandardCount} standard)";

    private static UtteranceCorpus LoadEmbedded()
    {
        using var stream = typeof(UtteranceCorpus).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new UtteranceCorpusException($"the embedded corpus '{EmbeddedResourceName}' is missing from {typeof(UtteranceCorpus).Assembly.GetName().Name}: the build is broken (Corpus/utterances.tsv must be an EmbeddedResource)");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader, "Corpus/utterances.tsv (embedded)");
    }
}
