namespace CallMonitor.Models;

/// <summary>One model of the manifest: what it is, where it officially comes from, and the files it installs.</summary>
/// <param name="Kind">"vad", "kws" or "asr".</param>
/// <param name="Language">BCP-47-ish language tag ("zh"), or "any".</param>
/// <param name="Archive">The official archive, or null when every file has its own URL.</param>
/// <param name="IsDefault">True for the models a plain install fetches (and doctor requires).</param>
public sealed record ModelEntry(
    string Name,
    string Version,
    string Kind,
    string Language,
    int SampleRate,
    string License,
    Uri OfficialUrl,
    ModelArchive? Archive,
    IReadOnlyList<ModelFile> Files,
    string? Notes,
    bool IsDefault)
{
    /// <summary>The files the model cannot run without.</summary>
    public IEnumerable<ModelFile> RequiredFiles => Files.Where(f => f.Required);

    /// <summary>True when every file has a sha256 (false: only the layout can be checked once installed).</summary>
    public bool HasFileChecksums => Files.All(f => f.IsVerifiable);
}
