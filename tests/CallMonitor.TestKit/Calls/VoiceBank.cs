using System.Text.Json;
using CallMonitor.TestKit.Assets;

namespace CallMonitor.TestKit.Calls;

/// <summary>
/// The real Mandarin recordings in <c>shared/audio</c>: the agent speaker's words and the customer speaker's
/// syllables (<c>voicebank-cmn/manifest.json</c>), and the transcribed real sentences (<c>real-cmn</c>).
/// </summary>
public sealed class VoiceBank
{
    private static readonly Lock Gate = new();
    private static VoiceBank? _shared;

    private VoiceBank(string audioRoot, Dictionary<string, string> agent, Dictionary<string, string> customer, List<RealUtterance> real, string manifestDigest)
    {
        AudioRoot = audioRoot;
        AgentUnits = agent;
        CustomerUnits = customer;
        RealUtterances = real;
        ManifestDigest = manifestDigest;
    }

    public string AudioRoot { get; }

    /// <summary>Chinese text of each agent unit (a word or character) to its FLAC file.</summary>
    public IReadOnlyDictionary<string, string> AgentUnits { get; }

    /// <summary>Toneful pinyin syllable (e.g. <c>ni3</c>) to the customer speaker's FLAC file.</summary>
    public IReadOnlyDictionary<string, string> CustomerUnits { get; }

    /// <summary>The transcribed real sentences, ordered by file name.</summary>
    public IReadOnlyList<RealUtterance> RealUtterances { get; }

    /// <summary>Digest of the manifest and transcripts, part of every render cache key.</summary>
    internal string ManifestDigest { get; }

    /// <summary>The shared voice bank; ignores the calling test when <c>shared/audio</c> is absent.</summary>
    public static VoiceBank Require()
    {
        var root = SharedAssets.RequireAudio();
        lock (Gate)
        {
            return _shared ??= Load(root);
        }
    }

    /// <exception cref="FileNotFoundException">The folder lacks the manifest or the transcripts.</exception>
    public static VoiceBank Load(string audioRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(audioRoot);
        var manifestPath = Path.Combine(audioRoot, "voicebank-cmn", "manifest.json");
        var transcriptsPath = Path.Combine(audioRoot, "real-cmn", "transcripts.tsv");
        foreach (var required in new[] { manifestPath, transcriptsPath })
        {
            if (!File.Exists(required))
            {
                throw new FileNotFoundException($"voice bank file {required} is missing; is {audioRoot} the shared audio folder?", required);
            }
        }

        var manifestText = File.ReadAllText(manifestPath);
        var transcriptText = File.ReadAllText(transcriptsPath);
        using var manifest = JsonDocument.Parse(manifestText);
        var voicebank = Path.Combine(audioRoot, "voicebank-cmn");
        var agent = ReadUnits(manifest.RootElement, "agent_units", voicebank);
        var customer = ReadUnits(manifest.RootElement, "customer_units", voicebank);
        var real = transcriptText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Skip(1)
            .Select(line => line.Split('\t'))
            .Where(parts => parts.Length >= 2)
            .Select(parts => new RealUtterance(Path.Combine(audioRoot, "real-cmn", parts[0]), parts[1]))
            .OrderBy(u => u.Name, StringComparer.Ordinal)
            .ToList();
        return new VoiceBank(audioRoot, agent, customer, real, Audio.TestKitCache.Key(manifestText, transcriptText));
    }

    /// <exception cref="KeyNotFoundException">The agent speaker never recorded <paramref name="word"/>.</exception>
    public string AgentUnitPath(string word) => Find(AgentUnits, word, "agent word");

    /// <exception cref="KeyNotFoundException">The customer speaker never recorded <paramref name="syllable"/>.</exception>
    public string CustomerUnitPath(string syllable) => Find(CustomerUnits, syllable, "customer syllable");

    /// <summary>The real sentence whose file name starts with <paramref name="namePrefix"/>.</summary>
    /// <exception cref="KeyNotFoundException">No file name starts with it.</exception>
    public RealUtterance RealUtterance(string namePrefix) =>
        RealUtterances.FirstOrDefault(u => u.Name.StartsWith(namePrefix, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"no real-cmn utterance starts with '{namePrefix}'; have: {string.Join(", ", RealUtterances.Select(u => u.Name))}");

    private static string Find(IReadOnlyDictionary<string, string> units, string key, string what)
    {
        if (units.TryGetValue(key, out var path))
        {
            return path;
        }

        var similar = units.Keys.Where(k => k.Length > 0 && key.Length > 0 && (k.Contains(key[0], StringComparison.Ordinal) || key.Contains(k[0], StringComparison.Ordinal))).Take(12);
        throw new KeyNotFoundException($"no {what} '{key}' in voicebank-cmn/manifest.json; similar: {string.Join(' ', similar)}");
    }

    private static Dictionary<string, string> ReadUnits(JsonElement root, string property, string folder)
    {
        if (!root.TryGetProperty(property, out var units))
        {
            throw new InvalidDataException($"voicebank-cmn/manifest.json has no '{property}'");
        }

        return units.EnumerateObject().ToDictionary(p => p.Name, p => Path.Combine(folder, p.Value.GetString() ?? string.Empty), StringComparer.Ordinal);
    }
}
