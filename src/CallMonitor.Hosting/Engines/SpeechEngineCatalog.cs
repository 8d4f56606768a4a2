using CallMonitor.Compliance.Rules;
using CallMonitor.Domain.Errors;
using CallMonitor.Engines.SherpaOnnx.Kws;
using CallMonitor.Engines.Vosk;
using CallMonitor.Engines.Vosk.Model;
using CallMonitor.Engines.Vosk.Recognition;
using CallMonitor.Hosting.Models;
using CallMonitor.Pipeline.Engines;
using CallMonitor.Speech.Engines;

namespace CallMonitor.Hosting.Engines;

/// <summary>
/// Starts the speech engines of a run: <c>auto</c> starts every engine whose library and model are installed (and
/// says nothing about the rest); a name asked for explicitly that cannot start is listed as unavailable with the
/// reason, and the others still start. The keyword spotter listens for the rule pack's spoken phrases.
/// </summary>
public static class SpeechEngineCatalog
{
    public const string Auto = "auto";

    public const string None = "none";

    /// <summary>Engines this version knows.</summary>
    public static IReadOnlyList<string> Known { get; } = [VoskEngine.EngineName, KeywordSpotterEngine.EngineName];

    /// <summary>Parses an engine list (<c>vosk,kws</c>, <c>auto</c>, <c>none</c>).</summary>
    /// <exception cref="ArgumentException">An unknown name, or auto/none mixed with names.</exception>
    public static IReadOnlyList<string> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var names = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(n => n.ToLowerInvariant()).Distinct().ToList();
        if (names.Count == 0)
        {
            throw new ArgumentException("the engine list is empty; give auto, none or names such as vosk,kws");
        }

        if (names.Count > 1 && (names.Contains(Auto) || names.Contains(None)))
        {
            throw new ArgumentException($"'{Auto}' and '{None}' stand alone; got '{text}'");
        }

        foreach (var name in names.Where(n => n is not Auto and not None && !Known.Contains(n)))
        {
            throw new ArgumentException($"'{name}' is not an engine of this version (known: {Auto}, {None}, {string.Join(", ", Known)})");
        }

        return names;
    }

    /// <summary>Starts the engines named by <paramref name="names"/> (from <see cref="Parse"/>).</summary>
    /// <param name="required">Throw when a named engine cannot start, instead of listing it as unavailable.</param>
    /// <exception cref="EngineUnavailableException">With <paramref name="required"/>: the first engine that cannot start.</exception>
    public static EngineSelection Open(IReadOnlyList<string> names, RulePack rules, bool required = false)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return OpenWhere(names, rules, required, _ => true);
    }

    /// <summary>Whether engine <paramref name="name"/> listens for a rule pack's phrases, so a new pack needs a new instance of it.</summary>
    public static bool DependsOnPack(string name) => name == KeywordSpotterEngine.EngineName;

    /// <summary>
    /// Starts only the engines of <paramref name="names"/> that do not depend on the rule pack (Vosk): a service opens
    /// these once and keeps them across pack changes. Same rules as <see cref="Open"/> for unavailable engines.
    /// </summary>
    /// <exception cref="EngineUnavailableException">With <paramref name="required"/>: the first engine that cannot start.</exception>
    public static EngineSelection OpenPackIndependent(IReadOnlyList<string> names, bool required = false) =>
        OpenWhere(names, null, required, name => !DependsOnPack(name));

    /// <summary>
    /// Starts only the engines of <paramref name="names"/> that listen for <paramref name="rules"/>' phrases (the
    /// keyword spotter): a service opens these again for every pack it publishes.
    /// </summary>
    /// <exception cref="EngineUnavailableException">With <paramref name="required"/>: the first engine that cannot start.</exception>
    public static EngineSelection OpenPackDependent(IReadOnlyList<string> names, RulePack rules, bool required = false)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return OpenWhere(names, rules, required, DependsOnPack);
    }

    private static EngineSelection OpenWhere(IReadOnlyList<string> names, RulePack? rules, bool required, Func<string, bool> include)
    {
        ArgumentNullException.ThrowIfNull(names);
        var auto = names.Contains(Auto);
        var wanted = (auto ? Known : names.Where(n => n != None)).Where(include).ToList();
        var engines = new List<ISpeechEngine>();
        var unavailable = new List<EngineStatus>();
        var warnings = new List<string>();
        try
        {
            foreach (var name in wanted)
            {
                try
                {
                    // include admits the keyword spotter only where rules were given (Open, OpenPackDependent).
                    engines.Add(name == VoskEngine.EngineName ? OpenVosk() : OpenKeywordSpotter(rules!, warnings));
                }
                catch (EngineUnavailableException e) when (!required || auto)
                {
                    if (!auto)
                    {
                        unavailable.Add(new EngineStatus(name, Describe(name), EngineState.Unavailable, WithoutEnginePrefix(e)));
                    }
                }
            }
        }
        catch
        {
            // An engine that failed to start must not leave the ones already started holding their models.
            engines.ForEach(e => e.Dispose());
            throw;
        }

        return new EngineSelection(engines, unavailable, warnings);
    }

    /// <summary>The keyword spotter listening for <paramref name="rules"/>' spoken phrases.</summary>
    /// <exception cref="EngineUnavailableException">The library or the model is missing.</exception>
    public static KeywordSpotterEngine OpenKeywordSpotter(RulePack rules, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(warnings);
        var dir = InstalledModels.KeywordSpotterModel()
            ?? throw new EngineUnavailableException(
                KeywordSpotterEngine.EngineName,
                $"the keyword-spotting model is not installed; run `./callmonitor models install {InstalledModels.KeywordSpotter}`");
        var model = KwsModelFiles.FromDirectory(dir);
        var phrases = rules.SpokenPhrases()
            .GroupBy(p => p.Text, StringComparer.Ordinal)
            .Select(g => new KeywordPhrase(g.Key, g.Max(p => p.KwsThreshold), g.Min(p => p.KwsBoost)))
            .ToList();
        var builder = KeywordBuilder.For(model);
        var specs = new List<KeywordSpec>();
        var droppedSpellings = 0;
        foreach (var phrase in phrases)
        {
            try
            {
                var built = builder.Build([phrase]);
                specs.AddRange(built.Specs);
                droppedSpellings += built.Warnings.Count;
            }
            catch (KeywordSpellingException e)
            {
                // One phrase the model cannot spell must not silence the spotter for all the others.
                warnings.Add($"kws: not listening for '{phrase.Phrase}': {e.Message}");
            }
        }

        if (droppedSpellings > 0)
        {
            // Expected: the model has no toneless finals, so neutral-tone variants (知道 as zhī dao) cannot be written.
            warnings.Add($"kws: {droppedSpellings} alternative spellings the model cannot write were left out ({specs.Count} keywords for {phrases.Count} phrases)");
        }

        return new KeywordSpotterEngine(new KeywordSpotterSettings(model, specs));
    }

    private static string WithoutEnginePrefix(EngineUnavailableException e) =>
        e.Message.StartsWith(e.Engine + ": ", StringComparison.Ordinal) ? e.Message[(e.Engine.Length + 2)..] : e.Message;

    private static VoskEngine OpenVosk() => new(new VoskSettings { ModelPath = InstalledModels.VoskModel() });

    private static string Describe(string name) => name == VoskEngine.EngineName
        ? $"vosk, model {VoskModelDirectory.DefaultModelName}"
        : $"sherpa-onnx keyword spotter, model {InstalledModels.KeywordSpotter}";
}
